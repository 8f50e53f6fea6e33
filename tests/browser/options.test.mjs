// options.test.mjs: the Training options panel and the per-class results in headless Chromium:
// every option edits its URL key and the engine's config, and a reload restores the controls;
// an optimizer switch mid-training keeps the weights; stop conditions pause exactly there;
// a 3-class page shows one colour per class and a confusion matrix that counts the test set.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite } from './browser.mjs';

const { b, shots, open } = await pageSuite(test);
const cfg = (page) => page.evaluate(() => window.playground.config);
const hashOf = (page) => page.evaluate(() => location.hash.slice(1));
const settle = (page) => page.waitForFunction(() => !window.playground.inflight && !window.playground.dirty);
const metrics = (page) => page.evaluate(() => window.playground.metrics);
const hashValue = (h, key) => new URLSearchParams(h).get(key);
async function setNumber(page, sel, v) {
  await page.locator(sel).fill(String(v));
  await page.locator(sel).dispatchEvent('change');
}
async function playUntilPaused(page, timeout = 60000) {
  await page.waitForFunction(() => !window.playground.playing, null, { timeout });
  await settle(page);
}

test('every training option edits its URL key and the engine config; a reload restores the controls', async () => {
  const page = await open('seed=5&networkShape=4,4');
  await page.click('#trainingOptions > summary');
  const visible = (id) => page.locator(`#opt-${id}`).isVisible();
  assert.equal(await visible('momentum'), false, 'SGD has no momentum parameter');
  assert.equal(await visible('leakyAlpha'), false, 'no Leaky ReLU in this network');
  const steps = [
    [() => page.selectOption('#opt-optimizer', 'adam'), 'optimizer', 'adam'],
    [() => setNumber(page, '#opt-beta1', 0.8), 'beta1', 0.8],
    [() => setNumber(page, '#opt-beta2', 0.99), 'beta2', 0.99],
    [() => setNumber(page, '#opt-epsilon', 0.000001), 'epsilon', 0.000001],
    [() => page.selectOption('#opt-optimizer', 'rmsprop'), 'optimizer', 'rmsprop'],
    [() => setNumber(page, '#opt-rho', 0.95), 'rho', 0.95],
    [() => page.selectOption('#opt-optimizer', 'nesterov'), 'optimizer', 'nesterov'],
    [() => setNumber(page, '#opt-momentum', 0.5), 'momentum', 0.5],
    [() => page.selectOption('#opt-init', 'he'), 'init', 'he'],
    [() => page.selectOption('#opt-loss', 'bce'), 'loss', 'bce'],
    [() => page.selectOption('#opt-outputActivation', 'sigmoid'), 'outputActivation', 'sigmoid'],
    [() => setNumber(page, '#opt-dropout', 0.2), 'dropout', 0.2],
    [() => page.click('#opt-batchNorm'), 'batchNorm', true],
    [() => page.click('#opt-residual'), 'residual', true],
    [() => page.selectOption('#opt-layerAct-1', 'relu'), 'layerActivations', ['tanh', 'relu']],
    [() => page.selectOption('#opt-layerAct-0', 'leakyrelu'), 'layerActivations', ['leakyrelu', 'relu']],
    [() => setNumber(page, '#opt-leakyAlpha', 0.1), 'leakyAlpha', 0.1],
    [() => setNumber(page, '#opt-stopEpoch', 50), 'stopEpoch', 50],
    [() => setNumber(page, '#opt-stopTestLoss', 0.05), 'stopTestLoss', 0.05],
  ];
  for (const [act, key, want] of steps) {
    await act();
    await page
      .waitForFunction(([k, w]) => JSON.stringify(window.playground.config[k]) === JSON.stringify(w), [key, want])
      .catch(async (e) =>
        assert.fail(
          `${key}: want ${JSON.stringify(want)}, config has ${JSON.stringify((await cfg(page))[key])}; ` +
            `messages: ${await page.locator('#messages').innerText()} (${e.message.split('\n')[0]})`,
        ),
      );
    const got = hashValue(await hashOf(page), key);
    if (typeof want === 'number') assert.equal(Number(got), want, `${key} in the hash`);
    else assert.equal(got, Array.isArray(want) ? want.join(',') : String(want), `${key} in the hash`);
  }
  assert.equal(await visible('momentum'), true, 'Nesterov shows momentum');
  assert.equal(await visible('beta1'), false, "Nesterov hides Adam's beta1");
  // every control has a screen-reader label and a one-line explanation
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('#optionsBody select, #optionsBody input')]
      .filter((e) => !(e.getAttribute('aria-label') || '').trim() || !(e.title || '').trim())
      .map((e) => e.id),
  );
  assert.deepEqual(unlabelled, []);

  const h = await hashOf(page);
  const c = await cfg(page);
  const again = await open(h);
  assert.deepEqual(await cfg(again), c);
  const value = (id) => again.locator(`#opt-${id}`).inputValue();
  assert.equal(await value('optimizer'), 'nesterov');
  assert.equal(Number(await value('momentum')), 0.5);
  assert.equal(await value('init'), 'he');
  assert.equal(await value('loss'), 'bce');
  assert.equal(await value('outputActivation'), 'sigmoid');
  assert.equal(Number(await value('dropout')), 0.2);
  assert.equal(await again.locator('#opt-batchNorm').isChecked(), true);
  assert.equal(await again.locator('#opt-residual').isChecked(), true);
  assert.equal(await value('layerAct-0'), 'leakyrelu');
  assert.equal(Number(await value('leakyAlpha')), 0.1);
  assert.equal(await value('layerAct-1'), 'relu');
  assert.equal(Number(await value('stopEpoch')), 50);
  assert.equal(Number(await value('stopTestLoss')), 0.05);
  await again.close();

  // A bad value is refused with a message naming the key; the value in force stays, in the control too.
  await setNumber(page, '#opt-momentum', 2);
  await page.waitForFunction(() => /momentum/.test(document.getElementById('messages').textContent));
  assert.equal((await cfg(page)).momentum, 0.5);
  assert.equal(Number(await page.locator('#opt-momentum').inputValue()), 0.5);
  assert.equal(hashValue(await hashOf(page), 'momentum'), '0.5');
  await page.close();
});

test('switching the optimizer mid-training keeps the weights and the epoch; the loss keeps falling', async () => {
  const page = await open('seed=11&networkShape=4,2&learningRate=0.03');
  await page.selectOption('#speed', '10');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 40, null, { timeout: 60000 });
  await page.click('#play');
  await settle(page);
  const before = await page.evaluate(() => ({
    params: Array.from(window.playground.params),
    m: window.playground.metrics,
  }));
  await page.click('#trainingOptions > summary');
  await page.selectOption('#opt-optimizer', 'adam');
  await page.waitForFunction(() => window.playground.config.optimizer === 'adam');
  await settle(page);
  const after = await page.evaluate(() => ({
    params: Array.from(window.playground.params),
    m: window.playground.metrics,
  }));
  assert.deepEqual(after.params, before.params, 'the switch must not touch the weights');
  assert.equal(after.m.epoch, before.m.epoch, 'the epoch is not reset');
  assert.equal(after.m.trainLoss, before.m.trainLoss);
  await page.click('#play');
  await page.waitForFunction((e) => window.playground.metrics.epoch >= e + 60, before.m.epoch, { timeout: 60000 });
  await page.click('#play');
  await settle(page);
  const later = await metrics(page);
  assert.ok(
    later.trainLoss < before.m.trainLoss,
    `train loss ${later.trainLoss} after vs ${before.m.trainLoss} at the switch`,
  );
  assert.ok(later.epoch > before.m.epoch);
  await page.close();
});

test('"stop at epoch" pauses exactly there; play continues past it; "stop when test loss <" pauses below it', async () => {
  const page = await open('seed=3&stopEpoch=37');
  await page.selectOption('#speed', '100');
  await page.click('#play');
  await playUntilPaused(page);
  assert.equal((await metrics(page)).epoch, 37);
  assert.match(await page.locator('#messages').innerText(), /epoch 37.*stop at epoch/s);
  // a limit typed in while playing counts too
  await page.selectOption('#speed', '10');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch > 45);
  await page.click('#trainingOptions > summary');
  const target = (await metrics(page)).epoch + 1000; // ~2 s at 10 epochs per frame: time to type it in
  await setNumber(page, '#opt-stopEpoch', target);
  await playUntilPaused(page);
  assert.equal((await metrics(page)).epoch, target);
  assert.equal(hashValue(await hashOf(page), 'stopEpoch'), String(target));
  await page.close();

  const p2 = await open('seed=7&stopTestLoss=0.2');
  await p2.selectOption('#speed', '10');
  await p2.click('#play');
  await playUntilPaused(p2);
  const m = await metrics(p2);
  assert.ok(m.testLoss < 0.2 && m.epoch > 0, `paused at epoch ${m.epoch} with test loss ${m.testLoss}`);
  assert.match(await p2.locator('#messages').innerText(), /test loss/);
  await p2.close();
});

test('a 3-class page: one colour per class in the heatmap, a class legend, a confusion matrix of the test set', async () => {
  const page = await open('dataset=blobs3&seed=4&networkShape=4');
  await page.selectOption('#speed', '100');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 150, null, { timeout: 60000 });
  await page.click('#play');
  await settle(page);
  await page.screenshot({ path: path.join(shots, 'blobs3.png') });
  const r = await page.evaluate(async () => {
    const { classRgb } = await import('./views/colors.js');
    const st = window.playground,
      pts = st.train,
      K = 3;
    const ctx = document.getElementById('output').getContext('2d');
    const W = ctx.canvas.width,
      css = 300,
      s = W / css;
    const toPx = (x, y) => [((x + 6) / 12) * css, ((6 - y) / 12) * css];
    const out = [];
    for (let k = 0; k < K; k++) {
      // the blob's centre: the mean of its training points
      let sx = 0,
        sy = 0,
        n = 0;
      for (let i = 0; i < pts.length; i += 3)
        if (pts[i + 2] === k) {
          sx += pts[i];
          sy += pts[i + 1];
          n++;
        }
      const [cx, cy] = toPx(sx / n, sy / n);
      // the pixel nearest the centre that no drawn point covers
      let best = null;
      for (let dy = -20; dy <= 20; dy++)
        for (let dx = -20; dx <= 20; dx++) {
          const px = cx + dx,
            py = cy + dy;
          let free = true;
          for (let i = 0; i < pts.length && free; i += 3) {
            const [qx, qy] = toPx(pts[i], pts[i + 1]);
            if (Math.hypot(qx - px, qy - py) < 6) free = false;
          }
          if (free && (!best || Math.hypot(dx, dy) < best.d)) best = { px, py, d: Math.hypot(dx, dy) };
        }
      const rgb = Array.from(ctx.getImageData(Math.round(best.px * s), Math.round(best.py * s), 1, 1).data.slice(0, 3));
      out.push({ k, n, rgb, d: best.d });
    }
    const colours = Array.from({ length: K }, (_, k) => classRgb(st.palette, k));
    return {
      out,
      colours,
      conf: st.metrics.confusion,
      nTest: st.test.length / 3,
      nTrain: st.train.length / 3,
      acc: st.metrics.testAccuracy,
    };
  });
  const dist = (a, c) => Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2]);
  for (const { k, rgb, d } of r.out) {
    assert.ok(d < 20, `a free pixel near blob ${k}`);
    const nearest = r.colours.map((c) => dist(rgb, c)).reduce((bi, v, i, a) => (v < a[bi] ? i : bi), 0);
    assert.equal(nearest, k, `blob ${k} centre pixel ${rgb} is nearest to class ${nearest}'s colour`);
    assert.ok(dist(rgb, r.colours[k]) < 70, `blob ${k} centre ${rgb} vs class colour ${r.colours[k]}`);
  }
  assert.equal(new Set(r.out.map((o) => o.rgb.join())).size, 3, 'three distinct colours');
  // the confusion matrix counts every test (and training) point once
  assert.equal(r.conf.k, 3);
  assert.equal(
    r.conf.test.reduce((a, v) => a + v, 0),
    r.nTest,
  );
  assert.equal(
    r.conf.train.reduce((a, v) => a + v, 0),
    r.nTrain,
  );
  const diag = r.conf.test[0] + r.conf.test[4] + r.conf.test[8];
  assert.ok(Math.abs(diag / r.nTest - r.acc) < 1e-9, 'its diagonal agrees with the test accuracy');
  // the table on the page shows those counts; accuracy per class = diagonal / row sum
  const table = await page.evaluate(() =>
    [...document.querySelectorAll('#classMetrics tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    ),
  );
  assert.equal(table.length, 3);
  assert.equal(
    table.flatMap((row) => row.slice(0, 3).map(Number)).reduce((a, v) => a + v, 0),
    r.nTest,
  );
  for (let k = 0; k < 3; k++) {
    const row = r.conf.test.slice(3 * k, 3 * k + 3);
    assert.equal(table[k][3], `${((100 * row[k]) / (row[0] + row[1] + row[2])).toFixed(1)}%`);
  }
  assert.equal(await page.locator('#legend').isVisible(), false, 'the -1..+1 legend does not apply');
  assert.equal(await page.locator('.class-legend .class-item').count(), 3);
  // the toggle shows the training set
  await page.click('#classMetrics .cm-head button');
  const trainSum = await page.evaluate(() =>
    [...document.querySelectorAll('#classMetrics tbody td:not(.acc)')].reduce((a, td) => a + Number(td.textContent), 0),
  );
  assert.equal(trainSum, r.nTrain);
  await page.close();
});

test('binary pages show a 2x2 matrix; regression none; dataset switches fix an unfitting loss', async () => {
  const page = await open('seed=2&dataset=blobs3&loss=softmax&outputActivation=softmax');
  await page.click('[aria-label="Circle dataset"]');
  await page.waitForFunction(() => window.playground.config.dataset === 'circle');
  const c = await cfg(page);
  assert.equal(c.loss, 'auto');
  assert.equal(c.outputActivation, null);
  await settle(page);
  const conf = (await metrics(page)).confusion;
  assert.equal(conf.k, 2);
  assert.equal(
    conf.test.reduce((a, v) => a + v, 0),
    await page.evaluate(() => window.playground.test.length / 3),
  );
  assert.equal(await page.locator('#classMetrics tbody tr').count(), 2);
  assert.equal(await page.locator('#legend').isVisible(), true);
  await page.selectOption('#problem', 'regression');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  await settle(page);
  assert.equal(await page.locator('#classMetrics').isVisible(), false);
  assert.equal(await page.locator('#messages .msg.error').count(), 0);
  await page.close();
});

test('a refused option (batch norm with batches of 1) says why and keeps the network and the control', async () => {
  const page = await open('seed=6&batchSize=1');
  await page.click('#step');
  await page.waitForFunction(() => window.playground.metrics.epoch === 1);
  await settle(page);
  const params = await page.evaluate(() => Array.from(window.playground.params));
  await page.click('#trainingOptions > summary');
  await page.click('#opt-batchNorm');
  await page.waitForFunction(() => /batchNorm/.test(document.getElementById('messages').textContent));
  assert.match(await page.locator('#messages').innerText(), /batchSize/);
  assert.equal(await page.locator('#opt-batchNorm').isChecked(), false);
  assert.equal((await cfg(page)).batchNorm, false);
  assert.equal((await metrics(page)).epoch, 1);
  assert.deepEqual(await page.evaluate(() => Array.from(window.playground.params)), params);
  await page.close();
});

test('removing a layer drops its activation override; _hide keys hide options', async () => {
  const page = await open('seed=1&networkShape=4,3&layerActivations=tanh,relu');
  await page.click('[aria-label="remove the last hidden layer"]');
  await page.waitForFunction(() => window.playground.config.networkShape.length === 1);
  assert.deepEqual((await cfg(page)).layerActivations, []);
  await page.close();
  const hidden = await open('seed=1&optimizer_hide=true&stopEpoch_hide=true&confusion_hide=true');
  await hidden.click('#trainingOptions > summary');
  assert.equal(await hidden.locator('#opt-optimizer').isVisible(), false);
  assert.equal(await hidden.locator('#opt-stopEpoch').isVisible(), false);
  assert.equal(await hidden.locator('#opt-init').isVisible(), true);
  assert.equal(await hidden.locator('#classMetrics').isVisible(), false);
  await hidden.close();
  const none = await open('seed=1&trainingOptions_hide=true');
  assert.equal(await none.locator('#trainingOptions').isVisible(), false);
  await none.close();
});

test('screenshot of the open panel', async () => {
  const page = await open('seed=8&dataset=blobs4&networkShape=6,6,4&optimizer=adam');
  await page.click('#trainingOptions > summary');
  await settle(page);
  await page.screenshot({ path: path.join(shots, 'options.png'), fullPage: true });
  await page.close();
});

test('nothing left 127.0.0.1 and the console stayed clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
