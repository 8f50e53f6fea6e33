// engine.js: with engine-session.js, the only module that touches the wasm Module. Loads the engine
// (web/gen/engine.mjs, built by build-wasm.sh) and wraps its Embind API in a documented,
// owner-disposes-everything form: Engine here, one playground's Session in engine-session.js.
// Views (Float32Array over wasm memory) are valid until the next engine call: take them again
// after every call, never keep them across calls.

/**
 * @typedef {{code: string, args: object, text: string}} EngineMessage a message by code (src/config/message_table.h; i18n.js engineText)
 * @typedef {{key: string, value: string, message: string, code: string, args: object}} ConfigIssue
 * @typedef {{config: object, hash: string, errors: ConfigIssue[], unknownKeys: string[]}} ParsedHash
 */

// Imported, not fetched by URL: the page's worker bundle (scripts/bundle.mjs) then carries the glue,
// and the glue still finds engine.wasm next to the file it runs from (web/gen/ either way).
import createBuiltEngine from './gen/engine.mjs';
import { Session } from './engine-session.js';

export { Session };

/**
 * Loads the wasm engine. In the browser the .wasm is fetched next to engine.mjs (or taken from
 * the one-file page's inline copy); under Node pass {wasmBinary} (Emscripten 3.1.6 cannot fetch
 * file paths there). {wasmModule}: an engine another worker compiled (WebAssembly.Module crosses
 * postMessage and keeps its machine code), instantiated without compiling again: the compare and
 * sweep pool's workers start from the page worker's (pool.js). Engine.wasmModule is what was used.
 * The engine comes in two parts (scripts/split-engine.mjs): engine.wasm holds what loading,
 * training and drawing run; engine.deferred.wasm the rest (exports, model files, CSV import, the
 * step-through, the gradient check, the loss landscape, compare plans). The second part is
 * loaded on the first call into it, synchronously, as Emscripten's SPLIT_MODULE does: fetched
 * by a synchronous request (workers only), taken from {deferredBinary}, from the one-file page's
 * inline copy, or under Node read from the file next to engine.wasm. Both parts are one module:
 * same memory, same table, same bits.
 * @param {{wasmBinary?: Uint8Array, wasmModule?: WebAssembly.Module, deferredBinary?: Uint8Array, moduleUrl?: string}} [opts]
 * @returns {Promise<Engine>}
 */
export async function loadEngine(opts = {}) {
  const createEngine = opts.moduleUrl ? (await import(opts.moduleUrl)).default : createBuiltEngine;
  // the one-file page (scripts/single.mjs) gives its workers the engine inline, as base64
  const inline = globalThis.BP_WASM_B64;
  const wasmBinary = opts.wasmBinary ?? (inline ? fromBase64(inline) : undefined);
  // The glue's own loader keeps the compiled module to itself; this one keeps it for the pool.
  // The glue names the file through locateFile (next to the glue, wherever it was bundled).
  let wasmUrl = '',
    failed = null;
  const failure = new Promise((_, reject) => (failed = reject));
  const compile = () =>
    opts.wasmModule
      ? Promise.resolve(opts.wasmModule)
      : wasmBinary
        ? WebAssembly.compile(wasmBinary)
        : WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' })).catch((e) => {
            // e.g. a server that does not send application/wasm
            console.warn(`wasm streaming compile failed: ${e}; falling back to ArrayBuffer instantiation`);
            return fetch(wasmUrl, { credentials: 'same-origin' })
              .then((r) => r.arrayBuffer())
              .then((b) => WebAssembly.compile(b));
          });
  let compiled = null;
  const M = await Promise.race([
    createEngine({
      locateFile: (path, dir) => {
        const url = dir ? dir + path : nextToGlue(path, opts.moduleUrl);
        if (!path.includes('.deferred.')) wasmUrl = url;
        return url;
      },
      instantiateWasm(imports, receive) {
        compile()
          .then((module) => {
            compiled = module;
            return WebAssembly.instantiate(module, imports);
          })
          .then((instance) => receive(instance, compiled), failed);
        return {}; // the exports arrive through receive
      },
      loadSplitModule: (file, imports) => {
        const module = new WebAssembly.Module(deferredBytes(file, opts.deferredBinary));
        return [new WebAssembly.Instance(module, imports), module];
      },
      // the glue says when it loads the second part: not worth a console line
      printErr: (text) => {
        if (!/^(placeholder function called|instantiated deferred module)/.test(text)) console.warn(text);
      },
    }),
    failure,
  ]);
  const E = new Engine(M);
  E.wasmModule = compiled;
  return E;
}

// Where the glue finds a file when it knows no folder of its own (under Node: the glue only
// knows the web's and workers' ways): next to the glue, as its default does.
function nextToGlue(path, moduleUrl) {
  try {
    return new URL(path, moduleUrl ?? new URL('./gen/engine.mjs', import.meta.url)).href;
  } catch {
    return path; // a blob: page (the one-file page) passes its engine inline: no file is read
  }
}

const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

// The second part's bytes: given, inline (the one-file page), a file under Node, else a
// synchronous request (allowed in workers, where the page runs the engine).
function deferredBytes(file, given) {
  if (given) return given;
  if (globalThis.BP_WASM_DEFERRED_B64) return fromBase64(globalThis.BP_WASM_DEFERRED_B64);
  const node = globalThis.process?.getBuiltinModule?.('node:fs');
  if (node) return node.readFileSync(new URL(file));
  const xhr = new XMLHttpRequest();
  xhr.open('GET', file, false);
  xhr.responseType = 'arraybuffer';
  xhr.send(null);
  if (xhr.status !== 200) throw new Error(`the engine's second part (${file}) could not be loaded: ${xhr.status}`);
  return new Uint8Array(xhr.response);
}

export class Engine {
  /** @param {any} M the Emscripten module */
  constructor(M) {
    this.M = M;
  }
  /** Parses and validates a URL hash (leading '#' allowed). @returns {ParsedHash} */
  parseHash(hash) {
    return this.M.parseHash(String(hash));
  }
  /**
   * What the engine offers, for menus (src/session/catalog.h): datasets [{key, problem, classes}],
   * features [{key, label}], kinds {binary, multiclass, regression: {losses, outputs, autoLoss,
   * autoOutput}}, liveKeys (what Session.setTraining applies without a reset), and the values of
   * the activation, optimizer, init, regularization and speed keys.
   */
  catalog() {
    // the same for the engine's whole life: built once (it runs check_consistency per menu value)
    this.cat ??= this.M.catalog();
    return this.cat;
  }
  /** The training points of a hash's generated dataset (no network built), for a thumbnail. */
  datasetPreview(hash) {
    const r = this.M.datasetPreview(String(hash));
    if (!r.ok) throw new Error(r.error);
    return r.points;
  }
  /**
   * What a hash's compare (sweep false) or sweep runs (src/session/variants.h): {ok, error, axes:
   * [{key, values}], runs: [{label, hash, cell, multiplyAdds, params, sameInit}], epochs, target,
   * totalMultiplyAdds}. Refusals (no such key, a variant that cannot be built, the sweep's work
   * bound) come back as {ok: false, error} naming the limit.
   */
  variantPlan(hash, sweep = false) {
    return this.M.variantPlan(String(hash), !!sweep);
  }
  /** A session for this hash; check .lastLoad.ok. @returns {Session} */
  createSession(hash) {
    return new Session(this.M, hash);
  }
  /**
   * The header and first rows of a CSV file, read by the engine's CSV parser (for a column picker).
   * text: a string, or the file's bytes (so a UTF-16 file is named as such).
   * @returns {{ok: boolean, error: string, hasHeader?: boolean, columns?: string[], rows?: string[][], numeric?: boolean[]}}
   */
  csvPreview(text, maxRows = 5) {
    return this.M.csvPreview(text instanceof Uint8Array ? text : String(text), +maxRows);
  }
  /** Live Embind handles and C++ instances (for leak tests). */
  liveHandles() {
    return { emval: this.M.count_emval_handles(), instances: this.M.getInheritedInstanceCount() };
  }
  /** Bytes of wasm linear memory. */
  heapBytes() {
    return this.M.HEAP8.buffer.byteLength;
  }
}
