// i18n.js: the page's language. One string catalog per language (web/i18n/en.js, web/i18n/zh.js,
// and the lessons' own catalogs beside them); numbers and formulas are shared, not translated.
// English is bundled with the page; another language's catalog loads when it is first chosen, so
// an English visitor downloads none of it. The engine's messages come with their English text and
// a code (src/config/message_table.h); engineText says them in the page's language from the
// language's engine catalog (web/i18n/engine.zh.js), keyed by code.

/** The languages the page speaks, in the order the switch shows them. */
export const LANGS = [
  { code: 'en', name: 'English' },
  { code: 'zh', name: '中文' },
];

const catalogs = { en: {} };
const listeners = new Set();
let current = 'en';

/** The page's language now: 'en' or 'zh'. */
export function lang() {
  return current;
}

/** Adds strings to a language's catalog (a later key replaces an earlier one). */
export function addCatalog(code, strings) {
  catalogs[code] = { ...(catalogs[code] || {}), ...strings };
}

/**
 * The string for key in the page's language, with {name} placeholders filled from vars. A key
 * missing from the language falls back to English, then to the key itself, so a gap shows as a
 * readable key rather than nothing (tests/browser and tests/wasm check both catalogs hold every key).
 */
export function t(key, vars) {
  const s = (catalogs[current] && catalogs[current][key]) ?? catalogs.en[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** A language's engine templates ({code: template}) as catalog entries, to merge into its catalog. */
export function engineCatalog(templates) {
  return Object.fromEntries(Object.entries(templates).map(([code, s]) => [`engine:${code}`, s]));
}

/**
 * An engine message in the page's language. m: an engine message value ({code, args, text}), an
 * issue ({code, args, message}), a refusal ({code, args, error}), an Error carrying code and args
 * (engine-error.js), or plain text. The language's template for the code is filled from args,
 * nested messages rendered the same way; without a template (English, or a code the catalog
 * lacks) the engine's English text is shown.
 */
export function engineText(m) {
  if (m === null || m === undefined) return '';
  if (typeof m !== 'object') return String(m);
  const english = m.text ?? m.message ?? m.error ?? '';
  const s = m.code && current !== 'en' ? catalogs[current]?.[`engine:${m.code}`] : undefined;
  if (!s) return english;
  return s.replace(/\{(\w+)\}/g, (h, k) => (m.args && k in m.args ? engineText(m.args[k]) : h));
}

/** The language a first visit gets: the browser's first language the page speaks, else English. */
export function browserLang() {
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const code = String(l).toLowerCase().split('-')[0];
    if (LANGS.some((x) => x.code === code)) return code;
  }
  return 'en';
}

/** Calls fn(code) after every change of language. Returns a function that stops it. */
export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Switches the page to code, loading its catalog first (loader(code) resolves to the catalog
 * object). Unknown codes are refused by the caller (the config's `lang` key is an enumeration).
 */
export async function setLang(code, loader) {
  if (code !== 'en' && !catalogs[code] && loader) addCatalog(code, await loader(code));
  if (code === current) return;
  current = code;
  document.documentElement.lang = code === 'zh' ? 'zh-Hans' : code;
  for (const fn of listeners) fn(code);
}
