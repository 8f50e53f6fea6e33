// csv.test.mjs: the bad-CSV corpus through the wasm API the page uses (loadCsv, csvPreview):
// empty, binary junk, 10^6 rows, NaN, wrong column count, a formula-injection string; each refused
// with its message while the session's points, hash and weights stay as they were. Also: the
// page's CSV export (web/panels/csv-import.js) read back by the engine gives the same points.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';
import { pointsCsv, csvCell } from '../../web/panels/csv-import.js';

const E = await engine();
const state = (s) => ({
  train: Array.from(s.points(false)),
  test: Array.from(s.points(true)),
  hash: s.hash(),
  params: Array.from(s.params()),
});

test('the bad-CSV corpus: each file refused with its message, nothing of the session changes', () => {
  const s = E.createSession('seed=12&dataset=custom&points=1,2,1,-1,-2,-1,3,0,1,0,3,-1');
  const before = state(s);
  const million = `x,y,l\n${'1,2,1\n'.repeat(1000000)}`;
  const corpus = [
    ['empty', '', /file is empty/],
    ['blank lines only', '\n\n  \n', /file is empty/],
    [
      'binary junk',
      String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
      /not a text CSV file/,
    ],
    ['10^6 rows', million, /more than 100000 rows/],
    ['NaN', 'x,y,l\n1,2,1\nNaN,2,1\n', /NaN or Infinity in row 3, column 1/],
    ['wrong column count', 'x,y,l\n1,2,1\n1,2,1,4\n', /row 3 has 4 columns, expected 3/],
    [
      'formula injection',
      'x,y,l\n1,2,1\n"=HYPERLINK(""http://x"")",2,1\n',
      /row 3, column 1: '=HYPERLINK\("http:\/\/x"\)' is not a number/,
    ],
    ['formula in the label', 'x,y,l\n1,2,@SUM(A1)\n', /row 2, column 3: '@SUM\(A1\)' is not a number/],
  ];
  for (const [what, text, re] of corpus) {
    const r = s.loadCsv(text, 0, 1, 2);
    assert.equal(r.ok, false, what);
    assert.match(r.error, re, what);
    assert.ok(r.error.length < 300, `${what}: a short message`);
    assert.deepEqual(state(s), before, `${what}: the session is untouched`);
  }
  // The preview (the import dialog's first look) names the same problems where it reads them.
  assert.match(E.csvPreview('', 5).error, /file is empty/);
  assert.match(E.csvPreview('a,b,c\n1,2\n', 5).error, /row 2 has 2 columns, expected 3/);
  const p = E.csvPreview(million, 3);
  assert.equal(p.ok, true);
  assert.deepEqual(p.rows, [
    ['1', '2', '1'],
    ['1', '2', '1'],
    ['1', '2', '1'],
  ]);
  s.dispose();
});

test("the page's CSV export, read back by the engine, gives the same points bit for bit", () => {
  const s = E.createSession('seed=13&dataset=spiral&noise=20&percTrainData=60');
  const train = Array.from(s.points(false)),
    testPts = Array.from(s.points(true));
  const text = pointsCsv(train, testPts);
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'x1,x2,label,set');
  assert.equal(lines.length - 1, (train.length + testPts.length) / 3);
  const r = s.loadCsv(text, 0, 1, 2);
  assert.deepEqual(r.ok, true, r.error);
  assert.deepEqual(Array.from(s.customPoints()), [...train, ...testPts]);
  s.dispose();
});

test('csvCell: numbers as the shortest text of their float32 (negative zero kept), formula-looking text defused, quotes escaped', () => {
  assert.equal(csvCell(-0), '-0');
  assert.equal(csvCell(Math.fround(0.1)), '0.1'); // reads back as the same float32 (float-text.test.mjs)
  assert.equal(csvCell('=1+2'), "'=1+2");
  assert.equal(csvCell('+cmd'), "'+cmd");
  assert.equal(csvCell('-x'), "'-x");
  assert.equal(csvCell('@A1'), "'@A1");
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
  assert.equal(csvCell('train'), 'train');
});
