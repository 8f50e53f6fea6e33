// bitident.test.mjs: the wasm build and the native CLI, given the same hash and seed, produce
// bit-identical weights after 20 epochs, for every dataset and two optimizers (hex dumps compared).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { engine, root } from './load.mjs';

const E = await engine();
const cli = path.join(root, 'build/bp');
const datasets = [
  'dataset=circle',
  'dataset=xor',
  'dataset=gauss',
  'dataset=spiral',
  'problem=regression&regDataset=reg-plane',
  'problem=regression&regDataset=reg-gauss',
  'dataset=blobs3',
  'dataset=spiral3',
  'dataset=moons',
  'dataset=sine',
  'dataset=cubic',
  'dataset=vee',
  'dataset=iris', // 4 standardized columns as inputs
];
const optimizers = [
  'optimizer=sgd&activation=tanh&regularization=L1&regularizationRate=0.001',
  'optimizer=adam&learningRate=0.01&activation=relu&regularization=L2&regularizationRate=0.003',
];

const hex = (f32) =>
  Array.from(new Uint32Array(f32.buffer, f32.byteOffset, f32.length), (u) => u.toString(16).padStart(8, '0'));

test(
  'wasm and native weights are bit-identical after 20 epochs',
  { skip: !fs.existsSync(cli) && 'native build missing' },
  () => {
    let compared = 0;
    for (const d of datasets)
      for (const o of optimizers) {
        const hash = `${d}&${o}&networkShape=6,4&noise=20&sinX=true&xTimesY=true&batchSize=7&seed=bit${compared}`;
        const s = E.createSession(hash);
        assert.equal(s.lastLoad.ok, true, s.lastLoad.error);
        s.trainEpochs(20);
        const wasm = hex(s.params());
        const out = execFileSync(
          cli,
          ['train', '--config', hash, '--epochs', '20', '--every', '20', '--dump-weights'],
          { encoding: 'utf8' },
        );
        const native = out.split('# weights (float32 bits)\n')[1].trim().split('\n');
        assert.equal(native.length, wasm.length);
        assert.deepEqual(wasm, native, `weights differ for ${hash}`);
        // and the losses printed by the CLI are the wasm session's (6 decimals)
        const last = out
          .trim()
          .split('\n')
          .filter((l) => /^\s*20\s/.test(l))[0]
          .trim()
          .split(/\s+/);
        assert.equal(Number(last[1]).toFixed(6), s.metrics().trainLoss.toFixed(6));
        s.dispose();
        compared++;
      }
    assert.equal(compared, datasets.length * optimizers.length);
  },
);

// The architecture options (dropout masks from the seed's stream, batch norm with its running
// statistics, residual skips): the same weights, and the same model JSON byte for byte (which
// carries the running statistics and per-layer activations too).
test(
  'wasm and native agree bit for bit with dropout, batch norm, residual',
  { skip: !fs.existsSync(cli) && 'native build missing' },
  () => {
    const hash =
      'dataset=spiral&networkShape=6,6,6&layerActivations=relu,tanh,leakyrelu&dropout=0.2&batchNorm=true&residual=true&optimizer=momentum&batchSize=9&noise=15&sinX=true&seed=arch';
    const s = E.createSession(hash);
    assert.equal(s.lastLoad.ok, true, s.lastLoad.error);
    s.trainEpochs(20);
    const wasm = hex(s.params());
    const out = execFileSync(cli, ['train', '--config', hash, '--epochs', '20', '--every', '20', '--dump-weights'], {
      encoding: 'utf8',
    });
    const native = out.split('# weights (float32 bits)\n')[1].trim().split('\n');
    assert.deepEqual(wasm, native);
    const json = execFileSync(cli, ['export', '--config', hash, '--epochs', '20', '--format', 'json'], {
      encoding: 'utf8',
    });
    assert.equal(s.p.modelJson(), json);
    s.dispose();
  },
);

// A page run with the user's own points (clicked or imported: they travel in the hash's points=)
// and the options of the training panel repeats headless: the CLI given the page's hash ends
// with the same weights bit for bit.
test(
  'user points and training options: the page hash repeats in the CLI bit for bit',
  { skip: !fs.existsSync(cli) && 'native build missing' },
  () => {
    const s = E.createSession(
      'dataset=circle&networkShape=5,5&optimizer=rmsprop&learningRate=0.01&init=xavier&dropout=0.1&batchSize=4&seed=pts',
    );
    const flat = [];
    for (let k = 0; k < 80; k++) {
      const a = k * 0.37,
        r = k % 2 ? 1.5 : 4.5;
      flat.push(Math.round(r * Math.cos(a) * 100) / 100, Math.round(r * Math.sin(a) * 100) / 100, k % 2 ? 1 : -1);
    }
    const r = s.setPoints(flat);
    assert.equal(r.ok, true, r.error);
    s.reset();
    s.trainEpochs(15);
    const out = execFileSync(cli, ['train', '--config', r.hash, '--epochs', '15', '--every', '15', '--dump-weights'], {
      encoding: 'utf8',
    });
    const native = out.split('# weights (float32 bits)\n')[1].trim().split('\n');
    assert.deepEqual(hex(s.params()), native);
    s.dispose();
  },
);
