// worker-serve.js: the request protocol every engine worker speaks (worker.js, pool-worker.js;
// engine-client.js is the page's side): {id, type, ...args} in; {id, ok: true, ...result} or
// {id, ok: false, error, code?, args?} out (code and args: an engine message's, engine-error.js),
// after `ready` (the engine) has loaded. A handler may name buffers to
// transfer in result._transfer; `before(type)` runs ahead of each handler (worker.js drops what a
// session-changing request makes stale). Handlers get {id, ...args}: a long one posts progress
// under its request's id.
export function serve(handlers, ready, before = () => {}) {
  self.onmessage = async (ev) => {
    const { id, type, ...args } = ev.data;
    try {
      await ready;
      const h = handlers[type];
      if (!h) throw new Error(`unknown request '${type}'`);
      before(type);
      const result = await h({ ...args, id });
      const transfer = result._transfer || [];
      delete result._transfer;
      self.postMessage({ id, ok: true, ...result }, transfer);
    } catch (e) {
      const error = e && e.message ? e.message : String(e);
      self.postMessage({ id, ok: false, error, ...(e && e.code ? { code: e.code, args: e.args } : {}) });
    }
  };
}
