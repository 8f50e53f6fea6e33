// float-text.test.mjs: the CSV export's numbers (web/panels/csv-import.js float32Text): the
// shortest decimal that reads back as the same float32, checked against the float32 rounding of
// Math.fround and against a brute-force search over shorter decimals.
import test from 'node:test';
import assert from 'node:assert/strict';
import { float32Text } from '../../web/panels/csv-import.js';

test('float32Text: shortest decimal that reads back bit-exactly', () => {
  assert.equal(float32Text(Math.fround(1.633)), '1.633'); // not 1.6330000162124634
  assert.equal(float32Text(Math.fround(0.1)), '0.1');
  assert.equal(float32Text(Math.fround(-2.5)), '-2.5');
  assert.equal(float32Text(-0), '-0');
  assert.equal(float32Text(0), '0');
  assert.equal(float32Text(NaN), 'NaN');
  const f32 = new Float32Array(1),
    u32 = new Uint32Array(f32.buffer);
  let seed = 12345;
  for (let i = 0; i < 20000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    u32[0] = seed;
    const v = f32[0];
    if (!Number.isFinite(v)) continue;
    const s = float32Text(v);
    assert.equal(Math.fround(Number(s)), v, `${s} reads back as ${v}`);
    // no decimal with fewer significant digits reads back as v
    const digits = s
      .replace(/^-/, '')
      .replace(/e.*$/, '')
      .replace('.', '')
      .replace(/^0+/, '')
      .replace(/0+$/, '').length;
    if (digits > 1)
      assert.notEqual(Math.fround(Number(v.toPrecision(digits - 1))), v, `${v}: ${digits - 1} digits suffice`);
  }
});
