// messages.test.mjs: the engine's messages cross the wasm API with their code and arguments beside
// the English text (src/bindings/js_args.h): config issues (parseHash, load), refusals ({ok: false,
// error, code, args}: a CSV import, a plan, a broken model file), message values (pointsError,
// changed), and the table
// itself in catalog().messages. Expected sentences are written out here, not taken from the engine.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';
import { engineError, engineMessage } from '../../web/engine-error.js';

const E = await engine();

test('a config issue carries its code and args, nested parts as messages', () => {
  const [e] = E.parseHash('learningRate=abc').errors;
  assert.equal(e.message, "learningRate: 'abc' is not a decimal number; allowed: a number in (0, 100]");
  assert.equal(e.code, 'issue');
  assert.equal(e.args.key, 'learningRate');
  assert.equal(e.args.value, 'abc');
  assert.deepEqual(e.args.problem, { code: 'problem.notDecimal', args: {}, text: 'is not a decimal number' });
  assert.equal(e.args.allowed.code, 'allowed.number');
  assert.equal(e.args.allowed.args.interval, '(0, 100]');
  assert.equal(e.args.allowed.text, 'a number in (0, 100]');
});

test('a refusal is {ok, error, code, args}; engine-error.js keeps code and args on an Error', () => {
  const s = E.createSession('seed=1');
  const r = s.loadCsvColumns('x,y,l\n1,2,1\n3,q,-1\n', [0, 1], 2);
  assert.equal(r.ok, false);
  assert.equal(r.error, "row 3, column 2: 'q' is not a number");
  assert.equal(r.code, 'csv.notNumber');
  assert.deepEqual(r.args, { row: '3', column: '2', text: "'q'" });
  const err = engineError(r);
  assert.equal(err.message, r.error);
  assert.deepEqual([err.code, err.args], [r.code, r.args]);
  assert.deepEqual(engineMessage(r), { code: r.code, args: r.args, text: r.error });
  // a developer's misuse of the API stays English text, without a code
  const misuse = s.loadCsvColumns('1,2,3\n', [0], 2);
  assert.equal(misuse.ok, false);
  assert.equal(misuse.code, undefined);
  assert.equal(engineMessage(misuse), misuse.error);
  s.dispose();
});

test('a broken model file is refused with its code and args, the problem nested', () => {
  const s = E.createSession('seed=1&networkShape=');
  const good = s.modelJson();
  // one layer, 2 -> 1: its bias list replaced by a string
  const r = s.loadModelJson(good.replace('"b": [', '"b": "s", "q": ['));
  assert.equal(r.ok, false);
  assert.equal(r.error, 'model JSON: layer 0: b is a string, not an array');
  assert.equal(r.code, 'model.json');
  assert.deepEqual(r.args, {
    why: {
      code: 'model.layer',
      args: {
        index: '0',
        why: {
          code: 'model.notArray',
          args: { what: 'b', kind: { code: 'kind.string', args: {}, text: 'a string' } },
          text: 'b is a string, not an array',
        },
      },
      text: 'layer 0: b is a string, not an array',
    },
  });
  // a file cut short: the JSON reader's place is line and column arguments
  const cut = s.loadModelJson('{"format": ');
  assert.equal(cut.error, 'model JSON: unexpected end of the text at line 1, column 12');
  assert.equal(cut.args.why.code, 'json.at');
  assert.equal(cut.args.why.args.what.code, 'json.end');
  assert.deepEqual([cut.args.why.args.line, cut.args.why.args.column], ['1', '12']);
  assert.equal(s.modelJson(), good, 'the loaded model stays');
  s.dispose();
});

test('what an import changed, and data that cannot follow a reload, are message values', () => {
  const s = E.createSession('seed=1');
  const r = s.loadCsvColumns('x,y,l\n1,2,0.5\n3,4,2.5\n5,6,-1\n', [0, 1], 2);
  assert.equal(r.ok, true);
  assert.equal(r.changed.code, 'changed.list');
  assert.equal(
    r.changed.text,
    'the problem is now regression: the labels are numbers, not classes (data row 1: 0.5); the weights start afresh',
  );
  // column data (never in a link) follows a reload; into a classification network it cannot
  const c = s.loadCsvColumns('a,b,c,l\n1,2,3,0.5\n3,4,5,2.5\n5,6,7,-1\n', [0, 1, 2], 3);
  assert.equal(c.ok, true);
  const back = s.load(`${c.hash}&problem=classification&dataset=custom`);
  assert.equal(back.pointsError.code, 'import.notKept');
  assert.equal(
    back.pointsError.text,
    'your data was not kept: row 1 has label 0.500000; binary classification takes labels 0/1 or -1/+1',
  );
  assert.equal(back.pointsError.args.why.code, 'points.binaryLabel');
  assert.equal(back.pointsError.args.why.args.what.code, 'points.row');
  s.dispose();
});

test("catalog().messages lists every code's English template", () => {
  const m = E.catalog().messages;
  assert.equal(m.issue, "{key}: '{value}' {problem}; allowed: {allowed}");
  assert.equal(m['csv.notNumber'], 'row {row}, column {column}: {text} is not a number');
  assert.ok(Object.keys(m).length > 100);
});
