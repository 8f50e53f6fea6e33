// selftest.js: the engine self-test (selftest.html): train 20 epochs, read a 100 x 100 grid, report.
import { loadEngine } from './engine.js';

const out = document.getElementById('out');
try {
  const E = await loadEngine();
  const s = E.createSession('seed=1');
  const before = s.metrics().trainLoss;
  s.trainEpochs(20);
  const m = s.metrics();
  const g = s.evalGrid(100);
  const result = {
    ok: true,
    before,
    after: m.trainLoss,
    epoch: m.epoch,
    gridLength: g.length,
    rows: s.gridRows(),
    outputCentre: g[(s.gridRows() - 1) * 10000 + 50 * 100 + 50],
  };
  s.dispose();
  window.selftest = result;
  out.textContent = JSON.stringify(result, null, 2);
} catch (e) {
  window.selftest = { ok: false, error: String(e) };
  out.textContent = `engine failed to load: ${e}`;
}
