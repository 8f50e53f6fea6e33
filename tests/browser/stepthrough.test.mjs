// stepthrough.test.mjs: the step-through mode on the worked example shows the engine's z, a,
// delta and dL/dw (to the displayed precision), phases change as the user steps, the chain-rule
// product equals the gradient shown; the divergence hint appears and reset recovers.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite } from './browser.mjs';

const { b, shots, open } = await pageSuite(test, { height: 1000 });
// shown numbers have 4 decimals: equal to the engine's value within half a unit of the last place
const near = (shown, v, what) =>
  assert.ok(Math.abs(Number(shown) - v) <= 0.5e-4 + 1e-9, `${what}: shown ${shown}, engine ${v}`);

test("worked example: every number on the page is the engine's; phases advance; chain rule adds up", async () => {
  const page = await open('preset=worked-example&learningRate=0.5');
  // the link opens the step panel itself (issue 21 item 6)
  await page.waitForFunction(() => window.playground.step);
  await page.waitForFunction(() => window.playground.trace);
  const t = await page.evaluate(() => {
    const t = window.playground.trace;
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v) : v]));
  });
  const F = 2; // inputs x1, x2: grid rows 0, 1; hidden neurons rows 2..4; output row 5
  const anno = async (row) => page.locator(`.net-anno[data-row="${row}"]`).innerText();
  const value = (text, tag) => (new RegExp(`${tag} (-?[0-9.e-]+)`).exec(text) || [])[1];
  const phases = [];
  for (let p = 0; p < 6; p++) {
    phases.push(await page.locator('.st-phase').innerText());
    await page.screenshot({ path: path.join(shots, `step-${p + 1}.png`) });
    if (p === 0) {
      // forward, hidden layer: z and a of each hidden neuron
      for (let j = 0; j < 3; j++) {
        const txt = await anno(F + j);
        near(value(txt, 'z'), t.z[j], `z hidden ${j + 1}`);
        near(value(txt, 'a'), t.a[j], `a hidden ${j + 1}`);
      }
    }
    if (p === 2) {
      // loss: formula and value; the independent derivation gives 0.279941
      near(await page.locator('[data-name="loss"]').innerText(), t.loss, 'loss');
      near(await page.locator('[data-name="loss"]').innerText(), 0.279941, 'loss vs derivation');
    }
    if (p === 3) {
      // backward, output: delta on the output, dL/dw on its links
      near(value(await anno(F + 3), 'δ'), t.delta[3], 'delta out');
      near(value(await anno(F + 3), 'δ'), -0.244172, 'delta out vs derivation');
      const w9 = await page.locator('.net-link-text text[data-k="9"]').textContent();
      near(/(-?[0-9.]+)$/.exec(w9)[1], t.grad[9], 'dL/dW2[0]');
    }
    if (p === 4) for (let j = 0; j < 3; j++) near(value(await anno(F + j), 'δ'), t.delta[j], `delta hidden ${j + 1}`);
    if (p < 5) await page.click('#stNext');
  }
  assert.equal(new Set(phases).size, 6, 'each step shows a different phase');
  assert.match(phases[0], /^Forward/);
  assert.match(phases[2], /^Loss/);
  assert.match(phases[3], /^Backward, output/);
  assert.match(phases[5], /^Update/);
  // the chain rule for W1[0][0] (x1 -> hidden neuron 1)
  await page.locator('.net-link-hit[data-k="0"]').click({ force: true });
  const num = async (name) => Number(await page.locator(`.st-chain [data-name="${name}"]`).first().innerText());
  near(await num('grad'), t.grad[0], 'dL/dw shown');
  near(await num('delta'), t.delta[0], 'delta factor');
  near(await num('a_in'), t.input[0], 'input factor');
  assert.ok(Math.abs((await num('product')) - (await num('grad'))) <= 1e-4, 'delta x a_in = gradient');
  assert.ok(Math.abs((await num('chainProduct')) - (await num('grad'))) <= 1e-4, 'chain product = gradient');
  near(await num('w_after'), t.paramsAfter[0], 'updated weight');
  near(await num('w_after'), 0.105921, 'updated weight vs derivation');
  await page.screenshot({ path: path.join(shots, 'step-chain.png') });
  // stepping back changes the phase shown
  await page.click('#stPrev');
  assert.match(await page.locator('.st-phase').innerText(), /^Backward, hidden/);
  // the gradient check button reports a small error
  await page.click('#gradCheck');
  await page.waitForFunction(() => /worst relative error/.test(document.getElementById('gradCheckOut').textContent));
  const g = /error ([0-9.e+-]+)/.exec(await page.locator('#gradCheckOut').innerText())[1];
  assert.ok(Number(g) < 1e-3, g);
  await page.close();
});

test('divergence: training stops with a message, weights stay finite, reset recovers', async () => {
  const page = await open('dataset=spiral&activation=relu&learningRate=10&outputActivation=linear&seed=1');
  await page.click('#play');
  await page.waitForFunction(() => /diverged/.test(document.getElementById('messages').textContent), null, {
    timeout: 30000,
  });
  await page.waitForFunction(() => !window.playground.playing);
  assert.ok(await page.evaluate(() => Array.from(window.playground.params).every(Number.isFinite)));
  await page.click('#reset');
  await page.waitForFunction(
    () => window.playground.metrics.epoch === 0 && !/diverged/.test(document.getElementById('messages').textContent),
  );
  await page.selectOption('#learningRate', '0.01');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch > 5);
  await page.click('#play');
  assert.ok(await page.evaluate(() => Number.isFinite(window.playground.metrics.trainLoss)));
  await page.close();
});

test("saturation hint for TensorFlow Playground's ReLU + learning rate 10 on spiral", async () => {
  const page = await open('dataset=spiral&activation=relu&learningRate=10&seed=1');
  await page.selectOption('#speed', '10');
  await page.click('#play');
  await page.waitForFunction(() => /saturated|dead/.test(document.getElementById('messages').textContent), null, {
    timeout: 30000,
  });
  await page.click('#play');
  await page.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
