// lesson-mode.js: the lessons panel. app.js imports it (and with it the lesson table, the formulas
// and the English words) the first time lesson mode is asked for: the Lessons button, a link with
// `lesson=`, or a TensorFlow Playground `tutorial=` that names one (lesson-table.js TUTORIALS).
// The lesson and step in view are the link's keys (`lesson`, `step`: the engine's codec checks
// them, and every link the page writes carries them); this module follows them: when they change
// it opens that step, which loads the step's network (its setup hash), highlights the controls
// that matter, shows the words and formulas, and checks the task against the engine's state a few
// times a second. Progress is remembered in progress.js. st.lesson (window.playground.lesson) is
// what tests read: {id, step, steps, done, ready}.
import { t, lang, addCatalog, onLangChange } from '../i18n.js';
import { LESSONS, lessonOf, lessonForTutorial } from './lesson-table.js';
import { mathFor } from './formulas.js';
import { shownUntrusted } from '../views/format.js';
import { doneSteps, markDone, setLast, last } from './progress.js';
import en from '../i18n/lessons.en.js';

addCatalog('en', en);
// Another language's words load when it is first needed.
const CATALOGS = { zh: () => import('../i18n/lessons.zh.js') };
const loaded = new Set(['en']);
async function ensureCatalog(code) {
  if (loaded.has(code) || !CATALOGS[code]) return;
  addCatalog(code, (await CATALOGS[code]()).default);
  loaded.add(code);
}

// Link keys a step keeps when it loads its own network: the learner's language and pace.
const KEEP = ['lang', 'speed'];
const CHECK_MS = 250;

const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...kids);
  return e;
};
/**
 * Builds the panel and follows the link's lesson keys; returns {open}.
 * @param {object} page app.js's context (st, hooks, load, change, setStepMode, loadStepper)
 * @param {{message: Function, clearMessage: Function}} msg the page's message list (messages.js)
 */
export async function initLessons(page, { message, clearMessage }) {
  const { st, hooks } = page;
  await ensureCatalog(lang());
  const panel = el('section', { id: 'lessonPanel', class: 'lesson-panel', 'aria-labelledby': 'lessonTitle' });
  panel.hidden = true;
  document.querySelector('main').before(panel);

  let cur = null; // {lesson, index (0-based), answer, done, ready: its network is loaded}
  let tutorialSeen = '';
  let lastTrace = null;
  let shownFor = '';

  const setState = () =>
    (st.lesson = cur
      ? { id: cur.lesson.id, step: cur.index + 1, steps: cur.lesson.steps.length, done: cur.done, ready: cur.ready }
      : null);

  // ---- following the link ----
  function sync() {
    const c = st.config;
    if (!c) return;
    let id = c.lesson || '';
    if (!id && c.tutorial && c.tutorial !== tutorialSeen) {
      tutorialSeen = c.tutorial;
      id = lessonForTutorial(c.tutorial) || '';
      if (id) return void enter(lessonOf(id), 0);
    }
    if (!id) return void (cur && leave());
    let lesson = lessonOf(id);
    if (!lesson) {
      message(t('lessons.unknown', { name: shownUntrusted(id) }), 'warn', 'lesson');
      lesson = LESSONS[0];
    }
    const index = Math.min(Math.max(1, c.step || 1), lesson.steps.length) - 1;
    if (!cur || cur.lesson !== lesson || cur.index !== index || lesson.id !== id) enter(lesson, index);
  }

  async function enter(lesson, index) {
    const step = lesson.steps[index];
    cur = { lesson, index, answer: null, done: false, ready: false };
    setState();
    page.setPlaying(false); // a step starts from its own network, still
    setLast(lesson.id, index + 1);
    clearHighlights();
    render();
    const keep = KEEP.filter((k) => st.config && st.config[k] !== undefined && new RegExp(`(^|&)${k}=`).test(st.hash))
      .map((k) => `&${k}=${encodeURIComponent(st.config[k])}`)
      .join('');
    await page.load(`${step.setup}&lesson=${lesson.id}&step=${index + 1}${keep}`);
    if (cur?.lesson !== lesson || cur.index !== index) return; // the learner moved on meanwhile
    if (step.phase !== undefined) {
      if (!st.step) await page.setStepMode(true);
      const stepper = await page.loadStepper();
      stepper.phase = step.phase;
      stepper.select(null);
    } else if (st.step) await page.setStepMode(false);
    highlight(step.show);
    cur.ready = true; // checks start once the step's own network is in
    setState();
    render();
  }

  function leave() {
    cur = null;
    setState();
    clearHighlights();
    clearMessage('lesson');
    panel.hidden = true;
    document.getElementById('lessons')?.setAttribute('aria-pressed', 'false');
  }

  function go(lesson, index) {
    // through the link: sync() then opens the step
    page.change({ lesson: lesson.id, step: index + 1 });
  }

  // ---- highlights ----
  function highlight(selectors) {
    for (const sel of selectors)
      for (const e of document.querySelectorAll(sel)) {
        e.classList.add('lesson-hl');
        const d = e.closest('details');
        if (d && !d.open) d.open = true; // a control inside a closed panel: open it
      }
  }
  function clearHighlights() {
    for (const e of document.querySelectorAll('.lesson-hl')) e.classList.remove('lesson-hl');
  }

  // ---- the panel ----
  function answerControl(step) {
    if (step.answer === 'number') {
      const input = el('input', { id: 'lessonAnswer', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      input.value = cur.answerText || '';
      input.oninput = () => {
        cur.answerText = input.value;
        const v = Number(input.value.trim().replace('−', '-').replace(',', '.'));
        cur.answer = input.value.trim() && Number.isFinite(v) ? v : null;
        tick();
      };
      return el('label', { class: 'lesson-answer' }, t('lessons.answerNumber'), ' ', input);
    }
    if (step.answer === 'layer') {
      const sel = el('select', { id: 'lessonAnswer' });
      sel.append(new Option(t('lessons.choose'), ''));
      const n = st.layers.length;
      for (let l = 0; l < n; l++)
        sel.append(new Option(l === n - 1 ? t('lessons.output') : t('lessons.hidden', { n: l + 1 }), String(l)));
      sel.value = cur.answer === null ? '' : String(cur.answer);
      sel.onchange = () => {
        cur.answer = sel.value === '' ? null : Number(sel.value);
        tick();
      };
      return el('label', { class: 'lesson-answer' }, t('lessons.answerLayer'), ' ', sel);
    }
    return null;
  }

  function render() {
    if (!cur) return;
    const { lesson, index } = cur,
      step = lesson.steps[index],
      key = `lesson.${lesson.id}.${index + 1}`,
      vars = step.vars || {};
    panel.hidden = false;
    document.getElementById('lessons')?.setAttribute('aria-pressed', 'true');
    const pick = el('select', { id: 'lessonPick', 'aria-label': t('lessons.pick') });
    for (const l of LESSONS) {
      const done = doneSteps(l.id).size,
        all = l.steps.length;
      pick.append(new Option(`${done >= all ? '✓ ' : ''}${t(`lesson.${l.id}.title`)}`, l.id));
    }
    pick.value = lesson.id;
    pick.onchange = () => {
      const l = lessonOf(pick.value),
        d = doneSteps(l.id);
      go(
        l,
        Math.max(
          0,
          l.steps.findIndex((_, i) => !d.has(i + 1)),
        ),
      );
    };
    const back = el('button', { id: 'lessonBack', class: 'text-btn', text: t('lessons.back') });
    back.disabled = index === 0;
    back.onclick = () => go(lesson, index - 1);
    const next = el('button', { id: 'lessonNext', class: 'text-btn accent', text: t('lessons.next') });
    next.disabled = index === lesson.steps.length - 1;
    next.onclick = () => go(lesson, index + 1);
    const close = el('button', { id: 'lessonClose', class: 'text-btn', text: t('lessons.close') });
    close.onclick = () => page.change({ lesson: '', step: 1 });
    const math = el('div', { class: 'lesson-math', role: 'group', 'aria-label': t('lessons.formulas') });
    for (const id of step.math) math.append(mathFor(id, st.trace));
    lastTrace = st.trace;
    const answer = answerControl(step);
    panel.replaceChildren(
      el(
        'div',
        { class: 'lesson-bar' },
        pick,
        el('span', { class: 'lesson-count', text: t('lessons.stepOf', { n: index + 1, total: lesson.steps.length }) }),
        back,
        next,
        close,
      ),
      el('h2', { id: 'lessonTitle', text: t(`${key}.title`) }),
      el('p', { class: 'lesson-body', text: t(`${key}.body`, vars) }),
      math,
      el(
        'p',
        { class: 'lesson-task' },
        el('strong', { text: t('lessons.task') }),
        ' ',
        el('span', { text: t(`${key}.task`, vars) }),
      ),
      ...(answer ? [answer] : []),
      el('p', { id: 'lessonStatus', class: 'lesson-status', role: 'status' }),
    );
    shownFor = `${lesson.id}/${index}/${lang()}`;
    status();
  }

  function status() {
    const s = document.getElementById('lessonStatus');
    if (!s || !cur) return;
    const lastStep = cur.index === cur.lesson.steps.length - 1;
    s.textContent = cur.done ? t(lastStep ? 'lessons.lastDone' : 'lessons.done') : t('lessons.notYet');
    s.dataset.done = String(cur.done);
  }

  // ---- the check ----
  function tick() {
    if (!cur?.ready || st.config?.lesson !== cur.lesson.id || st.config.step !== cur.index + 1) return;
    const step = cur.lesson.steps[cur.index];
    if (st.trace !== lastTrace && step.math.some((id) => id.startsWith('we'))) {
      // the worked example's numbers are the trace's: redraw them when it arrives
      const box = panel.querySelector('.lesson-math');
      if (box) box.replaceChildren(...step.math.map((id) => mathFor(id, st.trace)));
      lastTrace = st.trace;
    }
    let done = false;
    try {
      done = !!step.check({ st, stepper: page.stepper, answer: cur.answer }, step.vars || {});
    } catch {
      done = false; // state not there yet (no health, no trace): not done
    }
    if (done && !cur.done) markDone(cur.lesson.id, cur.index + 1);
    if (done !== cur.done) {
      cur.done = done;
      setState();
      status();
    }
  }
  setInterval(tick, CHECK_MS);
  hooks.config.push(sync);

  onLangChange(async (code) => {
    await ensureCatalog(code);
    if (cur && shownFor !== `${cur.lesson.id}/${cur.index}/${code}`) render();
  });

  /** Opens lesson mode: the link's lesson, else the last step opened, else the first lesson. */
  function open() {
    if (st.config?.lesson) return sync();
    const l = last();
    const lesson = (l && lessonOf(l.id)) || LESSONS[0];
    go(lesson, l && lessonOf(l.id) ? Math.min(l.step, lesson.steps.length) - 1 : 0);
  }
  sync();
  return { open };
}
