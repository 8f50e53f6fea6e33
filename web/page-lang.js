// page-lang.js: the page's language in the page. The `lang` key of the hash (the engine's codec
// validates it: auto, en or zh; auto, the key absent, means the browser's language) picks the
// catalog (i18n.js); this module applies it to index.html's marked elements (data-i18n: the text,
// data-i18n-title, data-i18n-aria-label, data-i18n-placeholder: those attributes) at boot and on
// every change, and wires the language switch of the top bar, which writes `lang` through
// page.change: a display key, so the network, its weights and the training stay as they are.
// The English of those marked elements is written once, in index.html: it is read from the page
// as served (before any translation), and the English catalog holds only what scripts compose.
// Rooms that compose text in JS redraw it from page.hooks.lang.
import { LANGS, addCatalog, browserLang, engineCatalog, lang, onLangChange, setLang, t } from './i18n.js';
import en from './i18n/en.js';
import { message } from './messages.js';

const ATTRS = ['title', 'aria-label', 'placeholder'];
const MARKED = '[data-i18n], [data-i18n-title], [data-i18n-aria-label], [data-i18n-placeholder]';

/** The strings of root's marked elements as they stand: {key: text or attribute value}. */
function markedStrings(root) {
  const strings = {};
  for (const e of root.querySelectorAll(MARKED)) {
    // the text as it shows: index.html wraps long sentences over lines
    if (e.dataset.i18n) strings[e.dataset.i18n] = e.textContent.replace(/\s+/g, ' ').trim();
    for (const a of ATTRS) {
      const key = e.getAttribute(`data-i18n-${a}`);
      if (key) strings[key] = e.getAttribute(a) ?? '';
    }
  }
  return strings;
}

addCatalog('en', { ...markedStrings(document), ...en });

// Each language but English is a chunk of its own (scripts/bundle.mjs), fetched when first chosen,
// with its templates of the engine's messages (i18n.js engineText) beside it.
const LOADERS = { zh: () => Promise.all([import('./i18n/zh.js'), import('./i18n/engine.zh.js')]) };
const load = (code) =>
  LOADERS[code]().then(([page, engine]) => ({ ...page.default, ...engineCatalog(engine.default) }));

/** Puts the catalog's strings into root's marked elements (and root itself). */
export function translateDom(root = document) {
  const all = [...root.querySelectorAll(MARKED)];
  if (root.dataset) all.push(root);
  for (const e of all) {
    if (e.dataset.i18n) e.textContent = t(e.dataset.i18n);
    for (const a of ATTRS) {
      const key = e.getAttribute(`data-i18n-${a}`);
      if (key) e.setAttribute(a, t(key));
    }
  }
}

/** The language a config asks for: its `lang` key, or the browser's when the link has none. */
export const langOf = (config) => (config && config.lang !== 'auto' ? config.lang : browserLang());

/** Follows the config's language and wires the switch; returns what other modules call. */
export function initLang(page) {
  const { st, hooks } = page;
  const sel = document.getElementById('lang');
  sel.replaceChildren(
    ...LANGS.map(({ code, name }) => {
      const o = document.createElement('option');
      o.value = code;
      o.lang = code === 'zh' ? 'zh-Hans' : code;
      o.textContent = name;
      return o;
    }),
  );
  sel.onchange = (e) => page.change({ lang: e.target.value });
  onLangChange(() => {
    translateDom();
    document.title = t('page.title');
    for (const f of hooks.lang) f();
  });
  // The first config decides before anything else is drawn in words; later ones (a switch, a new
  // link) may change it. A failed catalog load keeps the language in force and says so.
  let asked = null;
  async function follow() {
    const code = langOf(st.config);
    sel.value = code;
    if (code === lang() || code === asked) return;
    asked = code;
    try {
      await setLang(code, load);
    } catch (e) {
      message(t('msg.langFailed', { error: e.message }), 'error', 'lang');
      sel.value = lang();
    } finally {
      asked = null;
    }
  }
  hooks.config.push(follow);
  // A hint, not a decision (the engine's answer decides): a link or browser that likely wants
  // Chinese starts fetching its catalog now, beside the engine, so the words do not lag the picture.
  if (browserLang() === 'zh' || /(^|[#&])lang=zh(&|$)/.test(location.hash)) load('zh').catch(() => {});
  translateDom();
  return { follow };
}
