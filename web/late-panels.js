// late-panels.js: the panels the first frame does not draw (CSV import, export, compare and sweep,
// the loss landscape) load when first needed, so a visit that never uses them downloads none of
// their code (issue 22 item 6: what a first visit loads). "Needed" is whatever comes first of:
// - the panel coming into view (compare, export; style.css keeps the compare form's size the same
//   before and after its selects and hint are filled in, so nothing in view moves);
// - focus, a pointer or a click inside it: a click on one of its controls before its code is in
//   is held, and made again once the panel is wired (a keyboard user who tabs in and presses Enter
//   at once loses nothing);
// - the landscape's box being opened, or a link whose keys ask for the panel (compare, sweep).
// The runs panel loads right after the first frame (`early`): it shows the runs saved in this
// browser and saves one at every pause from the first. Which panels are wired is body[data-panels]
// (their names; "ready" when all are): tests read it.
import { yieldToPage } from './yield.js';

// name, module, its init function, and what asks for it: `roots` (element ids) whose focus,
// pointer or clicks do; `near`: the roots coming into view do; `open`: a details
// element's opening does; `wants(config)`: the link's keys do; `early`: the first frame does.
const PANELS = [
  { name: 'runs', load: () => import('./panels/runs.js'), init: 'initRuns', early: true },
  { name: 'csv', load: () => import('./panels/csv-import.js'), init: 'initCsv', roots: ['csvOpen', 'csvExport'] },
  { name: 'export', load: () => import('./panels/export.js'), init: 'initExport', roots: ['exportPanel'], near: true },
  {
    name: 'variants',
    load: () => import('./panels/variants.js'),
    init: 'initVariants',
    roots: ['compare'],
    near: true,
    wants: (c) => Boolean(c.compare || c.sweep),
  },
  { name: 'landscape', load: () => import('./panels/landscape.js'), init: 'initLandscape', open: 'landscapePanel' },
];

/** Wires the late panels' triggers (ctx: app.js's panel context). */
export function initLatePanels(ctx, { onError }) {
  const $ = (id) => document.getElementById(id);
  const loading = new Map(); // name -> promise of the wired panel
  const wired = new Set();
  const mark = () => (document.body.dataset.panels = wired.size === PANELS.length ? 'ready' : [...wired].join(' '));

  function load(name) {
    if (!loading.has(name)) {
      const p = PANELS.find((q) => q.name === name);
      loading.set(
        name,
        p
          .load()
          .then(async (m) => {
            await yieldToPage(); // each panel's wiring its own task (Lighthouse: no long task)
            m[p.init](ctx);
            wired.add(name);
            mark();
          })
          .catch((e) => {
            loading.delete(name); // a later use tries again (e.g. back online)
            onError(e);
          }),
      );
    }
    return loading.get(name);
  }

  const near = new IntersectionObserver(
    (entries) => {
      for (const e of entries)
        if (e.isIntersecting) {
          near.unobserve(e.target);
          load(e.target.dataset.latePanel);
        }
    },
    { rootMargin: '0px' },
  );
  for (const p of PANELS) {
    for (const id of p.roots || []) {
      const root = $(id);
      root.dataset.latePanel = p.name;
      if (p.near) near.observe(root);
      for (const type of ['focusin', 'pointerdown']) root.addEventListener(type, () => load(p.name), true);
      // a click before the panel is wired: held, then made again on the same control
      root.addEventListener(
        'click',
        (e) => {
          if (wired.has(p.name)) return;
          const control = e.target.closest('button, input, label, a');
          if (!control || !root.contains(control)) return;
          e.preventDefault();
          e.stopImmediatePropagation();
          load(p.name).then(() => wired.has(p.name) && control.click());
        },
        true,
      );
    }
    if (p.open) $(p.open).addEventListener('toggle', (e) => e.target.open && load(p.name));
    if (p.wants) ctx.onConfig(() => p.wants(ctx.st.config) && load(p.name));
  }
  return {
    /** After the first frame: the panels it makes useful at once. */
    loadEarly: () => Promise.all(PANELS.filter((p) => p.early).map((p) => load(p.name))),
    /** Every panel (tests and benchmarks that use them all). */
    loadAll: () => Promise.all(PANELS.map((p) => load(p.name))),
  };
}
