// engine-client.js: the page's handle on one engine worker (worker.js, or a pool-worker.js of
// pool.js): call(type, args, transfer, onProgress) -> Promise of the worker's reply; rejects with
// the worker's error message (an engine message keeps its code and args: engine-error.js).
// Requests are answered in order. A long request may post
// {id, progress} messages before its reply (a sweep's finished runs): they go to onProgress.
import { engineError } from './engine-error.js';

export class EngineClient {
  // BP_WORKERS: the one-file page's workers, made from inline code (scripts/single.mjs)
  constructor(
    url = globalThis.BP_WORKERS?.engine ?? new URL('./worker.js', import.meta.url),
    what = 'the engine worker',
  ) {
    this.what = what;
    this.worker = new Worker(url, { type: globalThis.BP_WORKERS?.type ?? 'module' });
    this.pending = new Map();
    this.next = 1;
    this.worker.onmessage = (ev) => {
      const { id, ok, error, progress, ...rest } = ev.data;
      const p = this.pending.get(id);
      if (!p) return;
      if (progress) return p.onProgress?.(progress);
      this.pending.delete(id);
      if (ok) p.resolve(rest);
      else p.reject(engineError({ error, code: rest.code, args: rest.args }));
    };
    this.worker.onerror = (ev) => {
      const err = new Error(`${this.what} failed: ${ev.message || 'could not load'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.onfatal) this.onfatal(err);
    };
  }
  call(type, args = {}, transfer = [], onProgress = null) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...args, id, type }, transfer); // the request's id wins over any arg
    });
  }
}
