// stepmark.test.mjs: issue 21 item 6 in headless Chromium: the worked-example link opens the step
// panel by itself, and the traced point is marked on the output plot (a ring drawn at the point's
// pixel, moving with "Next point", gone when the panel closes).
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { b, open } = await pageSuite(test, { height: 1000 });
// the output canvas's pixel (CSS px) as [r, g, b]
const pixel = (page, x, y) =>
  page.evaluate(
    ([x, y]) => {
      const c = document.getElementById('output'),
        k = c.width / c.getBoundingClientRect().width;
      return Array.from(
        c
          .getContext('2d')
          .getImageData(Math.round(x * k), Math.round(y * k), 1, 1)
          .data.slice(0, 3),
      );
    },
    [x, y],
  );

test('the worked-example link opens the step panel and marks its point', async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  await page.waitForFunction(() => window.playground.trace && window.playground.marked, null, { timeout: 30000 });
  assert.equal(await page.locator('#stepPanel').isHidden(), false);
  assert.equal(await page.getAttribute('#stepThrough', 'aria-pressed'), 'true');
  const m = await page.evaluate(() => window.playground.marked);
  const tp = await page.evaluate(() => {
    const s = window.playground,
      i = s.tracePoint.index;
    return [s.train[3 * i], s.train[3 * i + 1]];
  });
  assert.deepEqual([m.x, m.y], tp, 'the ring is on the traced point');
  // the ring's yellow is on the canvas at the ring's radius (right of the point)
  const ring = [];
  for (const dx of [-1, 0, 1]) ring.push(await pixel(page, m.px + m.r + dx, m.py));
  assert.ok(
    ring.some(([r, g, bl]) => r > 200 && g > 170 && bl < 80),
    `ring pixels ${JSON.stringify(ring)}`,
  );
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});

test('a link without the preset does not open the panel; the ring follows the traced point', async () => {
  const page = await open('seed=3');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#stepPanel').isHidden(), true);
  assert.equal(await page.evaluate(() => window.playground.marked), null);
  await page.click('#stepThrough');
  await page.waitForFunction(() => window.playground.marked && window.playground.tracePoint.index === 0, null, {
    timeout: 30000,
  });
  await page.click('#stNextPoint');
  await page.waitForFunction(
    () => {
      const s = window.playground,
        i = s.tracePoint.index;
      return i === 1 && s.marked && s.marked.x === s.train[3 * i] && s.marked.y === s.train[3 * i + 1];
    },
    null,
    { timeout: 30000 },
  );
  await page.click('#stClose');
  await page.waitForFunction(() => window.playground.marked === null);
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});

test('the X2 -> h1 link of the worked example answers along its length, labels on top or not', async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  await page.waitForFunction(() => window.playground.trace);
  for (let p = 0; p < 4; p++) await page.click('#stNext'); // backward phases: labels on the links
  // the link from the lower input to the top hidden neuron, found from the hit paths' geometry
  const spots = await page.evaluate(() => {
    const hits = [...document.querySelectorAll('.net-link-hit')].filter((h) => h.getAttribute('d'));
    const ends = hits.map((h) => {
      const n = h
        .getAttribute('d')
        .match(/-?[\d.]+/g)
        .map(Number);
      return { h, x0: n[0], y0: n[1], y1: n[n.length - 1] };
    });
    const first = ends.filter((e) => e.x0 === Math.min(...ends.map((f) => f.x0)));
    const y0 = Math.max(...first.map((e) => e.y0)),
      y1 = Math.min(...first.map((e) => e.y1));
    const h = first.find((e) => e.y0 === y0 && e.y1 === y1).h;
    const len = h.getTotalLength(),
      m = h.getScreenCTM(),
      out = [];
    for (let t = 0.1; t < 0.91; t += 0.05) {
      const p = h.getPointAtLength(len * t);
      // skip the crossings: points another link's curve passes within 3 units of
      const near = hits.some(
        (o) =>
          o !== h &&
          Array.from({ length: 65 }, (_, s) => o.getPointAtLength((o.getTotalLength() * s) / 64)).some(
            (q) => Math.hypot(q.x - p.x, q.y - p.y) < 3,
          ),
      );
      if (!near) {
        const s = p.matrixTransform(m);
        out.push([s.x, s.y]);
      }
    }
    return out;
  });
  assert.ok(spots.length >= 8, `${spots.length} spots away from crossings`);
  const titles = [];
  for (const [x, y] of spots) {
    await page.mouse.click(x, y);
    titles.push(await page.locator('.st-title').first().innerText());
  }
  assert.match(titles[0], /weight from .* to neuron 1 of layer 1/);
  assert.deepEqual(
    titles,
    titles.map(() => titles[0]),
    'every spot selects the same link',
  );
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});

test('labels on links are not covered by the neuron annotation boxes and keep their neurons’ order', async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  await page.waitForFunction(() => window.playground.trace);
  let checked = 0;
  for (let p = 0; p < 6; p++) {
    const r = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.net-anno')].map((b) => b.getBoundingClientRect());
      const labels = [...document.querySelectorAll('.net-link-text text')];
      // the glyphs: a 10 px label's em box about its rect's middle (Firefox's rect of SVG text
      // holds the font's whole line, 18 px)
      const glyphs = (t) => {
        const a = t.getBoundingClientRect(),
          mid = (a.top + a.bottom) / 2,
          h = 1.1 * parseFloat(getComputedStyle(t).fontSize);
        return {
          left: a.left,
          right: a.right,
          top: Math.max(a.top, mid - h / 2),
          bottom: Math.min(a.bottom, mid + h / 2),
        };
      };
      const covered = labels
        .filter((t) => {
          const a = glyphs(t);
          return boxes.some((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom);
        })
        .map((t) => t.textContent);
      // backward, output: the labels (dL/dw) of the links into the output neuron keep their source
      // neurons' top-to-bottom order (in Firefox one was pushed under the next neuron's box: its
      // text rect is 18 px tall)
      const ends = Object.fromEntries(
        [...document.querySelectorAll('.net-link-hit')].map((path) => {
          const len = path.getTotalLength();
          const end = path.getPointAtLength(len);
          return [path.dataset.k, { from: path.getPointAtLength(0).y, x: end.x }];
        }),
      );
      const out = Math.max(...Object.values(ends).map((e) => e.x));
      const group = labels.filter((t) => ends[t.dataset.k].x > out - 1);
      const bySource = [...group].sort((u, v) => ends[u.dataset.k].from - ends[v.dataset.k].from);
      const byLabel = [...group].sort((u, v) => u.getBoundingClientRect().top - v.getBoundingClientRect().top);
      const misplaced = bySource.some((t, i) => t !== byLabel[i]) ? byLabel.map((t) => t.textContent) : [];
      return { n: labels.length, covered, misplaced, outLabels: group.length };
    });
    assert.deepEqual(r.covered, [], `phase ${p}: labels under a box`);
    if (p === 3) {
      assert.equal(r.outLabels, 3, 'phase 3 labels the three links into the output');
      assert.deepEqual(r.misplaced, [], `phase ${p}: labels out of their neurons' order`);
    }
    checked += r.n;
    await page.click('#stNext');
  }
  assert.ok(checked >= 9, `${checked} labels checked`); // 9 weights, shown in the backward and update phases
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});
