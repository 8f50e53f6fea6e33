// single.test.mjs: the one-file playground (issue 20; scripts/single.mjs, `./build-wasm.sh single`)
// opened from file:// with no server: the page loads under its own CSP, trains, steps through
// backprop and races variants in its blob: workers, and asks for nothing but its own file (and
// the blob: and data: URLs it makes).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browser.mjs';
import { root } from './browser.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-single-'));
const file = path.join(dir, 'backprop-playground.html');
execFileSync('node', [path.join(root, 'scripts/single.mjs'), file]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const errors = [],
  requests = [];
test.after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(hash) {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(file).href}#${hash}`);
  await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
  await page.evaluate(() => window.playground.loadPanels());
  await page.waitForFunction(() => document.body.dataset.panels === 'ready', null, { timeout: 30000 });
  return page;
}

test('one HTML file from file://: it trains, steps through backprop and races', async () => {
  assert.ok(fs.statSync(file).size > 300000, 'the engine is inside');
  const page = await open('seed=1&networkShape=3');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 20);
  await page.click('#play');
  const m = await page.evaluate(() => window.playground.metrics);
  assert.ok(m.trainLoss < 0.5 && Number.isFinite(m.testLoss));
  await page.close();

  const step = await open('preset=worked-example&learningRate=0.5');
  await step.waitForFunction(() => window.playground.step && window.playground.trace);
  await step.close();

  const race = await open('seed=3&compare=optimizer:sgd,adam');
  await race.click('#play');
  await race.waitForFunction(() => window.playground.metrics.epoch >= 10);
  await race.click('#play');
  const e = await race.evaluate(() => window.playground.metrics.epoch);
  await race.waitForFunction((e) => window.playgroundVariants.race().every((v) => v.epoch === e), e, {
    timeout: 30000,
  });
  await race.close();
});

test('nothing but the file, blob: and data: was asked for; console clean', () => {
  const other = requests.filter((u) => !/^(file|blob|data):/.test(u));
  assert.deepEqual(other, []);
  assert.ok(requests.some((u) => u.startsWith('file:')));
  assert.deepEqual(errors, []);
});
