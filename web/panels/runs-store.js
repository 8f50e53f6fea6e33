// runs-store.js: the run history in localStorage under one key, newest first, at most MAX_RUNS.
// A run: {id, time, hash, epoch, trainLoss, testLoss, curve: [[epoch, train, test]...] (<= 200),
// thumb (PNG data URL), model (model JSON text, only when under MAX_MODEL_CHARS), auto}. One entry
// per distinct state (sameState).
// Writes never lose what was stored: when the quota is hit, the weights of the oldest runs are
// dropped first (their config hash stays, so they can still be restored without weights), and if
// even that does not fit the write is refused with an Error and storage keeps its previous value.

export const KEY = 'bp-runs';
export const MAX_RUNS = 20;
export const MAX_CURVE = 200;
export const MAX_MODEL_CHARS = 300 * 1024;

/** Up to max samples of parallel arrays, evenly spread, always keeping the first and the last. */
export function subsample(epochs, train, test, n, max = MAX_CURVE) {
  const out = [];
  if (n <= 0) return out;
  const m = Math.min(n, max);
  for (let k = 0; k < m; k++) {
    const i = m === 1 ? n - 1 : Math.round((k * (n - 1)) / (m - 1));
    out.push([epochs[i], train[i], test[i]]);
  }
  return out;
}

/**
 * Whether a stored run holds the state `run` (a new capture) holds: the same settings, epoch and
 * losses, and the same weights when both carry them. Saving such a state again (e.g. "Save run"
 * right after the pause saved it) must update that entry, not add a copy.
 */
export function sameState(stored, run) {
  return (
    stored.hash === run.hash &&
    stored.epoch === run.epoch &&
    Object.is(stored.trainLoss, run.trainLoss) &&
    Object.is(stored.testLoss, run.testLoss) &&
    (stored.model == null || run.model == null || stored.model === run.model)
  );
}

const isQuota = (e) => e && (e.name === 'QuotaExceededError' || e.code === 22 || e.code === 1014);

export class RunStore {
  /** @param {Storage} storage */
  constructor(storage = localStorage) {
    this.storage = storage;
  }
  /** The stored runs (newest first); a corrupt entry reads as an empty history. */
  list() {
    try {
      const v = JSON.parse(this.storage.getItem(KEY) || '[]');
      return Array.isArray(v) ? v.filter((r) => r && typeof r.hash === 'string' && Array.isArray(r.curve)) : [];
    } catch {
      return [];
    }
  }
  /**
   * Adds run (or replaces the run with the same id) at the front, keeps the newest MAX_RUNS.
   * @returns {{runs: object[], droppedModels: number}} droppedModels: runs whose weights were let go
   */
  save(run) {
    if (run.model && run.model.length > MAX_MODEL_CHARS) delete run.model;
    const runs = [run, ...this.list().filter((r) => r.id !== run.id)].slice(0, MAX_RUNS);
    return this.#write(runs);
  }
  /** Removes the runs with these ids. */
  remove(ids) {
    const gone = new Set(ids);
    return this.#write(this.list().filter((r) => !gone.has(r.id))).runs;
  }
  #write(runs) {
    let dropped = 0;
    for (;;) {
      try {
        this.storage.setItem(KEY, JSON.stringify(runs));
        return { runs, droppedModels: dropped };
      } catch (e) {
        if (!isQuota(e)) throw e;
        const oldest = runs.findLastIndex((r) => r.model);
        if (oldest < 0)
          throw new Error(
            "the browser's storage for this page is full (runs were not changed); delete some runs or free storage",
          );
        runs = runs.map((r, i) => (i === oldest ? { ...r, model: undefined } : r));
        dropped++;
      }
    }
  }
}
