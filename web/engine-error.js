// engine-error.js: an engine refusal as it crosses the workers. The engine answers a refusal with
// {ok: false, error, code, args} (src/bindings/js_args.h): error is its English sentence, code and
// args what the page renders in its own language (i18n.js engineText). These keep code and args
// beside the text, on a thrown Error (and through worker-serve.js and engine-client.js's
// postMessage) or as a message value; a refusal without a code (a developer's misuse of the API)
// stays its English text.

/** An Error whose .message is the engine's English text, with .code and .args when it has them. */
export function engineError(r) {
  const e = new Error(r.error);
  if (r.code) Object.assign(e, { code: r.code, args: r.args });
  return e;
}

/** A refusal as a message value: {code, args, text}, or its text alone ('' for none). */
export function engineMessage(r) {
  return r.code ? { code: r.code, args: r.args, text: r.error } : r.error || '';
}
