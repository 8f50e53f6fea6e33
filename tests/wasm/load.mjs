// load.mjs: loads the built engine under Node (passing the .wasm bytes, see TOOLCHAIN notes).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../web/engine.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const genDir = path.join(root, 'web/gen');

export async function engine() {
  return loadEngine({ wasmBinary: fs.readFileSync(path.join(genDir, 'engine.wasm')) });
}
