// sweep.js: the sweep. The runs of the link's `sweep` key (the engine's plan: a grid over one or
// two settings, each run sweepEpochs epochs) are shared round robin among the pool's workers
// (web/pool.js); each worker trains its runs one after another and reports each as it ends. The
// grid is a table coloured by final test loss (or by the first epoch whose test loss is below
// sweepTarget), with a progress bar and Stop (finished cells stay); hovering or focusing a cell
// shows its boundary, clicking it opens that network with its trained weights.
import { t as tr } from '../i18n.js'; // t is a colour scale's position here
import { Heatmap } from '../views/heatmap.js';

const THUMB_N = 40;
const PAINT_MS = 250; // the table's refresh while a sweep runs (schedule)
// Runs whose weights are kept in the workers after they end (so a click opens them trained); a
// bigger network is reopened from its settings instead.
const KEEP_PARAMS = 50000;
const fmt = (v) => (Number.isFinite(v) ? (v < 0.001 ? v.toExponential(1) : v.toFixed(3)) : '–');

export class Sweep {
  constructor({ st, pool, root, ctx }) {
    Object.assign(this, { st, pool, root, ctx });
    this.$ = (id) => root.querySelector(`#${id}`);
    this.plan = null;
    this.results = new Map(); // run index -> progress reply
    this.running = false;
    this.gen = 0;
    this.thumb = new Heatmap(this.$('sweepThumb'), { size: 120 });
    this.$('sweepStop').onclick = () => this.stop();
    this.$('sweepMetric').onchange = () => this.paint();
  }

  /** Runs the plan (stopping an earlier sweep); resolves when every worker is done or stopped. */
  async run(plan) {
    if (this.running) await this.stop();
    const gen = ++this.gen;
    this.plan = plan;
    this.results = new Map();
    this.running = true;
    this.t0 = performance.now();
    performance.mark('sweep-start'); // benchmarks time the sweep's long tasks from here
    this.build();
    // The workers start once the table is on screen (pool.js starts them on the first call):
    // building 64 cells, laying them out and compiling an engine in each worker, all in one
    // moment, made the sweep's first long task on a 2-core machine.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    if (gen !== this.gen) return;
    const keep = plan.runs.every((r) => r.params <= KEEP_PARAMS);
    const lists = Array.from({ length: this.pool.size }, () => []);
    plan.runs.forEach((r, i) => lists[this.pool.workerOf(i)].push({ id: `s${gen}-${i}`, hash: r.hash }));
    const onProgress = (p) => {
      if (gen !== this.gen) return;
      this.results.set(Number(p.id.split('-')[1]), p);
      this.schedule();
    };
    try {
      await this.pool.all(
        'sweep',
        (w) => ({ runs: lists[w], epochs: plan.epochs, target: plan.target, N: THUMB_N, keep }),
        onProgress,
      );
    } catch (e) {
      this.ctx.message(() => tr('sweep.failed', { error: e.message }), 'error', 'sweep');
    }
    if (gen !== this.gen) return;
    this.running = false;
    this.elapsed = performance.now() - this.t0;
    this.unschedule();
    this.paint();
    this.progress();
  }

  // Runs end faster than frames on small nets, and while the pool's workers take every core each
  // frame the page renders waits for the CPU: traced on 2 cores, a 10-17 ms paint-and-commit
  // stretched to 50-140 ms. So the table and the bar are drawn at most every PAINT_MS, in an
  // animation frame: a sweep's main-thread work is a handful of short tasks beside the workers.
  schedule() {
    if (this.pending) return;
    const wait = Math.max(0, PAINT_MS - (performance.now() - (this.painted || 0)));
    this.pending = setTimeout(() => {
      this.pending = requestAnimationFrame(() => {
        this.pending = 0;
        this.painted = performance.now();
        this.paint(); // the colour scale spans the finished runs: every cell again
        this.progress();
      });
    }, wait);
  }
  unschedule() {
    clearTimeout(this.pending);
    cancelAnimationFrame(this.pending);
    this.pending = 0;
  }

  async stop() {
    if (!this.running) return;
    await this.pool.all('stop', () => ({}));
  }

  // The table: rows = the first axis's values, columns = the second's (one column for one axis).
  build() {
    const { axes, runs } = this.plan;
    const table = this.$('sweepTable');
    table.replaceChildren();
    const rowsAxis = axes[0],
      colsAxis = axes[1];
    const cap = document.createElement('caption');
    cap.textContent = colsAxis
      ? tr('sweep.caption2', { rows: rowsAxis.key, cols: colsAxis.key })
      : tr('sweep.caption1', { rows: rowsAxis.key });
    const head = document.createElement('tr');
    head.append(document.createElement('td')); // the corner: no header of its own
    for (const v of colsAxis ? colsAxis.values : ['']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = colsAxis ? v || tr('cmp.none') : tr('sweep.final');
      head.append(th);
    }
    table.append(cap, head);
    this.cells = [];
    rowsAxis.values.forEach((rv, i) => {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = rv || tr('cmp.none');
      row.append(th);
      const nCols = colsAxis ? colsAxis.values.length : 1;
      for (let j = 0; j < nCols; j++) {
        const k = i * nCols + j;
        const td = document.createElement('td');
        const b = document.createElement('button');
        b.className = 'sweep-cell';
        b.dataset.run = String(k);
        b.textContent = '…';
        b.setAttribute('aria-label', tr('sweep.running', { name: runs[k].label }));
        b.onclick = () => this.open(k);
        b.onmouseenter = b.onfocus = () => this.showThumb(k, b);
        b.onmouseleave = b.onblur = () => (this.$('sweepThumb').hidden = true);
        td.append(b);
        row.append(td);
        this.cells.push(b);
      }
      table.append(row);
    });
    this.$('sweep').hidden = false;
    this.progress();
  }

  progress() {
    const n = this.plan.runs.length,
      done = this.results.size;
    const bar = this.$('sweepProgress');
    bar.max = n;
    bar.value = done;
    this.$('sweepStop').disabled = !this.running;
    const secs = ((this.running ? performance.now() - this.t0 : this.elapsed) / 1000).toFixed(2);
    const w = this.pool.size;
    this.$('sweepInfo').textContent = this.running
      ? tr('sweep.progress', { done, n, epochs: this.plan.epochs, workers: w })
      : tr(done < n ? 'sweep.stopped' : 'sweep.done', { done, n, secs, workers: w });
  }

  // The colour scale: log of the metric between the finished runs' smallest and largest values.
  value(p) {
    if (!p || p.diverged) return NaN;
    return this.$('sweepMetric').value === 'epochs' ? (p.epochsToTarget > 0 ? p.epochsToTarget : NaN) : p.testLoss;
  }
  paint() {
    const vals = [...this.results.values()].map((r) => this.value(r)).filter((v) => v > 0);
    const scale = { lo: Math.log(Math.min(...vals)), hi: Math.log(Math.max(...vals)) };
    for (let k = 0; k < this.cells.length; k++) this.paintCell(k, scale);
  }
  paintCell(k, { lo, hi }) {
    const b = this.cells[k],
      p = this.results.get(k);
    if (!b || !p) return;
    const v = this.value(p),
      epochs = this.$('sweepMetric').value === 'epochs';
    const shown = `${p.id}|${p.epoch}|${p.done}|${v}|${lo}|${hi}|${epochs}|${this.st.dark}`;
    if (b.shown === shown) return; // restyling an unchanged cell would still cost a paint
    b.shown = shown;
    b.classList.toggle('diverged', !!p.diverged);
    b.classList.toggle('unfinished', !p.done && !p.diverged);
    if (p.diverged) {
      b.textContent = tr('sweep.diverged');
      b.style.background = '';
    } else if (!(v > 0)) {
      b.textContent = epochs ? tr('sweep.notReached') : fmt(p.testLoss);
      b.style.background = '';
    } else {
      const t = hi > lo ? (Math.log(v) - lo) / (hi - lo) : 0; // 0: the best run
      const light = this.st.dark ? 22 + 40 * (1 - t) : 38 + 52 * t;
      b.style.background = `hsl(205 65% ${light}%)`;
      b.style.color = (this.st.dark ? light > 45 : light < 62) ? '#fff' : '#111';
      b.textContent = epochs ? String(v) : fmt(v);
    }
    const run = this.plan.runs[k];
    b.setAttribute(
      'aria-label',
      p.diverged
        ? tr('sweep.cellDiverged', { name: run.label })
        : tr(p.epochsToTarget > 0 ? 'sweep.cellReached' : 'sweep.cellNotReached', {
            name: run.label,
            loss: fmt(p.testLoss),
            epochs: p.epoch,
            target: this.plan.target,
            at: p.epochsToTarget,
          }),
    );
  }

  showThumb(k, cell) {
    const p = this.results.get(k),
      c = this.$('sweepThumb');
    if (!p || !p.grid) return;
    const P = THUMB_N * THUMB_N,
      K = p.grid.length / P;
    const values = K === 1 ? p.grid : Array.from({ length: K }, (_, i) => p.grid.subarray(i * P, (i + 1) * P));
    const opts = { palette: this.st.palette, dark: this.st.dark };
    this.thumb.draw(values, THUMB_N, opts);
    if (this.st.train)
      this.thumb.drawPointSets([[this.st.train, false]], { ...opts, kind: this.ctx.kindOf(this.st.config.numClasses) });
    const r = cell.getBoundingClientRect(),
      host = this.root.getBoundingClientRect();
    c.style.left = `${r.right - host.left + 8}px`;
    c.style.top = `${r.top - host.top}px`;
    c.hidden = false;
  }

  /** Opens run k as the page's network: with its trained weights when the worker kept them. */
  async open(k) {
    const p = this.results.get(k),
      run = this.plan.runs[k];
    this.ctx.setPlaying(false);
    try {
      if (p && p.kept !== false) {
        const { text } = await this.pool.call(this.pool.workerOf(k), 'modelJson', { run: p.id });
        this.ctx.apply(await this.ctx.client.call('loadModelJson', { text }));
        this.ctx.message(() => tr('sweep.opened', { name: run.label, epochs: p.epoch }), 'info', 'sweep');
      } else if (await this.ctx.load(run.hash)) {
        this.ctx.message(() => tr('sweep.openedSettings', { name: run.label }), 'info', 'sweep');
      }
    } catch (e) {
      this.ctx.message(() => tr('sweep.openFailed', { error: e.message }), 'error', 'sweep');
    }
  }

  /** For tests: each run's label, hash, epoch, losses, epochs to target, diverged, done. */
  state() {
    return {
      running: this.running,
      runs: this.plan
        ? this.plan.runs.map((r, k) => {
            const p = this.results.get(k);
            return {
              label: r.label,
              hash: r.hash,
              id: p?.id,
              epoch: p?.epoch,
              testLoss: p?.testLoss,
              epochsToTarget: p?.epochsToTarget,
              diverged: p?.diverged,
              done: p?.done,
              cell: this.cells[k]?.textContent,
            };
          })
        : [],
    };
  }
}
