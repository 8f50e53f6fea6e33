// a11y.test.mjs: the page for keyboard, touch and assistive technology (issue 20). axe-core
// (tests/node_modules, evaluated into the page: the page's CSP forbids inline scripts) finds no
// violations in every state a visitor meets: default, dark, colour-blind, every panel open, step
// mode, a race, a finished sweep, the loss landscape, a phone and an embed. Keys: space and the
// arrows act on the focused control (a button is pressed, a radio group moves) and on the page
// only when no control has the focus; adding a layer keeps the focus on the button; a neuron's
// weights are listed, edited and selected by keyboard; at 390 x 844 the plot is on the first
// screen with play; every button and checkbox is at least 24 px (or has 24 px of room).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, isFirefox, axeViolations } from './browser.mjs';

const { b, shots, open, settle } = await pageSuite(test);
const epoch = (page) => page.evaluate(() => window.playground.metrics.epoch);
const playing = (page) => page.evaluate(() => window.playground.playing);

test('axe finds no violations in every state the page visits', async (t) => {
  const states = [
    ['default', '', null],
    ['dark', '', (p) => p.emulateMedia({ colorScheme: 'dark' })],
    ['colour-blind', 'colorblind=true', null],
    [
      'every panel open',
      '',
      (p) => p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true))),
    ],
    ['step mode', 'preset=worked-example&learningRate=0.5', (p) => p.waitForFunction(() => window.playground.step)],
    ['a race', 'seed=1&compare=optimizer:sgd,adam', (p) => p.waitForSelector('.race-card')],
    [
      'a sweep',
      'seed=1&sweep=learningRate:0.01,0.1,1&sweepEpochs=20',
      (p) => p.waitForFunction(() => window.playgroundVariants.sweep().runs.every((r) => r.done || r.diverged)),
    ],
    [
      'the loss landscape, dark',
      'seed=1',
      async (p) => {
        await p.emulateMedia({ colorScheme: 'dark' });
        await p.click('#landscapePanel > summary');
        await p.waitForFunction(() => window.playground.landscape?.done);
      },
    ],
    ['a phone', '', null, { width: 390, height: 844 }],
    ['an embed', 'embed=true', null, { width: 600, height: 400 }],
  ];
  for (const [name, hash, then, size] of states) {
    // the dark theme follows prefers-color-scheme, which Firefox ESR's WebDriver BiDi cannot emulate
    if (isFirefox && /dark/.test(name)) {
      t.diagnostic(`${name}: skipped in Firefox (no prefers-color-scheme emulation); Chromium checks it`);
      continue;
    }
    const page = await open(hash, size);
    if (then) await then(page);
    assert.deepEqual(await axeViolations(page), [], name);
    await page.close();
  }
});

test('keys act on the focused control; the page’s keys only when none has the focus', async () => {
  const page = await open('seed=1');
  // space on a focused button presses that button, not play
  await page.focus('#newSeed');
  const seed0 = (await page.evaluate(() => window.playground.config.seed)) ?? '';
  await page.keyboard.press(' ');
  await page.waitForFunction((s) => window.playground.config.seed !== s, seed0);
  assert.equal(await playing(page), false, 'space pressed the button, not play');
  // the arrows move within the dataset radio group (and choose), never step an epoch
  await page.focus('#datasets [aria-checked="true"]');
  const ds0 = await page.evaluate(() => window.playground.config.dataset);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((d) => window.playground.config.dataset !== d, ds0);
  await settle(page);
  assert.equal(await epoch(page), 0, 'ArrowRight in the dataset group did not step');
  assert.equal(
    await page.evaluate(() => document.activeElement.getAttribute('aria-checked')),
    'true',
    'the focus follows the chosen dataset',
  );
  // with nothing focused, space plays and ArrowRight steps
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.metrics.epoch === 1);
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.playground.playing);
  await page.keyboard.press(' ');
  await page.waitForFunction(() => !window.playground.playing);
  // adding a layer by keyboard keeps the focus on the button
  const layers0 = (await page.evaluate(() => window.playground.config.networkShape)).length;
  await page.focus('[aria-label="add a hidden layer"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.playground.config.networkShape.length === n + 1, layers0);
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'add a hidden layer');
  await page.close();
});

test('a neuron’s weights by keyboard: listed, edited, and selected in step mode', async () => {
  const page = await open('seed=1&networkShape=3,2');
  const label = 'neuron 2 of hidden layer 2 (tanh): its weights';
  await page.focus(`[aria-label="${label}"]`);
  await page.keyboard.press('Enter');
  const dialog = page.locator('.net-weights[role="dialog"]');
  await dialog.waitFor();
  // hidden layer 2 has 3 inputs (layer 1's neurons) and a bias
  const rows = await dialog.locator('li').allInnerTexts();
  assert.equal(rows.length, 4);
  assert.match(rows[0], /weight from neuron 1 of layer 1 to neuron 2 of layer 2/);
  assert.match(rows[3], /bias of neuron 2 of hidden layer 2/);
  assert.equal(
    await page.evaluate(() => document.activeElement.closest('.net-weights') !== null),
    true,
    'the focus is in the list',
  );
  // typing a value and Enter sets that weight in the engine: layer 1 is W1 [2][3] after W0 [3][2]
  // and b0 [3] (params layout, src/engine/network.h): weight 2 <- 1 is at 6 + 3 + 1 * 3 + 0 = 12
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.625');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.playground.params[12] === 0.625);
  // a non-number is refused in place and changes nothing
  const input = dialog.locator('input').nth(3);
  await input.fill('abc');
  await input.press('Enter');
  assert.equal(await input.evaluate((e) => e.validationMessage), "'abc' is not a number");
  await page.keyboard.press('Escape');
  assert.equal(await dialog.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), label);
  await page.close();

  // in step mode each row also selects its link for the chain rule
  const step = await open('preset=worked-example&learningRate=0.5');
  await step.waitForFunction(() => window.playground.step && window.playground.trace);
  await step.focus('[aria-label^="output 1"]');
  await step.keyboard.press('Enter');
  await step.locator('.net-weights button', { hasText: 'Chain rule' }).first().click();
  await step.waitForSelector('.st-lossline', { timeout: 30000 });
  await step.close();
});

test('a phone: the plot is on the first screen with play; targets are at least 24 px', async () => {
  const page = await open('seed=1', { width: 390, height: 844 });
  const box = async (sel) => page.locator(sel).boundingBox();
  const play = await box('#play'),
    plot = await box('#output');
  assert.ok(
    play.y + play.height <= 844 && plot.y + plot.height <= 844,
    `play at ${play.y}, plot ends at ${plot.y + plot.height}`,
  );
  assert.ok(plot.x >= 0 && plot.x + plot.width <= 390);
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'no sideways scrolling');
  await page.screenshot({ path: path.join(shots, 'phone-390.png') });
  // WCAG 2.2 target size: a visible button or checkbox is 24 px or more, or a smaller one has a
  // 24 px circle around its centre free of other targets (checked here as: its centre is 24 px or
  // more from every other target's centre)
  const small = await page.evaluate(() => {
    const targets = [...document.querySelectorAll('button, input[type="checkbox"], input[type="radio"], select')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const centre = ({ r }) => [r.x + r.width / 2, r.y + r.height / 2];
    return targets
      .filter((t) => t.r.width < 24 || t.r.height < 24)
      .filter((t) => {
        const [x, y] = centre(t);
        return targets.some((o) => o !== t && Math.hypot(centre(o)[0] - x, centre(o)[1] - y) < 24);
      })
      .map((t) => `${t.e.id || t.e.className || t.e.tagName} ${Math.round(t.r.width)}x${Math.round(t.r.height)}`);
  });
  assert.deepEqual(small, []);
  await page.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
