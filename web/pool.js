// pool.js: the compare-and-sweep worker pool: one pool-worker.js per core the browser reports
// (navigator.hardwareConcurrency, at most 8), each with its own engine behind an EngineClient, so
// a race's variants and a sweep's runs train in parallel beside the page's own engine worker.
// Runs are given to workers round robin (run i to worker i mod n). call(w, type, args,
// onProgress) -> Promise of worker w's reply, rejected with its error; a sweep's progress
// messages go to onProgress.
import { EngineClient } from './engine-client.js';

export class WorkerPool {
  constructor(size = WorkerPool.defaultSize(), url = new URL('./pool-worker.js', import.meta.url)) {
    this.clients = Array.from({ length: size }, () => new EngineClient(url, 'a compare worker'));
  }
  /** Workers to start: one per logical core, at least 1, at most 8. */
  static defaultSize() {
    const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency | 0 : 0;
    return Math.max(1, Math.min(8, n || 2));
  }
  get size() {
    return this.clients.length;
  }
  /** The worker that run number i belongs to. */
  workerOf(i) {
    return i % this.clients.length;
  }
  call(w, type, args = {}, onProgress = null) {
    return this.clients[w].call(type, args, [], onProgress);
  }
  /** The same request to every worker, with args built per worker index. */
  all(type, argsOf, onProgress = null) {
    return Promise.all(this.clients.map((c, w) => c.call(type, argsOf(w), [], onProgress)));
  }
}
