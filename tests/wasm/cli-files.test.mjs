// cli-files.test.mjs: the native CLI on hostile arguments and files (issue 21 items 10, 11), as
// model.test.mjs drives it: a model with a UTF-8 byte order mark loads (as in the page), UTF-16
// is named, a file over the model bound is refused before reading and names the bound, a
// directory is called one, and --seed obeys the hash's 64-byte limit.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './load.mjs';

const cli = path.join(root, 'build/bp');
const skip = !fs.existsSync(cli) && 'native build missing';
const bp = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

test('CLI: BOM, UTF-16, size bound, directories, seed length', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cli-'));
  try {
    const json = execFileSync(
      cli,
      ['export', '--config', 'networkShape=2&seed=c', '--epochs', '1', '--format', 'json'],
      { encoding: 'utf8' },
    );
    const bom = path.join(dir, 'bom.json');
    fs.writeFileSync(bom, `\ufeff${json}`);
    let r = bp('train', '--model', bom, '--epochs', '1');
    assert.equal(r.status, 0, r.stderr);
    const u16 = path.join(dir, 'u16.json');
    fs.writeFileSync(u16, Buffer.from(`\ufeff${json}`, 'utf16le'));
    r = bp('train', '--model', u16, '--epochs', '1');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the file is UTF-16 text; save it as UTF-8/);
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(43910836 + 1, 0x20));
    r = bp('train', '--model', big, '--epochs', '1');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is 43910837 bytes; at most 43910836 are read/);
    r = bp('train', '--csv', dir, '--epochs', '1');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is a directory, not a file/);
    r = bp('train', '--epochs', '1', '--seed', 'a'.repeat(65));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /seed: .* is too long; allowed: any text of at most 64 bytes/);
    r = bp('train', '--epochs', '1', '--seed', 'a'.repeat(64));
    assert.equal(r.status, 0, r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
