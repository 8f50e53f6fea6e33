// puppeteer-page.mjs: Firefox for the browser tests. Debian's firefox-esr driven by puppeteer-core
// over WebDriver BiDi (playwright-core's own BiDi driver sends commands Firefox ESR does not know,
// and its patched Firefox cannot be downloaded here), behind the part of playwright's Page API the
// tests use, so one test file runs in both browsers. `firefox` stands in for playwright's
// BrowserType (scripts/browser.mjs calls launch and newPage); pages keep playwright's argument
// orders and auto-waiting where the tests rely on it. Whatever a test needs beyond this subset
// fails loudly ("not in the Firefox adapter") instead of passing by accident.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const TIMEOUT = 30000;
// playwright's key names that puppeteer's BiDi keyboard spells otherwise
const KEYS = { Space: ' ' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Typed arrays come back from playwright's evaluate as typed arrays; WebDriver BiDi does not
// serialise their contents, so the page marks them (TO_PLAIN) and Node rebuilds them (revive).
const TO_PLAIN = `function toPlain(x) {
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return { __typedArray: x.constructor.name, values: Array.from(x) };
  if (Array.isArray(x)) return x.map(toPlain);
  if (x && typeof x === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(x)))
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toPlain(v)]));
  return x;
}`;
function revive(x) {
  if (Array.isArray(x)) return x.map(revive);
  if (x && typeof x === 'object' && x.constructor === Object) {
    if (typeof x.__typedArray === 'string') return new globalThis[x.__typedArray](x.values);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, revive(v)]));
  }
  return x;
}
/** page.evaluate with playwright's typed-array results. */
async function evaluate(p, fn, arg) {
  if (typeof fn !== 'function') return p.evaluate(fn);
  return revive(
    await p.evaluate(new Function('arg', `return (async () => (${TO_PLAIN})(await (${fn})(arg)))();`), arg),
  );
}

/** playwright's URL glob ('**' any characters, '*' any but '/') as a RegExp. */
function globToRegExp(glob) {
  const esc = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${esc
      .replace(/\*\*/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '.*')}$`,
  );
}

/** playwright's selector chain `css >> nth=i >> text=T` as parts. */
function parseChain(selector) {
  return selector.split(/\s*>>\s*/).map((part) => {
    if (/^nth=\d+$/.test(part)) return { nth: Number(part.slice(4)) };
    if (part.startsWith('text=')) return { css: `::-p-text(${part.slice(5)})` };
    return { css: part };
  });
}

const hasText = (opts) => (opts && opts.hasText !== undefined ? [{ hasText: opts.hasText }] : []);

/** A playwright-like Locator over a selector chain. */
function locator(p, selector, parts = parseChain(selector)) {
  const single = parts.length === 1 && parts[0].css; // puppeteer's own locator can act on it
  async function all() {
    let hs = [p];
    for (const part of parts) {
      if (part.nth !== undefined) hs = hs[part.nth] ? [hs[part.nth]] : [];
      else if (part.hasText !== undefined) {
        const keep = await Promise.all(hs.map((h) => h.evaluate((el, t) => el.textContent.includes(t), part.hasText)));
        hs = hs.filter((_, i) => keep[i]);
      } else hs = (await Promise.all(hs.map((h) => h.$$(part.css)))).flat();
    }
    return hs;
  }
  // the first element, waited for (attached) like playwright's actions do
  async function handle(timeout = TIMEOUT) {
    const end = Date.now() + timeout;
    for (;;) {
      const [h] = await all();
      if (h) return h;
      if (Date.now() > end) throw new Error(`locator('${selector}'): no element after ${timeout} ms`);
      await sleep(50);
    }
  }
  const on = async (fn, arg) => (await handle()).evaluate(fn, arg);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const self = {
    /** a descendant locator; {hasText} keeps the elements whose text contains it (as playwright) */
    locator: (sub, opts = {}) => locator(p, `${selector} ${sub}`, [...parts, ...parseChain(sub), ...hasText(opts)]),
    first: () => locator(p, `${selector} >> nth=0`, [...parts, { nth: 0 }]),
    nth: (i) => locator(p, `${selector} >> nth=${i}`, [...parts, { nth: i }]),
    count: async () => (await all()).length,
    async click(opts = {}) {
      if (single && !opts.force && !opts.position && !opts.modifiers)
        return p.locator(single).setTimeout(TIMEOUT).click();
      const h = await handle();
      if (!opts.position && !opts.modifiers) return h.click();
      await h.scrollIntoView();
      const box = await h.boundingBox();
      const pos = opts.position || { x: box.width / 2, y: box.height / 2 };
      for (const m of opts.modifiers || []) await p.keyboard.down(m);
      await p.mouse.click(box.x + pos.x, box.y + pos.y);
      for (const m of (opts.modifiers || []).reverse()) await p.keyboard.up(m);
    },
    async hover(opts = {}) {
      const h = await handle();
      if (!opts.position) return h.hover();
      await h.scrollIntoView();
      const box = await h.boundingBox();
      await p.mouse.move(box.x + opts.position.x, box.y + opts.position.y);
    },
    // puppeteer's locator fills one CSS selector; a chain is filled as playwright does: focus, set
    // the value, one input event
    fill: async (value) =>
      single
        ? p.locator(single).setTimeout(TIMEOUT).fill(String(value))
        : on((el, v) => {
            el.focus();
            el.value = v;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }, String(value)),
    async press(key) {
      await (await handle()).focus();
      await p.keyboard.press(key);
    },
    dispatchEvent: (type) => on((el, t) => el.dispatchEvent(new Event(t, { bubbles: true })), type),
    evaluate: (fn, arg) => on(fn, arg),
    boundingBox: async () => (await handle()).boundingBox(),
    scrollIntoViewIfNeeded: () => on((el) => el.scrollIntoView({ block: 'nearest' })),
    screenshot: async (opts) => (await handle()).screenshot(opts),
    innerText: () => on((el) => el.innerText),
    allTextContents: async () => Promise.all((await all()).map((h) => h.evaluate((el) => el.textContent))),
    allInnerTexts: async () => Promise.all((await all()).map((h) => h.evaluate((el) => el.innerText))),
    textContent: () => on((el) => el.textContent),
    inputValue: () => on((el) => el.value),
    getAttribute: (name) => on((el, n) => el.getAttribute(n), name),
    isChecked: () => on((el) => el.checked),
    isDisabled: () => on((el) => el.disabled),
    async isVisible() {
      const [h] = await all();
      return h ? h.evaluate(visible) : false;
    },
    isHidden: async () => !(await self.isVisible()),
    async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
      const end = Date.now() + timeout;
      while ((await self.isVisible()) !== (state === 'visible')) {
        if (Date.now() > end) throw new Error(`locator('${selector}'): not ${state} after ${timeout} ms`);
        await sleep(50);
      }
    },
  };
  return self;
}

/** A playwright-like Page over a puppeteer page; `downloads` is this page's download folder. */
function wrapPage(p, downloads) {
  const routes = []; // [RegExp, handler], the last registered first (as playwright)
  let intercepting = false;
  const loc = (sel, opts) => (opts ? locator(p, sel, [...parseChain(sel), ...hasText(opts)]) : locator(p, sel));
  const page = {
    puppeteer: p,
    goto: (url, opts) => p.goto(url, { waitUntil: 'load', timeout: TIMEOUT, ...opts }),
    evaluate: (fn, arg) => evaluate(p, fn, arg),
    waitForFunction: (fn, arg, opts = {}) => p.waitForFunction(fn, { timeout: opts.timeout ?? TIMEOUT }, arg),
    waitForTimeout: sleep,
    waitForSelector: (sel, opts = {}) =>
      p.waitForSelector(sel, {
        timeout: opts.timeout ?? TIMEOUT,
        visible: !opts.state || opts.state === 'visible',
        hidden: opts.state === 'hidden',
      }),
    locator: loc,
    $$: (sel) => p.$$(sel),
    $eval: (sel, fn, arg) => p.$eval(sel, fn, arg),
    $$eval: (sel, fn, arg) => p.$$eval(sel, fn, arg),
    waitForResponse: (pred, opts = {}) => p.waitForResponse(pred, { timeout: opts.timeout ?? TIMEOUT }),
    workers: () => p.workers(),
    click: (sel, opts) => loc(sel).click(opts),
    focus: (sel) => loc(sel).evaluate((el) => el.focus()),
    press: (sel, key) => loc(sel).press(key),
    dispatchEvent: (sel, type) => loc(sel).dispatchEvent(type),
    /** playwright's frameLocator(iframe).locator(sel).click(), as far as the tests use it */
    frameLocator: (frameSel) => ({
      locator: (sel) => ({
        async click() {
          const frame = await (await p.waitForSelector(frameSel, { timeout: TIMEOUT })).contentFrame();
          await frame.locator(sel).setTimeout(TIMEOUT).click();
        },
      }),
    }),
    fill: (sel, v) => loc(sel).fill(v),
    async selectOption(sel, value) {
      await loc(sel).count(); // attached
      await p.locator(sel).setTimeout(TIMEOUT).wait();
      return p.select(sel, value);
    },
    async check(sel) {
      if (!(await loc(sel).isChecked())) await loc(sel).click();
    },
    async uncheck(sel) {
      if (await loc(sel).isChecked()) await loc(sel).click();
    },
    textContent: (sel) => loc(sel).textContent(),
    inputValue: (sel) => loc(sel).inputValue(),
    getAttribute: (sel, name) => loc(sel).getAttribute(name),
    isVisible: (sel) => loc(sel).isVisible(),
    isDisabled: (sel) => loc(sel).isDisabled(),
    /** playwright's file payloads ({name, mimeType, buffer}) handed to the input in the page. */
    async setInputFiles(sel, files) {
      const list = (Array.isArray(files) ? files : [files]).map((f) => ({
        name: f.name,
        type: f.mimeType,
        b64: Buffer.from(f.buffer).toString('base64'),
      }));
      await loc(sel).evaluate((el, fs) => {
        const dt = new DataTransfer();
        for (const f of fs)
          dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
        el.files = dt.files;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, list);
    },
    screenshot: (opts) => p.screenshot(opts),
    setViewportSize: ({ width, height }) => p.setViewport({ width, height }),
    addInitScript: (fn, arg) => p.evaluateOnNewDocument(fn, arg),
    keyboard: {
      // playwright's chords ('Control+A'): the modifiers held around the key
      async press(key) {
        const keys = key.length > 1 ? key.split('+').map((k) => KEYS[k] || k) : [key];
        const last = keys.pop();
        for (const m of keys) await p.keyboard.down(m);
        await p.keyboard.press(KEYS[last] || last);
        for (const m of keys.reverse()) await p.keyboard.up(m);
      },
      down: (key) => p.keyboard.down(KEYS[key] || key),
      up: (key) => p.keyboard.up(KEYS[key] || key),
      type: (text) => p.keyboard.type(text),
    },
    mouse: p.mouse,
    on: (event, fn) => p.on(event, fn),
    close: () => p.close(),
    /** route.request().url(), continue, abort, fulfill({status, body} | {path, contentType}) */
    async route(glob, handler) {
      routes.unshift([globToRegExp(glob), handler]);
      if (intercepting) return;
      intercepting = true;
      await p.setRequestInterception(true);
      p.on('request', async (req) => {
        if (req.isInterceptResolutionHandled()) return;
        const hit = routes.find(([re]) => re.test(req.url()));
        if (!hit) return req.continue();
        await hit[1]({
          request: () => ({ url: () => req.url() }),
          continue: () => req.continue(),
          abort: () => req.abort(),
          fulfill: ({ status = 200, body, path: file, contentType }) =>
            req.respond({ status, contentType, body: file ? fs.readFileSync(file) : body }),
        });
      });
    },
    /**
     * 'download' only: the next file the page saves, once Firefox has written it (its placeholder
     * and .part file gone, the size steady over three polls).
     */
    async waitForEvent(event) {
      if (event !== 'download') throw new Error(`waitForEvent('${event}') is not in the Firefox adapter`);
      const before = new Set(fs.readdirSync(downloads));
      const end = Date.now() + TIMEOUT;
      let last = '',
        steady = 0;
      for (;;) {
        const names = fs.readdirSync(downloads);
        const name = names.find((n) => !before.has(n) && !n.endsWith('.part'));
        if (name && !names.some((n) => n.endsWith('.part'))) {
          const file = path.join(downloads, name);
          // Firefox may rename a file between the listing and this look (a temporary name, seen
          // in CI as "HPEJPu9n.py" gone by the time of stat): then the next poll finds the new one
          const st = fs.statSync(file, { throwIfNoEntry: false });
          const size = st ? `${name}:${st.size}` : '';
          steady = size && size === last ? steady + 1 : 0;
          last = size;
          if (steady >= 3) return { suggestedFilename: () => name, path: async () => file };
        }
        if (Date.now() > end) throw new Error('no download');
        await sleep(50);
      }
    },
  };
  return page;
}

/** playwright's BrowserType, as far as scripts/browser.mjs uses it. */
export const firefox = {
  name: () => 'firefox',
  async launch({ timeout = 60000 } = {}) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
      headless: true,
      timeout,
      protocolTimeout: 120000,
      defaultViewport: { width: 1280, height: 720 }, // playwright's
    });
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-ff-downloads-'));
    const context = await browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: downloads },
    });
    return {
      version: () => browser.version(),
      newPage: async () => wrapPage(await context.newPage(), downloads),
      async close() {
        await browser.close();
        fs.rmSync(downloads, { recursive: true, force: true });
      },
    };
  },
};
