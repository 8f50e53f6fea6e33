// i18n.test.mjs: the page in Chinese (issue 19 item 3). `lang=zh` shows the top bar, the data
// column and the options in Chinese (and <html lang>); the language switch changes the words
// without touching the network (same weights, same epoch, training goes on) and writes `lang`
// into the hash, and switching back gives every marked element of index.html the English it was
// served with (page-lang.js reads that English from the page); a link without `lang` follows the browser's language (zh-CN opens in Chinese,
// the default English); axe finds no violations in Chinese; at 390 x 844 the Chinese top bar
// fits (no sideways scrolling, every control inside the screen).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, isFirefox, axeViolations } from './browser.mjs';

const { b, shots, open } = await pageSuite(test);
const text = (page, sel) => page.evaluate((s) => document.querySelector(s).textContent.replace(/\s+/g, ' '), sel);
const langKey = (page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('lang'));
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const weights = (page) => page.evaluate(() => Array.from(window.playground.params));
const epoch = (page) => page.evaluate(() => window.playground.metrics.epoch);
// every marked element of index.html: [key, its text or attribute as shown]; but the gradient
// chart's label, which the page rewrites with the live norms (views/health.js)
const marked = async (page) =>
  (
    await page.evaluate(() =>
      [
        ...document.querySelectorAll('[data-i18n], [data-i18n-title], [data-i18n-aria-label], [data-i18n-placeholder]'),
      ].flatMap((e) => [
        ...(e.dataset.i18n ? [[e.dataset.i18n, e.textContent.replace(/\s+/g, ' ').trim()]] : []),
        ...['title', 'aria-label', 'placeholder']
          .filter((a) => e.hasAttribute(`data-i18n-${a}`))
          .map((a) => [e.getAttribute(`data-i18n-${a}`), e.getAttribute(a)]),
      ]),
    )
  ).filter(([k]) => k !== 'out.health');

test('lang=zh: the top bar, data column and options speak Chinese', async () => {
  const page = await open('seed=1&lang=zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  const top = await text(page, '.topbar');
  for (const w of ['学习率', '激活函数', '正则化', '问题类型', '逐步演示反向传播', '语言', '每帧 1 轮'])
    assert.ok(top.includes(w), `top bar has ${w}: ${top}`);
  assert.ok(!top.includes('Learning rate'), 'no English left in the top bar labels');
  assert.ok((await text(page, '.data-col')).includes('批大小'));
  assert.equal(
    await text(page, '#trainingOptions summary .hint'),
    '优化器、初始化、损失、Dropout、批归一化、跳跃连接、停止条件',
  );
  await page.click('#trainingOptions > summary');
  const opts = await text(page, '#optionsBody');
  for (const w of ['优化器', '初始化', '批归一化', '损失函数']) assert.ok(opts.includes(w), `options have ${w}`);
  assert.equal(await page.getAttribute('#reset', 'aria-label'), '把网络重置为初始权重（按键 r）');
  assert.equal(await page.evaluate(() => document.title), 'Backprop Playground · 反向传播演练场');
  assert.equal(await langKey(page), 'zh');
  await page.screenshot({ path: path.join(shots, 'zh-1400.png') });
  await page.close();
});

test('the switch changes the language, keeps the network and its training, writes lang', async () => {
  const page = await open('seed=1');
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await langKey(page), null, 'absent from a link by default');
  await page.click('#play');
  await page.waitForFunction(() => window.playground.metrics.epoch >= 5);
  await page.click('#play');
  await page.waitForFunction(() => !window.playground.playing && !window.playground.inflight);
  const [w0, e0] = [await weights(page), await epoch(page)];
  const english = await marked(page);
  assert.ok(english.length > 100, `index.html marks its words (${english.length})`);
  assert.deepEqual(
    english.filter(([k, s]) => !s || s === k),
    [],
    'each shows its English, not its key',
  );
  assert.ok(english.some(([k, s]) => k === 'top.openFull' && s === 'Open the full playground ↗'));
  // keyboard: the switch is a labelled select in the top bar
  await page.focus('#lang');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await page.waitForFunction(() => /(^|&)lang=zh(&|$)/.test(location.hash.slice(1)));
  assert.ok((await text(page, '.topbar')).includes('学习率'));
  const label = await page.evaluate(
    () => document.querySelector('#lang').labels[0].querySelector('.label').textContent,
  );
  assert.equal(label, '语言', 'the switch is labelled, in the page language');
  assert.deepEqual(await weights(page), w0, 'the same weights');
  assert.equal(await epoch(page), e0, 'the same epoch');
  await page.click('#play'); // training goes on from there
  await page.waitForFunction((e) => window.playground.metrics.epoch >= e + 3, e0);
  await page.click('#play');
  assert.ok((await text(page, '.topbar')).includes('学习率'), 'still Chinese after frames');
  const chinese = await marked(page);
  assert.ok(
    chinese.filter(([, s], i) => s !== english[i][1]).length > english.length / 2,
    'most marked words are translated',
  );
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await langKey(page), 'en');
  assert.ok((await text(page, '.topbar')).includes('Learning rate'));
  assert.deepEqual(await marked(page), english, 'back in English: every marked element as served');
  await page.close();
});

test(
  'a link without lang follows the browser: zh-CN opens in Chinese',
  { skip: isFirefox && 'locale is a playwright context option' },
  async () => {
    const page = await b.newPage({ locale: 'zh-CN' });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${b.base}/index.html#seed=1`);
    await page.waitForFunction(() => window.playground && window.playground.grid, null, { timeout: 30000 });
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.ok((await text(page, '.topbar')).includes('学习率'));
    assert.equal(await langKey(page), null, 'the link stays without lang');
    assert.equal(await page.inputValue('#lang'), 'zh');
    await page.close();
  },
);

test('in Chinese: axe finds no violations; at 390 x 844 the top bar fits', async () => {
  const page = await open('seed=1&lang=zh', { width: 390, height: 844 });
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const v = await axeViolations(page);
  assert.deepEqual(v, []);
  const out = await page.evaluate(() =>
    [...document.querySelectorAll('.topbar > *')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.className || e.id, e.getBoundingClientRect().right])
      .filter(([, right]) => right > innerWidth),
  );
  assert.deepEqual(out, [], 'every top bar control inside the screen');
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'no sideways scrolling');
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'zh-390.png') });
  await page.close();
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
