// cli-resume.test.mjs: the native CLI resumes a run from its model file (issue 21 item 8): for
// every optimizer, `bp export --epochs 5` then `bp train --model FILE --epochs 5` prints the
// float32 bits of `bp train --epochs 10`, and its epoch column goes on from 5 to 10. The config
// carries a leftover batch (250 points in 7s), L1 (dead weights) and dropout.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './load.mjs';

const cli = path.join(root, 'build/bp');
const skip = !fs.existsSync(cli) && 'native build missing';
const bp = (...args) => execFileSync(cli, args, { encoding: 'utf8' });
const weights = (out) => out.split('# weights (float32 bits)\n')[1].trim().split('\n');

test('CLI: export after 5 epochs, train --model 5 more = 10 epochs, every optimizer', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-resume-'));
  try {
    for (const opt of ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam']) {
      const hash = `optimizer=${opt}&learningRate=0.03&networkShape=5,4&batchSize=7&regularization=L1&regularizationRate=0.01&dropout=0.1&seed=cli-${opt}`;
      const whole = bp('train', '--config', hash, '--epochs', '10', '--every', '10', '--dump-weights');
      const file = path.join(dir, `${opt}.json`);
      fs.writeFileSync(file, bp('export', '--config', hash, '--epochs', '5', '--format', 'json'));
      const resumed = bp('train', '--model', file, '--epochs', '5', '--every', '5', '--dump-weights');
      assert.deepEqual(weights(resumed), weights(whole), opt);
      assert.match(resumed, /^ {4}5 /m, `${opt}: the first row is the file's epoch`);
      assert.match(resumed, /^ {3}10 /m, `${opt}: the last row is epoch 10`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
