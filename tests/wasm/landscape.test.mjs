// landscape.test.mjs: the loss landscape through the wasm API (issue 18; engine.js landscape*,
// lossLine; src/bindings/landscape_js.h): the plane the browser computes is the one `bp landscape`
// prints, to the bit (random and pca directions, 41 x 41, a 6 x 8 ReLU net with every feature
// too); the centre and a loss line's middle are the session's training loss; a move lands the
// loss on the plane's value there; the worker's row-by-row plane (worker-landscape.js) gives the
// same numbers as one call and its side adapts to the measured cost (frame-plan.js); bad requests
// are refused by name and no handle leaks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { engine, root } from './load.mjs';
import { landscape, forget } from '../../web/worker-landscape.js';
import { landscapeSide, LANDSCAPE_SIDE } from '../../web/frame-plan.js';

const E = await engine();
const cli = path.join(root, 'build/bp');
const f = Math.fround;

function cliPlane(hash, epochs, grid, dirs) {
  const r = spawnSync(
    cli,
    ['landscape', '--config', hash, '--epochs', String(epochs), '--grid', String(grid), '--directions', dirs],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
}

test('the browser plane is the CLI plane, bit for bit', { skip: !fs.existsSync(cli) && 'native build missing' }, () => {
  const nets = [
    'networkShape=4,2&seed=3',
    'activation=relu&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=4',
  ];
  for (const hash of nets)
    for (const dirs of ['random', 'pca']) {
      const s = E.createSession(hash);
      assert.equal(s.lastLoad.ok, true, s.lastLoad.error);
      s.trainEpochs(12);
      const b = s.landscapeBegin(dirs, 41);
      assert.equal(b.n, 41);
      assert.equal(b.coords.length, 41);
      assert.equal(b.coords[20], 0);
      assert.equal(b.path.length, 2 * 13); // epochs 0..12
      const loss = s.landscapeRows(0, 41).slice();
      const want = cliPlane(hash, 12, 41, dirs);
      assert.equal(want.length, 41 * 41);
      for (let i = 0; i < want.length; i++) {
        assert.equal(loss[i], f(want[i][2]), `${hash} ${dirs} point ${i}`);
        // the CLI prints coordinates with 9 significant digits
        assert.equal(Number(b.coords[i % 41].toPrecision(9)), want[i][0]);
        assert.equal(Number(b.coords[40 - Math.floor(i / 41)].toPrecision(9)), want[i][1]);
      }
      assert.equal(loss[20 * 41 + 20], f(s.metrics().trainLoss));
      s.dispose();
    }
});

test('loss line, move, the worker rows and misuse', () => {
  const before = E.liveHandles();
  const s = E.createSession('networkShape=4,2&seed=3');
  s.trainEpochs(5);
  const p = s.params().slice();
  const line = s.lossLine(3, 0.5, 11);
  assert.equal(line.w, p[3]);
  assert.equal(line.loss.length, 11);
  assert.equal(line.loss[5], f(s.metrics().trainLoss));
  const pts = s.points(false);
  const one = s.lossLine(3, 0.5, 11, [pts[0], pts[1], pts[2]]);
  assert.equal(one.loss[5], f(s.trace(false, 0).loss));
  assert.deepEqual(Array.from(s.params()), Array.from(p)); // the line leaves the weights alone

  // the worker's plane, a few rows per request, equals one call's
  forget();
  let r = landscape(s, { directions: 'random', restart: true, budgetMs: 0.01, side: 15 });
  let requests = 1;
  while (!r.done) {
    r = landscape(s, { directions: 'random', budgetMs: 0.01 });
    requests++;
  }
  assert.ok(requests > 1, 'a tiny budget spreads the plane over requests');
  assert.ok(r.msPerEval > 0);
  s.landscapeBegin('random', 15);
  const whole = s.landscapeRows(0, 15).slice();
  assert.deepEqual(Array.from(r.loss), Array.from(whole));

  // a move to grid point (row 2, column 11) gives exactly the plane's loss there
  const b = s.landscapeBegin('random', 15);
  s.landscapeMove(b.coords[11], b.coords[14 - 2]);
  assert.equal(f(s.metrics().trainLoss), whole[2 * 15 + 11]);
  assert.notDeepEqual(Array.from(s.params()), Array.from(p));

  assert.throws(() => s.landscapeBegin('up', 5), /landscape directions 'up' are not known; allowed: random, pca/);
  assert.throws(() => s.landscapeBegin('random', NaN), /landscape grid must be an integer in 2\.\.257/);
  assert.throws(() => s.landscapeBegin('random', 5, -1), /landscape span must be a number/);
  assert.throws(() => s.landscapeRows(0, 99), /landscape rows must satisfy 0 <= r0 <= r1 <= 15/);
  assert.throws(() => s.landscapeMove(NaN, 0), /finite alpha and beta/);
  assert.throws(() => s.lossLine(1e6, 1, 5), /parameter 1000000 does not exist/);
  assert.throws(() => s.lossLine(0, 1, 5, [0, 0]), /point needs finite coordinates and label/);
  // another session's recorded weights on s's plane: a variant of the same layout projects (its
  // first snapshot, the same seed's initial weights, where s's own path starts), a wrong size or
  // another layout is refused by name
  const v = E.createSession('seed=3&networkShape=4,2&optimizer=adam');
  v.trainEpochs(3);
  const own = s.landscapeBegin('random', 5);
  const t = v.trajectory();
  assert.equal(t.count, 4);
  assert.equal(t.layout, '2 inputs, hidden 4,2, 1 output');
  assert.equal(t.snaps.length, 4 * p.length);
  const onPlane = s.landscapeProject(t.snaps, t.count, t.layout);
  assert.equal(onPlane.length, 8);
  assert.deepEqual(Array.from(onPlane.slice(0, 2)), Array.from(own.path.slice(0, 2)));
  assert.throws(() => s.landscapeProject([1, 2], 1, t.layout), /takes the snapshots as a Float32Array/);
  assert.throws(() => s.landscapeProject(t.snaps, 3, t.layout), /are not 3 equal snapshots/);
  assert.throws(() => s.landscapeProject(t.snaps, 0, t.layout), /snapshot count must be an integer in 1\.\.128/);
  assert.throws(
    () => s.landscapeProject(t.snaps, 4, '2 inputs, hidden 3, 1 output'),
    /its network \(2 inputs, hidden 3, 1 output\) is not laid out as the plane's \(2 inputs, hidden 4,2, 1 output\)/,
  );
  v.dispose();
  const fresh = E.createSession('seed=1');
  assert.throws(() => fresh.landscapeRows(0, 1), /no landscape plane: begin one first/);
  assert.throws(() => fresh.landscapeBegin('pca', 9), /at least 3 recorded weights/);
  fresh.dispose();
  s.dispose();
  assert.deepEqual(E.liveHandles(), before);
});

test('the plane side adapts to the cost of one loss evaluation', () => {
  assert.equal(landscapeSide(0), 21);
  assert.equal(landscapeSide(1e-6), LANDSCAPE_SIDE.max);
  assert.equal(landscapeSide(1e3), LANDSCAPE_SIDE.min);
  let last = Infinity;
  for (const ms of [0.001, 0.01, 0.03, 0.1, 0.3, 1]) {
    const n = landscapeSide(ms);
    assert.equal(n % 2, 1, 'odd: the centre is a grid point');
    assert.ok(n <= last);
    last = n;
  }
});
