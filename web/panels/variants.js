// variants.js: the "Compare and sweep" panel. Its form writes the link's `compare` or `sweep` key
// (with sweepEpochs and sweepTarget) through page.change, so the engine validates it and a link
// carries it; whenever the config changes, the panel asks the engine for the plan (worker.js
// 'variantPlan') and starts, keeps or ends the race (race.js) and starts a new sweep (sweep.js).
// The worker pool (pool.js) starts with the first race or sweep, so a visitor who never compares
// downloads no second engine.
import { engineText, t } from '../i18n.js';
import { WorkerPool } from '../pool.js';
import { Race } from './race.js';
import { Sweep } from './sweep.js';

// Values the form suggests for a setting (the user edits them; the engine checks them). Enum
// settings take the engine's own menus from the catalog.
const SUGGESTED = {
  learningRate: '0.003,0.03,0.3,3',
  momentum: '0.5,0.9,0.99',
  batchSize: '1,10,30',
  regularizationRate: '0,0.001,0.01,0.1',
  networkShape: '2|4,2|8,8',
  dropout: '0,0.2,0.5',
  initZero: 'false,true',
  batchNorm: 'false,true',
  residual: 'false,true',
};

export function initVariants(ctx) {
  const { st, client, message, clearMessage } = ctx;
  const root = document.getElementById('compare');
  const $ = (id) => document.getElementById(id);
  let pool = null,
    race = null,
    sweep = null,
    cat = null,
    raceKey = '',
    sweepKey = '';
  const ensurePool = () => {
    pool ||= new WorkerPool(undefined, undefined, () => client.call('engineModule').then((r) => r.module));
    race ||= new Race({ st, pool, root, ctx });
    sweep ||= new Sweep({ st, pool, root, ctx });
  };

  function suggestion(key) {
    if (SUGGESTED[key]) return SUGGESTED[key];
    if (key === 'loss') return cat.kinds[ctx.kindOf(st.config.numClasses)].losses.filter((l) => l !== 'auto').join(',');
    return (cat[key] || []).slice(0, cat.maxAxisValues).join(',');
  }
  function fillKeys(select, withNone) {
    select.replaceChildren(
      ...(withNone ? [new Option(t('cmp.none'), '')] : []),
      ...cat.comparableKeys.map((k) => new Option(k, k)),
    );
  }
  // The spec the form describes: "key:values" or "key:values;key:values" (spaces dropped).
  function spec() {
    const parts = [];
    for (const n of [1, 2]) {
      const key = $(`vKey${n}`).value,
        vals = $(`vVals${n}`).value.replace(/\s+/g, '');
      if (key) parts.push(`${key}:${vals}`);
    }
    return parts.join(';');
  }

  ctx.catalog.then((c) => {
    cat = c;
    fillKeys($('vKey1'), false);
    fillKeys($('vKey2'), true);
    $('vKey1').value = 'optimizer';
    $('vVals1').value = suggestion('optimizer');
    for (const n of [1, 2])
      $(`vKey${n}`).onchange = () =>
        ($(`vVals${n}`).value = $(`vKey${n}`).value ? suggestion($(`vKey${n}`).value) : '');
    hint();
    sync();
  });
  const hint = () =>
    ($('variantHint').textContent = t('cmp.hint', { race: cat.maxCompareVariants, sweep: cat.maxSweepRuns }));
  ctx.onLang(() => {
    if (!cat) return;
    const none = $('vKey2').querySelector('option[value=""]');
    if (none) none.textContent = t('cmp.none');
    hint();
  });
  $('raceStart').onclick = () => ctx.change({ compare: spec() });
  $('raceEnd').onclick = () => ctx.change({ compare: '' });
  $('sweepStart').onclick = () =>
    ctx.change({ sweep: spec(), sweepEpochs: $('vEpochs').value, sweepTarget: $('vTarget').value });
  $('sweepClose').onclick = async () => {
    await sweep?.stop();
    $('sweep').hidden = true;
    if (st.config.sweep) ctx.change({ sweep: '' });
  };

  // The form shows the axes of the link's compare (else sweep) key.
  function showAxes(axes) {
    [1, 2].forEach((n, i) => {
      $(`vKey${n}`).value = axes[i] ? axes[i].key : n === 1 ? $('vKey1').value : '';
      if (axes[i])
        $(`vVals${n}`).value = axes[i].values.join(axes[i].values.some((v) => v === '' || v.includes(',')) ? '|' : ',');
      else if (n === 2) $('vVals2').value = '';
    });
  }

  // After every config change: the race follows the link's compare key, a new sweep key starts a sweep.
  let seq = 0;
  async function sync() {
    if (!cat || !st.config) return;
    const c = st.config,
      mine = ++seq;
    $('vEpochs').value = c.sweepEpochs;
    $('vTarget').value = c.sweepTarget;
    if (!c.compare) {
      if (raceKey) race.close();
      raceKey = '';
      $('race').hidden = true;
    } else {
      const plan = await client.call('variantPlan', { hash: st.hash, sweep: false }).catch((e) => ({ error: e })); // the engine's message (its code and args: i18n.js engineText)
      if (mine !== seq) return;
      if (plan.error) {
        message(() => t('cmp.notRaced', { error: engineText(plan.error) }), 'error', 'race');
        if (raceKey) race.close();
        raceKey = '';
        $('race').hidden = true;
      } else {
        clearMessage('race');
        showAxes(plan.axes);
        const key = plan.runs.map((r) => r.hash).join('\n');
        ensurePool();
        $('race').hidden = false;
        if (key !== raceKey) {
          raceKey = key;
          race.open(plan);
        }
      }
    }
    if (c.sweep) {
      const plan = await client.call('variantPlan', { hash: st.hash, sweep: true }).catch((e) => ({ error: e }));
      if (mine !== seq) return;
      if (plan.error) message(() => t('cmp.notSwept', { error: engineText(plan.error) }), 'error', 'sweep');
      else {
        const key = `${plan.epochs}|${plan.target}|${plan.runs.map((r) => r.hash).join('\n')}`;
        if (key !== sweepKey) {
          // A sweep link starts while the page is still laying out its late panels: its workers
          // would take the cores those frames need, so it waits for the first idle moment.
          await new Promise((r) =>
            window.requestIdleCallback ? requestIdleCallback(r, { timeout: 1000 }) : setTimeout(r),
          );
          if (mine !== seq) return;
          sweepKey = key;
          clearMessage('sweep');
          if (!c.compare) showAxes(plan.axes);
          ensurePool();
          sweep.run(plan);
        }
      }
    } else sweepKey = '';
  }
  // The loss landscape panel draws the race's paths on its plane (landscape.js).
  ctx.raceTrajectories = () => (race && raceKey ? race.trajectories() : Promise.resolve([]));
  ctx.onConfig(sync);
  ctx.onFrame((m) => race?.follow(m.epoch));
  sync();
  // read by the browser tests (tests/browser/compare.test.mjs)
  window.playgroundVariants = Object.freeze({
    race: () => race?.state() ?? [],
    sweep: () => sweep?.state() ?? { running: false, runs: [] },
    poolSize: () => pool?.size ?? 0,
    params: (kind, i) => {
      const s = kind === 'race' ? race.variants[i] : { id: sweep.results.get(i)?.id };
      return pool.call(pool.workerOf(i), 'params', { run: s.id });
    },
  });
}
