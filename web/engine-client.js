// engine-client.js: the page's handle on the engine worker: call(type, args) -> Promise of the
// worker's reply; rejects with the worker's error message. Requests are answered in order.
export class EngineClient {
  constructor(url = new URL('./worker.js', import.meta.url)) {
    this.worker = new Worker(url, { type: 'module' });
    this.pending = new Map();
    this.next = 1;
    this.worker.onmessage = (ev) => {
      const { id, ok, error, ...rest } = ev.data;
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (ok) p.resolve(rest);
      else p.reject(new Error(error));
    };
    this.worker.onerror = (ev) => {
      const err = new Error(`the engine worker failed: ${ev.message || 'could not load'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.onfatal) this.onfatal(err);
    };
  }
  call(type, args = {}, transfer = []) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...args }, transfer);
    });
  }
}
