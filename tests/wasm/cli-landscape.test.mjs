// cli-landscape.test.mjs: `bp landscape` (issue 18; src/cli/landscape_cmd.h): the plane as CSV
// alpha,beta,loss, G x G rows in the page's image order, the centre row the training loss that
// `bp train` prints after the same epochs, pca directions after training, and bad arguments as one
// line on stderr with exit code 2.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './load.mjs';

const cli = path.join(root, 'build/bp');
const skip = !fs.existsSync(cli) && 'native build missing';
const bp = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

/** Rows of the CSV as numbers, after checking the header. */
function rows(stdout) {
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], 'alpha,beta,loss');
  return lines.slice(1).map((l) => l.split(',').map(Number));
}

test('CLI landscape: a G x G plane whose centre is the training loss', { skip }, () => {
  const hash = 'networkShape=4,2&seed=3';
  for (const dirs of ['random', 'pca']) {
    const r = bp('landscape', '--config', hash, '--epochs', '12', '--grid', '41', '--directions', dirs);
    assert.equal(r.status, 0, r.stderr);
    const pts = rows(r.stdout);
    assert.equal(pts.length, 41 * 41);
    // image order: the first row is beta = +span, alpha from -span up; the last is beta = -span
    const span = pts[40][0];
    assert.ok(span > 0);
    assert.deepEqual(pts[0].slice(0, 2), [-span, span]);
    assert.deepEqual(pts[41 * 41 - 1].slice(0, 2), [span, -span]);
    const centre = pts[20 * 41 + 20];
    assert.deepEqual(centre.slice(0, 2), [0, 0]);
    const train = bp('train', '--config', hash, '--epochs', '12', '--every', '12');
    const last = train.stdout.trim().split('\n').at(-1).trim().split(/\s+/);
    assert.equal(Number(last[0]), 12);
    assert.equal(centre[2].toFixed(6), Number(last[1]).toFixed(6)); // train prints 6 decimals
    for (const p of pts) assert.ok(Number.isFinite(p[2]) && p[2] >= 0, `loss ${p[2]}`);
    assert.ok(new Set(pts.map((p) => p[2])).size > 100, 'the plane is not flat');
  }
  // --span sets the range; random's default is 1 (filter-normalized directions, Li et al.)
  const r = bp('landscape', '--config', hash, '--grid', '3', '--span', '0.25');
  assert.deepEqual(rows(r.stdout)[0].slice(0, 2), [-0.25, 0.25]);
  assert.deepEqual(rows(bp('landscape', '--config', hash, '--grid', '3').stdout)[0].slice(0, 2), [-1, 1]);
});

test('CLI landscape: bad arguments are one line and exit 2', { skip }, () => {
  const cases = [
    [['--grid', '1'], /^bp: --grid '1' is not an integer in 2\.\.257\n$/],
    [['--grid', 'x'], /^bp: --grid 'x' is not an integer in 2\.\.257\n$/],
    [['--directions', 'up'], /^bp: --directions 'up' is not known; allowed: random, pca\n$/],
    [['--span', '0'], /^bp: --span '0' is not a number in \(0, 1e6\]\n$/],
    [['--directions', 'pca'], /^bp: principal directions need a trajectory of at least 3 recorded weights.*\n$/],
    [['--config', 'activation=nope'], /^bp: .*activation.*\n$/],
  ];
  for (const [args, want] of cases) {
    const r = bp('landscape', ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, want);
    assert.equal(r.stdout, '');
  }
});
