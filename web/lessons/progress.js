// progress.js: the learner's progress through the lessons, kept in this browser's local storage
// under one key: the steps done in each lesson and the last step opened. The lesson and step in
// view are the link's (`lesson`, `step`); this file only remembers. A store that cannot be read
// (private mode, full, or hand-edited) counts as empty and is never a reason to fail.
const KEY = 'bp-lessons';

function read() {
  try {
    const p = JSON.parse(localStorage.getItem(KEY));
    if (p && typeof p === 'object' && p.done && typeof p.done === 'object') return p;
  } catch {
    // unreadable: start afresh
  }
  return { done: {}, last: null };
}
function write(p) {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage full or blocked: progress is a convenience
  }
}

/** The steps (1-based) of lesson id marked done. */
export function doneSteps(id) {
  const d = read().done[id];
  return new Set(Array.isArray(d) ? d.filter(Number.isInteger) : []);
}

/** Marks step (1-based) of lesson id done. */
export function markDone(id, step) {
  const p = read();
  const d = doneSteps(id);
  if (d.has(step)) return;
  d.add(step);
  p.done[id] = [...d].sort((a, b) => a - b);
  write(p);
}

/** Remembers the step in view, to reopen it from the Lessons button. */
export function setLast(id, step) {
  const p = read();
  p.last = { id, step };
  write(p);
}

/** The last step opened ({id, step}) or null. */
export function last() {
  const l = read().last;
  return l && typeof l.id === 'string' && Number.isInteger(l.step) ? l : null;
}
