// step-mode.js: step mode, the step-through of backprop on one point: the panel
// (views/stepthrough.js, loaded when step mode is first asked for), the
// traced point (click it on the output, or "Next point") and its trace from the engine, and the
// buttons that move through the phases. Play turns step mode off.
import { pixelToData } from './views/heatmap.js';

const $ = (id) => document.getElementById(id);

/** Step mode's panel and point; returns what other modules call. */
export function initStepMode(page) {
  const { st, client, net } = page;
  // The step-through panel loads when step mode is first asked for (or a lesson shows it).
  const loadStepper = () =>
    import('./views/stepthrough.js').then(
      ({ StepThrough }) =>
        (page.stepper ||= new StepThrough($('stepPanel'), {
          net,
          getState: () => st,
          lossLine: (args) => client.call('lossLine', args),
        })),
    );

  async function refreshTrace() {
    const n = st.train.length / 3;
    if (!n) return;
    st.tracePoint =
      st.tracePoint && st.tracePoint.index < (st.tracePoint.test ? st.test.length / 3 : n)
        ? st.tracePoint
        : { test: false, index: 0 };
    const { test, index } = st.tracePoint;
    const pts = test ? st.test : st.train;
    const r = await client.call('trace', { test, index });
    st.trace = r.trace;
    page.stepper.setTrace(r.trace, {
      test,
      index,
      x1: pts[3 * index],
      x2: pts[3 * index + 1],
      label: pts[3 * index + 2],
    });
    page.redraw(); // the ring on the traced point
  }
  async function setStepMode(on) {
    if (on && !page.stepper) await loadStepper();
    if (on && st.editing) page.dataEdit.setEditing(false);
    st.step = on;
    $('stepThrough').setAttribute('aria-pressed', String(on));
    $('stepPanel').hidden = !on;
    net.selectMode = on;
    if (on) {
      page.setPlaying(false);
      page.stepper.phase = 0;
      refreshTrace();
    } else {
      net.annotate(null);
      page.stepper?.select(null);
      page.redraw(); // without the ring
    }
  }
  page.hooks.lang.push(() => page.stepper?.render()); // its words are made as it draws
  $('stepThrough').onclick = () => setStepMode(!st.step);
  $('stClose').onclick = () => setStepMode(false);
  $('stNext').onclick = () => page.stepper?.move(+1);
  $('stPrev').onclick = () => page.stepper?.move(-1);
  $('stNextPoint').onclick = () => {
    const n = (st.tracePoint && st.tracePoint.test ? st.test : st.train).length / 3;
    st.tracePoint = {
      test: !!(st.tracePoint && st.tracePoint.test),
      index: ((st.tracePoint ? st.tracePoint.index : -1) + 1) % n,
    };
    refreshTrace();
  };
  $('output').addEventListener('click', (ev) => {
    if (!st.step) return;
    const rect = ev.currentTarget.getBoundingClientRect();
    const { x, y } = pixelToData(ev.clientX - rect.left, ev.clientY - rect.top, rect.width, rect.height);
    let best = null;
    const scan = (pts, test) => {
      for (let i = 0; i < pts.length; i += 3) {
        const d = Math.hypot(pts[i] - x, pts[i + 1] - y);
        if (!best || d < best.d) best = { d, test, index: i / 3 };
      }
    };
    scan(st.train, false);
    if (st.config.showTestData) scan(st.test, true);
    if (best && best.d < 0.6) {
      st.tracePoint = { test: best.test, index: best.index };
      refreshTrace();
    }
  });
  return { refreshTrace, setStepMode, loadStepper };
}
