// race.js: the compare mode's race. The variants of the link's `compare` key (the engine's plan:
// worker.js 'variantPlan') train in the worker pool (web/pool.js), each following the page's
// network epoch for epoch: every frame the page draws asks each variant to reach the main
// network's epoch (within a budget, so a slower variant lags and catches up). Drawn as small
// multiples (boundary, test-loss sparkline, epoch, time and multiply-adds per epoch, whether it
// started from the main network's weights) and one overlaid test-loss chart. Reset resets them;
// "Make main" opens a variant as the page's network with its weights and training state.
import { t as tr } from '../i18n.js'; // t is a trajectory here
import { Heatmap } from '../views/heatmap.js';
import { drawRunCurves, runColour, runSwatch } from '../views/runchart.js';
import { drawSparkline } from '../views/sparkline.js';

const THUMB_N = 40; // grid side of a variant's boundary
const ADVANCE_MS = 8; // each worker's training budget per request
const MAX_CURVE = 2000; // samples kept per curve (halved when full)
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
const madds = (n) =>
  n >= 1e9 ? `${(n / 1e9).toFixed(1)} G` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : `${Math.round(n / 1e3)} k`;

export class Race {
  /** @param {{st: object, client: object, pool: import('../pool.js').WorkerPool, root: HTMLElement, ctx: object}} o */
  constructor({ st, pool, root, ctx }) {
    Object.assign(this, { st, pool, root, ctx });
    this.plan = null;
    this.variants = []; // {id, run, worker, card, map, last, curve: [[epoch, train, test]], params0}
    this.target = 0;
    this.inflight = new Set(); // workers with an advance request out
    this.gen = 0; // bumps when the race is replaced: late answers of the old one are dropped
    this.$ = (id) => root.querySelector(`#${id}`);
  }

  /** Opens the plan's variants (closing any earlier race). */
  async open(plan) {
    this.close();
    const gen = ++this.gen;
    this.plan = plan;
    this.target = 0;
    this.variants = plan.runs.map((run, i) => ({ id: `r${gen}-${i}`, run, worker: this.pool.workerOf(i), curve: [] }));
    this.render();
    const byWorker = this.#byWorker();
    const replies = await Promise.all(
      byWorker.map((vs, w) =>
        vs.length
          ? this.pool.call(w, 'open', { runs: vs.map((v) => ({ id: v.id, hash: v.run.hash })) })
          : { opened: [] },
      ),
    );
    if (gen !== this.gen) return;
    for (const r of replies) for (const o of r.opened) this.variants.find((v) => v.id === o.id).params0 = o.params;
    this.$('raceInfo').textContent = this.#info();
    this.follow(this.st.metrics ? this.st.metrics.epoch : 0);
  }

  close() {
    this.gen++;
    if (this.variants.length) {
      const ids = this.variants.map((v) => v.id);
      this.pool.all('close', () => ({ ids })).catch(() => {});
    }
    this.variants = [];
    this.plan = null;
    this.inflight.clear();
    this.$('raceGrid').replaceChildren();
  }

  /** Back to the initial weights (the page's reset). */
  reset() {
    const ids = this.variants.map((v) => v.id);
    for (const v of this.variants) Object.assign(v, { curve: [], last: null });
    this.target = 0;
    const gen = ++this.gen;
    this.inflight.clear();
    this.pool
      .all('reset', () => ({ ids }))
      .then(
        () => gen === this.gen && this.follow(0),
        () => {},
      );
  }

  /** Each variant trains towards the page network's epoch; one request per worker at a time. */
  follow(epoch) {
    if (!this.plan) return;
    if (epoch < this.target) return this.reset(); // the page's network went back (reset, reload)
    this.target = epoch;
    const gen = this.gen;
    this.#byWorker().forEach((vs, w) => {
      const behind = vs.filter((v) => !v.last || (v.last.epoch < epoch && !v.last.diverged));
      if (!behind.length || this.inflight.has(w)) return;
      this.inflight.add(w);
      this.pool.call(w, 'advance', { ids: behind.map((v) => v.id), epoch, budgetMs: ADVANCE_MS, N: THUMB_N }).then(
        (r) => {
          if (gen !== this.gen) return;
          this.inflight.delete(w);
          for (const a of r.runs) this.#take(a);
          this.draw();
          const lagging = r.runs.some((a) => a.epoch < this.target && !a.diverged);
          if (lagging) this.follow(this.target); // catch up without waiting for a frame
        },
        (e) => {
          this.inflight.delete(w);
          this.ctx.message(() => tr('race.failed', { error: e.message }), 'error', 'race');
        },
      );
    });
  }

  #take(a) {
    const v = this.variants.find((x) => x.id === a.id);
    if (!v) return;
    v.last = { ...a, grid: a.grid || v.last?.grid };
    const c = v.curve;
    if (!c.length || c.at(-1)[0] !== a.epoch) c.push([a.epoch, a.trainLoss, a.testLoss]);
    if (c.length > MAX_CURVE) v.curve = c.filter((_, i) => i % 2 === 0 || i === c.length - 1);
    v.dirty = true;
  }

  #byWorker() {
    const groups = Array.from({ length: this.pool.size }, () => []);
    for (const v of this.variants) groups[v.worker].push(v);
    return groups;
  }

  #info() {
    const p = this.plan,
      all = p.runs.every((r) => r.sameInit);
    const differ = p.runs.filter((r) => !r.sameInit).map((r) => r.label);
    const head = tr('race.info', { n: p.runs.length, workers: Math.min(this.pool.size, p.runs.length) });
    return `${head} ${all ? tr('race.sameInit') : tr('race.otherInit', { runs: differ.join('; ') })}`;
  }

  render() {
    const grid = this.$('raceGrid');
    grid.replaceChildren();
    this.variants.forEach((v, i) => {
      const card = document.createElement('figure');
      card.className = 'race-card';
      card.style.borderTopColor = runColour(i);
      const canvas = document.createElement('canvas');
      canvas.className = 'race-thumb';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', tr('race.thumb.aria', { name: v.run.label }));
      const spark = document.createElement('canvas');
      spark.className = 'race-spark';
      spark.setAttribute('aria-hidden', 'true');
      const cap = document.createElement('figcaption');
      const name = document.createElement('div');
      name.className = 'race-name';
      name.textContent = v.run.label;
      const nums = document.createElement('div');
      nums.className = 'race-nums';
      nums.setAttribute('aria-live', 'off');
      const promote = document.createElement('button');
      promote.className = 'text-btn';
      promote.textContent = tr('race.makeMain');
      promote.title = tr('race.makeMain.title', { name: v.run.label });
      promote.onclick = () => this.promote(v);
      cap.append(name, nums, promote);
      card.append(canvas, spark, cap);
      grid.append(card);
      v.map = new Heatmap(canvas, { size: 110 });
      Object.assign(v, { card, nums, spark, dirty: true });
    });
    this.draw();
  }

  draw() {
    const { st } = this;
    const opts = { palette: st.palette, dark: st.dark, discretize: st.config?.discretize };
    for (const v of this.variants) {
      if (!v.dirty || !v.map) continue;
      v.dirty = false;
      const a = v.last;
      if (a?.grid) {
        const P = THUMB_N * THUMB_N,
          K = a.grid.length / P;
        const values = K === 1 ? a.grid : Array.from({ length: K }, (_, k) => a.grid.subarray(k * P, (k + 1) * P));
        v.map.draw(values, THUMB_N, opts);
        if (st.train)
          v.map.drawPointSets([[st.train, false]], { ...opts, kind: this.ctx.kindOf(st.config.numClasses) });
      }
      const ms =
        a && a.msPerEpoch
          ? tr('race.ms', { ms: a.msPerEpoch < 1 ? a.msPerEpoch.toFixed(3) : a.msPerEpoch.toFixed(1) })
          : tr('race.ms', { ms: '–' });
      const work = tr('race.madds', { n: madds(v.run.multiplyAdds) });
      v.nums.textContent = a
        ? `${a.diverged ? tr('race.diverged') : ''}${tr('race.nums', { epoch: a.epoch, test: fmt(a.testLoss) })} · ${ms} · ${work}`
        : `${tr('race.starting')} · ${work}`;
      v.card.classList.toggle('diverged', !!a?.diverged);
      drawSparkline(v.spark, v.curve);
    }
    const chart = this.$('raceChart');
    chart.hidden = !this.variants.length;
    if (this.variants.length)
      drawRunCurves(
        chart,
        this.variants.map((v) => ({ curve: v.curve })),
      );
    const legend = this.$('raceLegend');
    if (legend.childElementCount !== this.variants.length) {
      legend.replaceChildren(
        ...this.variants.map((v, i) => {
          const li = document.createElement('li');
          li.append(runSwatch(i), ` ${v.run.label}`);
          return li;
        }),
      );
    }
  }

  /** The variant becomes the page's network: its config, data, weights and training state. */
  async promote(v) {
    this.ctx.setPlaying(false);
    try {
      const { text } = await this.pool.call(v.worker, 'modelJson', { run: v.id });
      this.ctx.apply(await this.ctx.client.call('loadModelJson', { text }));
      this.ctx.message(() => tr('race.promoted', { name: v.run.label }), 'info', 'race');
    } catch (e) {
      this.ctx.message(() => tr('race.promoteFailed', { error: e.message }), 'error', 'race');
    }
  }

  /** Each variant's recorded weights, for the loss landscape's plane: [{i, label, count, layout,
   * snaps} or {i, label, error}] (i: its colour, runColour(i)); [] when the race changed meanwhile. */
  async trajectories() {
    const gen = this.gen;
    const out = await Promise.all(
      this.variants.map((v, i) =>
        this.pool.call(v.worker, 'trajectory', { run: v.id }).then(
          (t) => ({ i, label: v.run.label, count: t.count, layout: t.layout, snaps: t.snaps }),
          (e) => ({ i, label: v.run.label, error: e.message }),
        ),
      ),
    );
    return gen === this.gen ? out : [];
  }

  /** For tests: each variant's label, epoch, losses, sameInit and initial weights. */
  state() {
    return this.variants.map((v) => ({
      label: v.run.label,
      hash: v.run.hash,
      sameInit: v.run.sameInit,
      params0: v.params0,
      epoch: v.last ? v.last.epoch : 0,
      testLoss: v.last ? v.last.testLoss : NaN,
      diverged: !!v.last?.diverged,
    }));
  }
}
