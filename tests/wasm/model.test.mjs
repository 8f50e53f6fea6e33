// model.test.mjs: model JSON and code export through the wasm API (modelJson, loadModelJson,
// exportCode): a model saved natively loads in wasm and gives the original session's grid bit for
// bit; bad files are {ok: false, error} with the old session kept; every export format answers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { engine, root } from './load.mjs';

const E = await engine();
const cli = path.join(root, 'build/bp');
const hash = 'networkShape=5,5&batchNorm=true&residual=true&dropout=0.1&activation=relu&xSquared=true&seed=mj';

test(
  'a natively saved model loads in wasm with a bit-identical grid',
  { skip: !fs.existsSync(cli) && 'native build missing' },
  () => {
    const json = execFileSync(cli, ['export', '--config', hash, '--epochs', '15', '--format', 'json'], {
      encoding: 'utf8',
    });
    const a = E.createSession(hash);
    a.trainEpochs(15);
    const gridA = a.evalGrid(40).slice();
    const b = E.createSession('seed=other');
    const r = b.p.loadModelJson(json);
    assert.equal(r.ok, true, r.error);
    assert.equal(r.hash, a.hash());
    assert.deepEqual(b.evalGrid(40), gridA);
    assert.equal(b.metrics().epoch, 15);
    assert.equal(b.p.modelJson(), json);
    a.dispose();
    b.dispose();
  },
);

test('a bad model file is an error and the loaded session stays', () => {
  const s = E.createSession('seed=keep');
  const before = s.hash();
  for (const [text, msg] of [
    ['', 'unexpected end'],
    ['{"format": "x"}', '"format" must be'],
    ['[1, NaN]', 'NaN and Infinity'],
    ['\u0000\u00ff', 'unexpected character'],
  ]) {
    const r = s.p.loadModelJson(text);
    assert.equal(r.ok, false);
    assert.match(r.error, new RegExp(msg));
    assert.equal(s.hash(), before);
  }
  s.dispose();
});

test('exportCode answers json, pytorch and keras with the engine predictions at its points', () => {
  const s = E.createSession(hash);
  s.trainEpochs(3);
  const j = s.p.exportCode('json');
  assert.equal(j.ok, true);
  assert.equal(j.text, s.p.modelJson());
  const py = s.p.exportCode('pytorch');
  assert.match(py.text, /torch\.nn\.BatchNorm1d\(5, eps=1e-05, momentum=0\.1\)/);
  assert.equal(py.points.length, py.predictions.length);
  assert.equal(py.predictions[0].length, 1);
  assert.match(s.p.exportCode('keras').text, /tf\.keras\.layers\.Add\(name="skip_1"\)/);
  const bad = s.p.exportCode('onnx');
  assert.equal(bad.ok, false);
  assert.match(bad.error, /allowed: json, pytorch, keras/);
  s.dispose();
  const none = new E.M.Playground();
  assert.equal(none.modelJson(), '');
  assert.equal(none.exportCode('json').ok, false);
  assert.equal(none.loadModelJson('{}').ok, false);
  none.delete();
});

test(
  'training on from a saved model: page and CLI (bp train --model) stay bit-identical',
  { skip: !fs.existsSync(cli) && 'native build missing' },
  () => {
    const json = execFileSync(cli, ['export', '--config', hash, '--epochs', '4', '--format', 'json'], {
      encoding: 'utf8',
    });
    fs.mkdirSync(path.join(root, 'tests/out'), { recursive: true });
    const file = path.join(fs.mkdtempSync(path.join(root, 'tests/out/model-')), 'm.json');
    fs.writeFileSync(file, json);
    const out = execFileSync(cli, ['train', '--model', file, '--epochs', '6', '--every', '6', '--dump-weights'], {
      encoding: 'utf8',
    });
    const native = out.split('# weights (float32 bits)\n')[1].trim().split('\n');
    const s = E.createSession('');
    assert.equal(s.p.loadModelJson(json).ok, true);
    s.trainEpochs(6);
    const wasm = Array.from(new Uint32Array(s.params().slice().buffer), (u) => u.toString(16).padStart(8, '0'));
    assert.deepEqual(wasm, native);
    s.dispose();
    fs.rmSync(path.dirname(file), { recursive: true });
  },
);
