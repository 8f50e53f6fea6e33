// landscape-planes.mjs: bench/landscape.mjs's measurement, shared by Node and the page (served at
// /bench/ by mountFolder): median ms of one 41 x 41 plane per case and direction kind.

/** @param {(opts?: object) => Promise<any>} loadEngine @param {[string, string][]} cases */
export async function planes(loadEngine, cases, wasmBinary) {
  const E = await loadEngine(wasmBinary ? { wasmBinary } : {});
  const out = [];
  for (const [name, hash] of cases) {
    const s = E.createSession(hash);
    s.trainEpochs(50);
    for (const dirs of ['random', 'pca']) {
      const ms = [];
      for (let k = 0; k < 10; k++) {
        const t0 = performance.now();
        s.landscapeBegin(dirs, 41);
        s.landscapeRows(0, 41);
        if (k >= 3) ms.push(performance.now() - t0); // 3 warm-up planes (the optimizing tier)
      }
      ms.sort((a, b) => a - b);
      out.push({ name, dirs, ms: ms[3], min: ms[0], max: ms[6], P: s.params().length });
    }
    s.dispose();
  }
  return out;
}
