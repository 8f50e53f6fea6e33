// cross-browser.test.mjs: "same numbers everywhere" (DESIGN principle 7) across engines: the page
// trained to epoch 20 in Chromium and in Firefox ESR, the engine under Node and the native CLI give
// bit-identical weights (float32 bit patterns compared) for the same link. One config steps
// epoch by epoch (the step button), the other plays to a stop epoch (several epochs per worker
// call). Runs in the Chromium pass and launches Firefox itself, so the Firefox pass skips it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, startBrowser, isFirefox } from './browser.mjs';
import { engine } from '../wasm/load.mjs';

const EPOCHS = 20;
const FEATURES = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'cosX', 'cosY'];
const CONFIGS = [
  { how: 'step', hash: 'seed=1&networkShape=4,2&activation=tanh' },
  {
    how: 'play',
    hash:
      'seed=2&dataset=spiral&networkShape=8,6,4&activation=relu&optimizer=adam&learningRate=0.01&batchSize=7' +
      `&noise=20&regularization=L2&regularizationRate=0.003&${FEATURES.map((f) => `${f}=true`).join('&')}`,
  },
];
const cli = path.join(root, 'build/bp');
const hex = (u) => u.toString(16).padStart(8, '0');
const bits = (f32) => Array.from(new Uint32Array(f32.buffer, f32.byteOffset, f32.length), hex);

/** The page's weights after EPOCHS epochs, as float32 bit patterns read in the page. */
async function trainInPage(b, { how, hash }) {
  const page = await b.newPage();
  await page.goto(`${b.base}/index.html#${hash}${how === 'play' ? `&stopEpoch=${EPOCHS}` : ''}`);
  await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
  if (how === 'step') {
    for (let i = 1; i <= EPOCHS; i++) {
      await page.click('#step');
      await page.waitForFunction((e) => window.playground.metrics.epoch === e, i);
    }
  } else {
    await page.click('#play');
    await page.waitForFunction(() => !window.playground.playing, null, { timeout: 60000 });
  }
  await page.waitForFunction(() => !window.playground.inflight);
  const r = await page.evaluate(() => {
    const p = window.playground.params;
    return {
      epoch: window.playground.metrics.epoch,
      bits: Array.from(new Uint32Array(p.buffer, p.byteOffset, p.length), (u) => u.toString(16).padStart(8, '0')),
      ua: navigator.userAgent,
    };
  });
  await page.close();
  return r;
}

test(
  `Chromium, Firefox, Node and the native CLI train to bit-identical weights in ${EPOCHS} epochs`,
  { skip: isFirefox && 'launches Firefox itself: runs once, in the Chromium pass' },
  async () => {
    const E = await engine();
    const results = {};
    for (const name of ['chromium', 'firefox']) {
      const b = await startBrowser(name);
      try {
        results[name] = [];
        for (const c of CONFIGS) results[name].push(await trainInPage(b, c));
        assert.deepEqual(b.consoleErrors, [], `${name} console`);
        assert.deepEqual(b.external, []);
      } finally {
        await b.close();
      }
    }
    assert.match(results.chromium[0].ua, /Chrome\//);
    assert.match(results.firefox[0].ua, /Firefox\//);
    CONFIGS.forEach((c, i) => {
      const s = E.createSession(c.hash);
      assert.equal(s.lastLoad.ok, true, s.lastLoad.error);
      const initial = bits(s.params());
      s.trainEpochs(EPOCHS);
      const node = bits(s.params());
      s.dispose();
      assert.ok(node.length > 20, `${c.hash}: ${node.length} weights`);
      assert.ok(
        node.filter((w, k) => w !== initial[k]).length > node.length / 2,
        'most weights moved: the comparison is of trained weights',
      );
      for (const name of ['chromium', 'firefox']) {
        const r = results[name][i];
        assert.equal(r.epoch, EPOCHS, `${name} ${c.how}`);
        assert.deepEqual(r.bits, node, `${name} (${c.how}) vs Node for ${c.hash}`);
      }
      if (fs.existsSync(cli)) {
        const out = execFileSync(
          cli,
          ['train', '--config', c.hash, '--epochs', `${EPOCHS}`, '--every', `${EPOCHS}`, '--dump-weights'],
          {
            encoding: 'utf8',
          },
        );
        assert.deepEqual(
          out.split('# weights (float32 bits)\n')[1].trim().split('\n'),
          node,
          `native CLI for ${c.hash}`,
        );
      }
    });
  },
);
