// page-state.js: the page's state in the URL hash. load() sends a hash to the worker, whose engine
// codec validates and canonicalises it (messages for what it ignores, refuses or drops); apply()
// takes the engine's answer into the page state (st) and the views; change() edits keys (live keys
// go to the running session, others reload the network); edit() sets one weight or bias. The
// canonical hash goes back into the address bar. Other modules reach these through the page
// context (app.js) as page.load, page.apply, page.change, page.edit, page.resetNetwork. The
// engine's messages are shown in the page's language by their code (i18n.js engineText).
import { setKey, setKeys, dropKey } from './hash.js';
import { GRID_SIDE as N } from './frame-plan.js';
import { message, clearMessage } from './messages.js';
import { engineText, t } from './i18n.js';
import { shownUntrusted } from './views/format.js';

export const UI_MAX_LAYERS = 8,
  UI_MAX_NEURONS = 16; // the +/- buttons stop here (engine: 16 x 256)

/** Loading, applying and changing the state; returns the functions the other modules call. */
export function initState(page) {
  const { st, client, net, chart, hooks } = page;
  // An unknown key as shown in a message (untrusted URL text: views/format.js shownUntrusted)
  const shownKey = (k) => (k === '' ? t('msg.emptyKey') : shownUntrusted(k));
  // The first load (no network yet) builds the nearest network a refused link allows: the engine
  // drops the keys that stop it (r.dropped, each with why) and the user's link stays in the address
  // bar. refuse (a control's edit): a value the engine refuses changes nothing, not even the
  // network; the control shows the value in force again.
  async function load(hash, { fromUser = false, refuse = false } = {}) {
    if (!/(^|&)seed=/.test(hash.replace(/^#/, '')))
      hash = setKey(hash, 'seed', String(Math.floor(Math.random() * 90000) + 10000));
    const first = !st.config;
    const r = await client.call('load', { hash, nearest: first, refuse });
    if (r.refused) {
      r.refused.forEach((e, i) => {
        const v = st.config && st.config[e.key]; // what stays in force, as it is now
        message(
          () => t('msg.notApplied', { error: engineText(e) + inForce(e.key, v) }),
          'warn',
          `cfg-${e.key || `#${i}`}`,
        );
      });
      page.syncControls();
      return false;
    }
    // One message per key (a later load replaces it); hash-wide errors have no key: one each.
    r.errors.forEach((e, i) =>
      message(() => t('msg.ignored', { error: engineText(e) }), 'warn', `cfg-${e.key || `#${i}`}`),
    );
    if (r.unknownKeys.length)
      message(
        () =>
          t('msg.unknownKeys', {
            keys: r.unknownKeys.slice(0, 8).map(shownKey).join(', ') + (r.unknownKeys.length > 8 ? ', …' : ''),
          }),
        'warn',
        'unknown',
      );
    if (!r.loadOk) {
      message(
        () => t(first ? 'msg.loadFailed' : 'msg.loadFailedKept', { error: engineText(r.loadError) }),
        'error',
        'load',
      );
      if (first) return false;
      history.replaceState(null, '', `#${st.hash}`);
      page.syncControls(); // the control the user changed shows the setting in force again
      return false;
    }
    clearMessage('load');
    clearMessage('diverged');
    // the worked example is there to be stepped through: its link opens the step panel (the
    // engine's canonical hash names the preset; the config value object does not carry it)
    const worked = (h) => /(^|&)preset=worked-example(&|$)/.test(h || '');
    const opensWorked = worked(r.hash) && !worked(st.config && st.hash);
    apply(r);
    if (opensWorked && !st.step) page.setStepMode(true);
    // the user's data could not follow the new network (e.g. labels that are not classes)
    if (r.pointsError) message(() => t('msg.engineSays', { error: engineText(r.pointsError) }), 'warn', 'points-carry');
    else clearMessage('points-carry');
    r.dropped.forEach((e) => message(() => t('msg.dropped', { error: engineText(e) }), 'warn', `cfg-${e.key}`));
    if (r.dropped.length) history.replaceState(null, '', `#${hash.replace(/^#/, '')}`); // the user's link, not the nearest one
    if (
      fromUser &&
      (r.config.networkShape.some((n) => n > UI_MAX_NEURONS) || r.config.networkShape.length > UI_MAX_LAYERS)
    )
      message(() => t('msg.big', { layers: UI_MAX_LAYERS, neurons: UI_MAX_NEURONS }), 'info', 'big');
    return true;
  }

  // " (dropout stays 0.2)": what a refused edit leaves in force, for keys the config names.
  function inForce(key, v) {
    const shown = Array.isArray(v) ? v.join(',') || t('msg.empty') : v;
    return v === undefined || v === null ? '' : t('msg.stays', { key, value: shown });
  }

  function apply(r) {
    const structureChanged =
      !st.config ||
      JSON.stringify(r.layers) !== JSON.stringify(st.layers) ||
      JSON.stringify(r.features) !== JSON.stringify(st.features) ||
      JSON.stringify(r.config.hidden) !== JSON.stringify(st.config.hidden);
    const dataChanged =
      !st.config ||
      r.config.seed !== st.config.seed ||
      r.config.noise !== st.config.noise ||
      r.config.problem !== st.config.problem;
    st.hash = r.hash;
    st.config = r.config;
    st.layers = r.layers;
    st.features = r.features;
    st.train = r.train;
    st.test = r.test;
    st.params = r.params;
    st.metrics = r.metrics;
    history.replaceState(null, '', `#${st.hash}`);
    page.syncControls();
    if (structureChanged) buildNet();
    if (dataChanged) page.loadPreviews();
    chart.clear();
    st.lastChartEpoch = -1;
    st.dirty = true;
    st.healthDue = true;
    if (st.step) page.refreshTrace();
    else net.annotate(null);
    for (const f of hooks.apply) f(r);
    for (const f of hooks.config) f();
  }
  function buildNet() {
    net.setTheme(st.palette, st.dark);
    net.setStructure(featureList(), st.layers, {
      maxLayers: UI_MAX_LAYERS,
      maxNeurons: UI_MAX_NEURONS,
      hideLayerControls: st.config.hidden.includes('numHiddenLayers'),
    });
    loadFeatureGrids();
  }
  // A new language: the network view's words are made when it is built, so it is built again
  // (same structure, same weights); the next frame draws it.
  hooks.lang.push(() => {
    if (!st.config) return;
    buildNet();
    st.dirty = true;
    if (st.step) page.refreshTrace();
  });

  // The seven inputs in the engine's order; "<feature>_hide" hides one from the view only (an active
  // hidden feature still feeds the network, as in TensorFlow Playground).
  // Column data (Iris): its columns instead, every one an input, none to toggle.
  function featureList() {
    if (st.features[0]?.column) return st.features.map((f) => ({ ...f, active: true, hidden: false }));
    return page.cat.features.map((f) => ({
      ...f,
      active: !!st.config[f.key],
      hidden: st.config.hidden.includes(f.key),
    }));
  }
  async function loadFeatureGrids() {
    await page.firstDrawn;
    const shown = featureList().filter((f) => !f.hidden); // the view's feature column
    if (!shown.length || shown[0].column) return; // columns are all inputs: the frames draw them
    const r = await client.call('featureGrids', { N, keys: shown.map((f) => f.key) });
    await net.setFeatureGrids(r.grid, N);
  }

  // A change of model keys reloads the network (as in TensorFlow Playground); display keys do not.
  // Live keys go to the running session (no reset); an invalid value is refused with a message and
  // the controls show the value in force again.
  async function change(kv) {
    // User points belong to dataset=custom: picking a generated dataset leaves them out of the hash.
    const generated = [kv.dataset, kv.regDataset].some((d) => d !== undefined && d !== 'custom');
    // The number of classes, their names and the column count are theirs too.
    const own = ['points', 'classes', 'classNames', 'columns'];
    const next = setKeys(generated ? own.reduce(dropKey, st.hash) : st.hash, kv);
    const { live } = await page.catalog;
    if (Object.keys(kv).every((k) => live.has(k))) {
      const r = await client.call('setTraining', { hash: next });
      if (r.applied) {
        st.hash = r.hash;
        st.config = r.config;
        st.metrics = r.metrics;
        history.replaceState(null, '', `#${st.hash}`);
        for (const k of Object.keys(kv)) clearMessage(`cfg-${k}`);
        if (st.playing && ('stopEpoch' in kv || 'stopTestLoss' in kv)) page.armStops(); // a new limit counts from now
        page.syncControls();
        st.dirty = true;
        for (const f of hooks.config) f();
        return;
      }
      if (r.errors) {
        r.errors.forEach((e, i) =>
          message(() => t('msg.notApplied', { error: engineText(e) }), 'warn', `cfg-${e.key || `#${i}`}`),
        );
        page.syncControls();
        return;
      }
    }
    await load(next, { refuse: true });
  }
  // Weight and bias edits apply to the running network (no reload, nothing else changes).
  async function edit(type, args) {
    try {
      const r = await client.call(type, args);
      st.params = r.params;
      st.metrics = r.metrics;
      st.dirty = true;
      st.healthDue = true;
      if (st.step) page.refreshTrace();
    } catch (e) {
      message(() => t('msg.editFailed', { error: e.message }), 'error', 'edit');
    }
  }

  async function resetNetwork() {
    page.setPlaying(false);
    clearMessage('diverged');
    apply({ ...(await client.call('reset')), errors: [] });
  }
  return { load, apply, change, edit, resetNetwork, loadFeatureGrids };
}
