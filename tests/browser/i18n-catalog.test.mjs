// i18n-catalog.test.mjs: the page's string catalogs (web/i18n/en.js, web/i18n/zh.js; issue 19
// item 3), read in Node: both hold the same keys with the same {placeholders}; no Chinese string is
// left as its key or empty; the Chinese templates of the engine's messages (engine.zh.js) cover the
// engine's table with its placeholders; every key the page asks for (t('literal') in web/'s sources,
// data-i18n* in index.html) is in the English catalog. English is en.js and index.html's marked
// elements (their text or attribute, which page-lang.js reads from the page: htmlStrings below reads
// them from the file). The lessons' catalogs, when present, are checked the same way, and their
// keys count as known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const load = async (name) => {
  const file = path.join(web, 'i18n', name);
  return fs.existsSync(file) ? (await import(pathToFileURL(file).href)).default : null;
};
const holes = (s) =>
  [...String(s).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/**
 * index.html's marked elements as {key: English}: data-i18n takes the element's text (entities
 * decoded, whitespace collapsed, as the page shows it), data-i18n-<attr> that attribute's value.
 */
export function htmlStrings() {
  const html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
  const decode = (s) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (m, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (m, d) => String.fromCodePoint(Number(d)))
      .replace(/&(lt|gt|quot|amp);/g, (m, e) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]);
  const strings = {};
  for (const tag of html.matchAll(/<(\w+)((?:[^>"]|"[^"]*")*)>/g)) {
    const attrs = Object.fromEntries([...tag[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], decode(a[2])]));
    for (const [name, key] of Object.entries(attrs)) {
      if (name === 'data-i18n') {
        // translateDom replaces the whole text: a marked element holds text only, up to its end tag
        const inner = html.slice(tag.index + tag[0].length).match(/^([^<]*)<\/(\w+)>/);
        assert.ok(inner && inner[2] === tag[1], `${key}: a data-i18n element holds text only`);
        strings[key] = decode(inner[1]).replace(/\s+/g, ' ').trim();
      } else if (name.startsWith('data-i18n-')) {
        strings[key] = attrs[name.slice('data-i18n-'.length)];
      }
    }
  }
  return strings;
}

/** The English catalog as the page has it: index.html's marked elements, then en.js. */
const loadEnglish = async () => ({ ...htmlStrings(), ...(await load('en.js')) });

/** What is wrong between an English catalog and its Chinese twin, one line per fault. */
export function catalogFaults(en, zh, name = '') {
  const faults = [];
  for (const k of Object.keys(en)) {
    if (!(k in zh)) faults.push(`${name}${k}: missing in zh`);
    else if (typeof zh[k] !== 'string' || !zh[k].trim()) faults.push(`${name}${k}: empty in zh`);
    else if (zh[k] === k) faults.push(`${name}${k}: zh is the key (untranslated)`);
    else if (holes(zh[k]) !== holes(en[k]))
      faults.push(`${name}${k}: placeholders {${holes(en[k])}} vs {${holes(zh[k])}}`);
    if (typeof en[k] !== 'string' || !en[k].trim() || en[k] === k) faults.push(`${name}${k}: en is empty or the key`);
  }
  for (const k of Object.keys(zh)) if (!(k in en)) faults.push(`${name}${k}: missing in en`);
  return faults;
}

/** The keys the page's sources ask for: t('literal') in web/*.js, data-i18n* in index.html. */
export function usedKeys() {
  const used = new Map();
  const walk = (dir) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) {
        if (f.name !== 'gen' && f.name !== 'i18n') walk(p);
      } else if (f.name.endsWith('.js')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\bt\(\s*(['"`])([\w.-]+)\1/g)) used.set(m[2], path.relative(web, p));
      }
    }
  };
  walk(web);
  const html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n(?:-[\w-]+)?="([^"]+)"/g)) used.set(m[1], 'index.html');
  return used;
}

test('en.js and zh.js hold the same keys, zh translated, placeholders alike', async () => {
  const en = await loadEnglish(),
    zh = await load('zh.js');
  assert.ok(Object.keys(await load('en.js')).length > 100, 'the page has its strings in en.js');
  assert.ok(Object.keys(htmlStrings()).length > 100, "and in index.html's marked elements");
  assert.deepEqual(catalogFaults(en, zh), []);
  const [len, lzh] = [await load('lessons.en.js'), await load('lessons.zh.js')];
  if (len || lzh) assert.deepEqual(catalogFaults(len || {}, lzh || {}, 'lessons: '), []);
});

test('every key the page uses is in the English catalog', async () => {
  const en = { ...(await loadEnglish()), ...((await load('lessons.en.js')) || {}) };
  const used = usedKeys();
  assert.ok(used.size > 100, `found the page's keys (${used.size})`);
  const missing = [...used].filter(([k]) => !(k in en)).map(([k, where]) => `${k} (${where})`);
  assert.deepEqual(missing, []);
});

// The engine's catalog gives ids; their display names are the page's (datasets, activations,
// losses, optimizers, initializations: '<group>.<id>'), and each speed's label is a key.
test("every id the engine's menus offer has a name in the page's catalog", async () => {
  const en = await loadEnglish();
  const { engine } = await import('../wasm/load.mjs');
  const { SPEEDS } = await import(pathToFileURL(path.join(web, 'frame-plan.js')).href);
  const cat = (await engine()).catalog();
  const want = [
    ...cat.datasets.map((d) => `dataset.${d.key}`),
    ...cat.activation.map((a) => `act.${a}`),
    ...cat.optimizer.map((o) => `optimizer.${o}`),
    ...cat.init.map((i) => `init.${i}`),
    ...Object.values(cat.kinds).flatMap((k) => k.losses.filter((l) => l !== 'auto').map((l) => `loss.${l}`)),
    ...Object.values(cat.kinds).flatMap((k) => k.outputs.filter(Boolean).map((a) => `act.${a}`)),
    ...cat.speed.map((v) => SPEEDS.find((x) => x.value === v)?.label ?? `speed ${v} missing in SPEEDS`),
  ];
  assert.deepEqual(
    [...new Set(want)].filter((k) => !(k in en)),
    [],
  );
});

// The engine's messages (src/config/message_table.h, listed by catalog().messages as code ->
// English template): each has a Chinese template (web/i18n/engine.zh.js) with the same
// placeholders, and no Chinese template names a code the engine does not have.
test("every engine message code has a Chinese template with the engine's placeholders", async () => {
  const zh = await load('engine.zh.js');
  const { engine } = await import('../wasm/load.mjs');
  const en = (await engine()).catalog().messages;
  assert.ok(Object.keys(en).length > 100, `the engine lists its messages (${Object.keys(en).length})`);
  assert.deepEqual(catalogFaults(en, zh, 'engine: '), []);
});

// English ships in the page's bundle; Chinese is a chunk of its own (fetched when chosen) that
// the offline cache still holds (scripts/bundle.mjs writes gen/precache.json).
test('the built page: zh.js is a chunk of its own, in the offline precache list', async () => {
  const gen = path.join(web, 'gen');
  const zh = await load('zh.js');
  const files = fs.readdirSync(gen).filter((f) => f.endsWith('.js'));
  // esbuild may write non-ASCII text as \uXXXX escapes
  const word = zh['top.learningRate'];
  const escaped = word.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // the page catalog's entry, key and Chinese value together: the lessons' Chinese catalog (its own
  // chunk) uses the same words in its sentences, and the English bundle has the same keys
  const holding = files.filter((f) => {
    const text = fs.readFileSync(path.join(gen, f), 'utf8');
    return /["']?top\.learningRate["']?:/.test(text) && (text.includes(word) || text.toLowerCase().includes(escaped));
  });
  assert.equal(holding.length, 1, `one file holds the Chinese strings: ${holding}`);
  assert.match(holding[0], /^chunk-/, 'a chunk, not the page bundle or a shared chunk');
  assert.ok(JSON.parse(fs.readFileSync(path.join(gen, 'precache.json'), 'utf8')).files.includes(`gen/${holding[0]}`));
});

test('the checks catch what they are for', () => {
  const en = { a: 'A {n}', b: 'B', c: 'C' };
  const faults = catalogFaults(en, { a: '甲', b: 'b', d: '丁' });
  assert.deepEqual(faults, [
    'a: placeholders {n} vs {}',
    'b: zh is the key (untranslated)',
    'c: missing in zh',
    'd: missing in en',
  ]);
});
