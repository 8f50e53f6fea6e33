// pool.js: the compare-and-sweep worker pool: one pool-worker.js per core the browser reports
// (navigator.hardwareConcurrency, at most 8), each with its own engine, so a race's variants and a
// sweep's runs train in parallel beside the page's own engine worker. Runs are given to workers
// round robin (run i to worker i mod n). call(w, type, args, onProgress) -> Promise of worker w's
// reply, rejected with its error; a sweep's progress messages go to onProgress.
export class WorkerPool {
  constructor(size = WorkerPool.defaultSize(), url = new URL('./pool-worker.js', import.meta.url)) {
    this.workers = Array.from({ length: size }, () => new Worker(url, { type: 'module' }));
    this.pending = new Map();
    this.next = 1;
    for (const w of this.workers) {
      w.onmessage = (ev) => {
        const { id, ok, error, progress, ...rest } = ev.data;
        const p = this.pending.get(id);
        if (!p) return;
        if (progress) return p.onProgress?.(progress);
        this.pending.delete(id);
        if (ok) p.resolve(rest);
        else p.reject(new Error(error));
      };
      w.onerror = (ev) => {
        const err = new Error(`a compare worker failed: ${ev.message || 'could not load'}`);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
    }
  }
  /** Workers to start: one per logical core, at least 1, at most 8. */
  static defaultSize() {
    const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency | 0 : 0;
    return Math.max(1, Math.min(8, n || 2));
  }
  get size() {
    return this.workers.length;
  }
  /** The worker that run number i belongs to. */
  workerOf(i) {
    return i % this.workers.length;
  }
  call(w, type, args = {}, onProgress = null) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.workers[w].postMessage({ ...args, id, type }); // the request's id wins over any arg
    });
  }
  /** The same request to every worker, with args built per worker index. */
  all(type, argsOf, onProgress = null) {
    return Promise.all(this.workers.map((_, w) => this.call(w, type, argsOf(w), onProgress)));
  }
  terminate() {
    for (const w of this.workers) w.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the compare pool was closed'));
    this.pending.clear();
  }
}
