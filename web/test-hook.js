// test-hook.js: the one window into the page's state that tests and benchmarks read
// (window.playground), read-only and limited to the fields listed here, so the page's state
// object can change without breaking them and nothing outside writes it. Kept to what the
// browser suites and bench/ read: the engine's last answer (config, layers, features, points,
// weights, grid, metrics, health), the play and frame state, the step-through's trace and marker,
// the frame counters (perf; resetPerf() starts a new count), the loss landscape panel's plane, and
// the lesson in view (lessons/lesson-mode.js: id, step, steps, done); loadPanels() wires the late panels.

const FIELDS = [
  'hash',
  'config',
  'layers',
  'features',
  'train',
  'test',
  'params',
  'grid',
  'N',
  'rows',
  'metrics',
  'health',
  'playing',
  'inflight',
  'dirty',
  'dark',
  'step',
  'trace',
  'tracePoint',
  'marked',
  'firstDrawMs',
  'drawnParams',
  'chartPushes',
  'perf',
  'landscape',
  'lesson',
];

/**
 * Exposes `st` (app.js's state) as window.playground, read-only, FIELDS only, and two actions:
 * resetPerf() starts a new frame count; loadPanels() loads and wires every late panel at once
 * (late-panels.js; suites that use them all, instead of scrolling to each).
 */
export function exposeForTests(st, { loadPanels }) {
  const hook = { resetPerf: () => (st.perf = null), loadPanels };
  for (const k of FIELDS) Object.defineProperty(hook, k, { get: () => st[k], enumerable: true });
  window.playground = Object.freeze(hook);
}
