// model-hostile.test.mjs: hostile model files through the wasm API (issue 21 item 10). A 30 MB
// unknown member used to grow wasm memory by ~1.8 GB (a tree node per "0,"): now it is skipped,
// so memory grows by about the text itself; a file over the bound is refused naming the bound;
// a UTF-8 byte order mark loads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';

const E = await engine();

test('an unknown 30 MB member is skipped: the model loads and memory stays bounded', () => {
  const s = E.createSession('networkShape=3,2&seed=junk');
  s.trainEpochs(2);
  const good = s.p.modelJson();
  const junk = `{"junk": [${'0,'.repeat(22e6)}0], ${good.slice(1)}`; // just over the bound
  assert.ok(junk.length > 43910836 && junk.length < 43910836 + 2e6);
  const small = `{"junk": [${'0,'.repeat(6e6)}0], ${good.slice(1)}`; // under the bound
  const before = E.heapBytes();
  const r = s.p.loadModelJson(small);
  assert.equal(r.ok, true, r.error);
  assert.equal(s.p.modelJson(), good);
  // the text (12 MB, copied in as UTF-8) and little else; a built tree would be ~60 bytes a value
  assert.ok(E.heapBytes() - before < 64 * 2 ** 20, `memory grew ${(E.heapBytes() - before) / 2 ** 20} MiB`);
  const over = s.p.loadModelJson(junk);
  assert.equal(over.ok, false);
  assert.match(over.error, /a model file is at most 43910836 bytes/);
  assert.equal(s.p.modelJson(), good, 'the loaded model stays');
  s.dispose();
});

test('a UTF-8 byte order mark is accepted, UTF-16 is named', () => {
  const s = E.createSession('networkShape=2&seed=bom');
  const good = s.p.modelJson();
  assert.equal(s.p.loadModelJson(`\ufeff${good}`).ok, true);
  assert.equal(s.p.modelJson(), good);
  // UTF-16 bytes, as a page that did not decode them would pass them on: "{\0..."
  const r = s.p.loadModelJson(good.split('').join('\0'));
  assert.equal(r.ok, false);
  assert.match(r.error, /UTF-16 text; save it as UTF-8/);
  s.dispose();
});
