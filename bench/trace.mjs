// trace.mjs: a Chromium trace (CDP Tracing) of a Playwright page over a while, shared by
// page-speed.mjs (the main thread's busy time) and page-trace.mjs (where each thread's time goes).

/** Traces `page` with `categories` while `during()` runs; returns the trace events and the
 * seconds traced. */
export async function traceWhile(page, categories, during) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' });
  const t0 = Date.now();
  const result = await during();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const secs = (Date.now() - t0) / 1000;
  const { stream } = await done;
  let s = '';
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    s += r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data;
    if (r.eof) break;
  }
  const parsed = JSON.parse(s);
  return { events: parsed.traceEvents || parsed, secs, result };
}

/** Thread names by "pid:tid" from a trace's metadata events. */
export function threadNames(events) {
  const names = {};
  for (const e of events) if (e.name === 'thread_name') names[`${e.pid}:${e.tid}`] = e.args.name;
  return names;
}
