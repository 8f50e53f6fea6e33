// views.test.mjs: the canvas views (web/views/colors.js, heatmap.js, axes-legend.js, losschart.js) in headless
// Chromium. tests/browser/pages/views.html (mounted at /tests/ next to the page's files) draws synthetic grids, points, a legend, axes and a loss chart and
// reports pixels; the expected colours are derived here from the palette stops (hex strings), not
// copied from a run. Also checks, without a browser, the pure helpers and that no view file uses
// HTML-string DOM APIs (the page renders untrusted URL text under a strict CSP).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser, root } from './browser.mjs';
import { mountFolder } from '../../scripts/browser.mjs';
import { PALETTES, DISCRETE_LIGHTEN, valueToIndex } from '../../web/views/colors.js';
import { pixelToData, dataToPixel } from '../../web/views/heatmap.js';

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const lerp = (a, b, t) => a.map((x, i) => x + (b[i] - x) * t);
const D = PALETTES.default;
const NEG = hex(D.neg),
  MID = hex(D.mid),
  POS = hex(D.pos),
  MID_DARK = hex(D.midDark);

function near(actual, expected, tol, what) {
  const d = Math.max(...actual.map((x, i) => Math.abs(x - expected[i])));
  assert.ok(d <= tol, `${what}: got rgb(${actual}), expected about rgb(${expected.map(Math.round)}) (off by ${d})`);
}

test('colour index and coordinate helpers (no browser)', () => {
  assert.equal(valueToIndex(NaN), 128);
  assert.equal(valueToIndex(0), 128);
  assert.equal(valueToIndex(-1), 0);
  assert.equal(valueToIndex(1), 255);
  assert.equal(valueToIndex(-1e-7) < 128, true, 'any negative value is on the negative side');
  assert.equal(valueToIndex(undefined), 128);
  const p = dataToPixel(3, 3, 300, 300);
  assert.deepEqual(p, { px: 225, py: 75 });
  assert.deepEqual(pixelToData(p.px, p.py, 300, 300), { x: 3, y: 3 });
  assert.deepEqual(pixelToData(0, 300, 300, 300), { x: -6, y: -6 });
});

test('view modules build DOM without HTML strings', () => {
  for (const f of [
    'web/views/colors.js',
    'web/views/heatmap.js',
    'web/views/axes-legend.js',
    'web/views/losschart.js',
    'tests/browser/pages/views-page.js',
  ]) {
    const src = fs.readFileSync(path.join(root, f), 'utf8');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, f);
  }
});

test('heatmap, points, legend, axes and loss chart draw the right pixels in Chromium', async () => {
  const b = await startBrowser();
  try {
    const page = await b.newPage();
    await mountFolder(page, '/tests/', path.join(root, 'tests/browser/pages'));
    await page.goto(`${b.base}/tests/views.html`);
    await page.waitForFunction(() => window.viewsTest !== undefined, null, { timeout: 30000 });
    const R = await page.evaluate(() => window.viewsTest);
    assert.equal(R.ok, true, R.error);

    // The x/6 ramp: orange on the left, blue on the right, neutral in the middle.
    assert.equal(R.ramp.w, 300);
    assert.ok(R.ramp.left[0] > R.ramp.left[2] && R.ramp.right[2] > R.ramp.right[0]);
    near(R.ramp.left, NEG, 6, 'left edge');
    near(R.ramp.right, POS, 6, 'right edge');
    near(R.ramp.centre, MID, 4, 'centre column');
    near(R.dark.centre, MID_DARK, 4, 'dark theme centre');
    near(R.dark.left, NEG, 6, 'dark theme left edge');

    // Discretize: just off centre, already the full (slightly lightened) sign colour.
    near(R.discrete.centreLeft, lerp(NEG, [255, 255, 255], DISCRETE_LIGHTEN), 2, 'discretized centre-left');
    near(R.discrete.centreRight, lerp(POS, [255, 255, 255], DISCRETE_LIGHTEN), 2, 'discretized centre-right');

    // Points land where dataToPixel says, in their label's colour; test points get a dark outline.
    near(R.points.at33, POS, 2, 'point +1 at (3, 3)');
    near(R.points.atm3m3, NEG, 2, 'point -1 at (-3, -3)');
    near(R.points.away, MID, 2, 'field 11 px from the point');
    near(R.points.between, MID, 2, 'field between points');
    assert.ok(R.points.testOutline < 150, `test point outline is dark (${R.points.testOutline})`);
    assert.ok(R.points.trainOutline > R.points.testOutline + 100, 'training points have no dark outline');
    near(R.smallPoints.onLine, POS, 8, 'thumbnail: dense points keep their colour');
    assert.equal(R.hidpi.w, 600);
    assert.equal(R.hidpi.cssW, '300px');
    near(R.hidpi.at33, NEG, 2, 'hi-dpi point at (3, 3)');
    near(R.hidpi.away, MID, 2, 'hi-dpi field beside the point');
    near(R.kinds.class2, hex(D.classes[2]), 2, 'multiclass point label 2');
    near(R.kinds.reg3, POS, 2, 'regression point 3.0 clamps to +1');
    near(R.kinds.regHalf, lerp(MID, NEG, 0.5), 8, 'regression point -0.5');

    // Multi-class argmax, faded to neutral as the winning probability falls to 1/K.
    near(R.multi.c0, hex(D.classes[0]), 3, 'class 0 region');
    near(R.multi.c1, hex(D.classes[1]), 3, 'class 1 region');
    near(R.multi.c2, hex(D.classes[2]), 3, 'class 2 region');
    near(R.multi.uniform, MID, 3, 'uniform probabilities');
    near(R.multi.partial, lerp(MID, hex(D.classes[1]), (0.6 - 1 / 3) / (1 - 1 / 3)), 3, 'p = 0.6 of 3 classes');
    // a softmax output neuron alone: neutral at p = 0 to its class colour at p = 1 (not the -1..+1 scale)
    near(R.multi.thumbFull, hex(D.classes[2]), 3, 'class-2 thumbnail at p = 1');
    near(R.multi.thumbHalf, lerp(MID, hex(D.classes[2]), 0.5), 4, 'class-2 thumbnail at p = 0.5');
    near(R.multi.thumbZero, MID, 3, 'class-2 thumbnail at p = 0');

    // NaN and out-of-range values.
    assert.equal(R.lut.nanIndex, 128);
    assert.equal(R.lut.zeroIndex, 128);
    assert.equal(R.lut.infIndex, 255);
    assert.equal(R.lut.negInfIndex, 0);
    assert.equal(R.lut.big, 255);
    assert.equal(R.lut.small, 0);
    assert.ok(R.lut.tiny < 128);
    near(R.lut.entry128, MID, 0, 'table entry for NaN');
    near(R.lut.nanPixel, MID, 1, 'NaN grid');

    // Thumbnails reuse their ImageData; `scale` stretches a small range to the full scale.
    assert.equal(R.thumb.sameImage, true);
    near(R.thumb.left, NEG, 6, 'thumbnail left');
    near(R.thumb.right, POS, 6, 'thumbnail right');
    near(R.scaled.left, NEG, 6, 'scaled grid left edge');

    const C = PALETTES.colorblind;
    near(R.legend.left, hex(C.neg), 4, 'legend -1 end');
    near(R.legend.mid, hex(C.mid), 6, 'legend middle');
    near(R.legend.right, hex(C.pos), 4, 'legend +1 end');
    for (const t of ['-6', '-4', '0', '4', '6']) assert.ok(R.axes.labels.includes(t), `axis label ${t}`);
    assert.equal(R.axes.labels.length, 14); // 7 ticks on each axis
    assert.equal(R.axes.width, '322');
    assert.ok(R.axes.canvasInk > 50, 'axes drawn on a canvas too');

    // Loss chart: non-finite losses marked in red at the top, hover redraws, downsampling keeps the
    // latest epoch and the divergence.
    assert.ok(R.loss.red > 4, `red x marks at the top (${R.loss.red} red pixels)`);
    assert.ok(R.loss.hoverIndex >= 0 && R.loss.changed > 0, 'hover label drawn');
    assert.ok(R.loss.length <= 2000 && R.loss.length >= 1000, `kept ${R.loss.length} samples`);
    assert.equal(R.loss.lastEpoch, 4999);
    assert.ok(R.loss.nonFinite >= 2, 'NaN samples survive downsampling');
    assert.equal(R.loss.emptyOk, true);
    const one = R.loss.oneSample;
    assert.ok(one.trainRight > 0 && one.testRight > 0, `one sample: both levels drawn across (${JSON.stringify(one)})`);
    assert.equal(one.between, 0, 'one sample: nothing drawn between the two levels');
    // a long run: the descent is spread over the log axis; thinning keeps the start and the divergence
    const L = R.loss.long;
    assert.ok(
      L.inked.some((y) => y >= 34 && y <= 42),
      `long run, middle column: the curve at y ~38, inked at ${L.inked.join(',')}`,
    );
    assert.ok(!L.inked.some((y) => y >= 54), `long run, middle column: nothing at the bottom (${L.inked.join(',')})`);
    assert.ok(L.length <= 2000, `kept ${L.length} samples`);
    assert.ok(L.early >= 5, `${L.early} samples from the first 1,000 of 10,000,000 epochs`);
    assert.equal(L.first, 0);
    assert.equal(L.last, 1e7);
    assert.ok(L.keptNaN >= 1, 'a NaN at epoch 2,000,000 survives the thinning');

    assert.deepEqual(b.external, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});
