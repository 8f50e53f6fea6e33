// engine-messages.test.mjs: the engine's messages in the page's language (issue 19). A bad link
// opened in Chinese lists its ignored settings in Chinese (the key and value as written, the
// engine's English problem nowhere), and the language switch writes them again in the engine's
// English; a CSV the engine refuses, and what an accepted one changed, read in Chinese in the
// import dialog and in the message list, and the dialog's error follows a switch to English; a cut
// model file's JSON problem, with its line and column, in Chinese and then in English.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { open } = await pageSuite(test);
const msg = (page, key) =>
  page.evaluate((k) => document.querySelector(`#messages [data-key="${k}"] > span`)?.textContent ?? '', key);
const toLang = (page, code) =>
  page.evaluate((c) => {
    const s = document.getElementById('lang'); // reachable while the modal dialog is open
    s.value = c;
    s.dispatchEvent(new Event('change'));
  }, code);

test('a bad link in Chinese: the ignored settings are said in Chinese, and in English after a switch', async () => {
  const page = await open('seed=1&learningRate=abc&activation=nope&lang=zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await page.waitForFunction(() =>
    /不是十进制数/.test(document.querySelector('#messages [data-key="cfg-learningRate"]')?.textContent),
  );
  const rate = await msg(page, 'cfg-learningRate');
  for (const part of ['learningRate', 'abc', '不是十进制数', '(0, 100]']) assert.ok(rate.includes(part), rate);
  assert.doesNotMatch(rate, /is not|decimal|allowed|a number in/, rate);
  const act = await msg(page, 'cfg-activation');
  for (const part of ['activation', 'nope', '不是可识别的值', 'relu, tanh']) assert.ok(act.includes(part), act);
  assert.doesNotMatch(act, /is not|known value|allowed/, act);

  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(
    await msg(page, 'cfg-learningRate'),
    "Ignored learningRate: 'abc' is not a decimal number; allowed: a number in (0, 100]",
  );
  assert.match(await msg(page, 'cfg-activation'), /activation: 'nope' is not a known value; allowed: relu, tanh/);
  await page.close();
});

test('CSV import in Chinese: refusals and what changed are Chinese; the error follows a switch', async () => {
  const page = await open('seed=1&lang=zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await page.click('#csvOpen');
  const error = () => page.textContent('#csvError');

  // refused by the preview: nothing to read
  await page.setInputFiles('#csvFile', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await page.waitForFunction(() => document.getElementById('csvError').textContent.startsWith('empty.csv'));
  assert.equal(await error(), 'empty.csv: 文件为空');

  // refused by the import: a word among the numbers
  const junk = 'x,y,l\n1,2,1\n3,q,-1\n';
  await page.setInputFiles('#csvFile', { name: 'junk.csv', mimeType: 'text/csv', buffer: Buffer.from(junk) });
  await page.waitForSelector('#csvPreview table');
  await page.click('#csvImport');
  await page.waitForFunction(() => /第 3 行/.test(document.getElementById('csvError').textContent));
  const zh = await error();
  for (const part of ['junk.csv', '第 3 行第 2 列', "'q'", '不是数字']) assert.ok(zh.includes(part), zh);
  assert.doesNotMatch(zh, /is not a number|row 3/, zh);

  await toLang(page, 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(
    await error(),
    "junk.csv was not imported, your data is unchanged: row 3, column 2: 'q' is not a number",
  );
  await toLang(page, 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  assert.equal(await error(), zh, 'and back');

  // accepted: real labels make it a regression, said in Chinese
  const reals = 'x,y,l\n1,2,0.5\n3,4,2.5\n5,6,-1\n';
  await page.setInputFiles('#csvFile', { name: 'reals.csv', mimeType: 'text/csv', buffer: Buffer.from(reals) });
  await page.waitForSelector('#csvPreview table');
  await page.click('#csvImport');
  await page.waitForFunction(() => window.playground.config.problem === 'regression');
  const changed = await msg(page, 'csv');
  for (const part of ['问题类型现在是回归', '标签是数值而不是类别', '0.5', '权重重新开始'])
    assert.ok(changed.includes(part), changed);
  assert.doesNotMatch(changed, /the problem|labels are|weights start/, changed);
  await page.close();
});

test('a cut model file in Chinese: the JSON problem, its line and column, in Chinese; in English after a switch', async () => {
  const page = await open('seed=1&lang=zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  const before = await page.evaluate(() => Array.from(window.playground.params));
  // the text stops inside the object: the engine's JSON reader reaches the end of the text
  await page.setInputFiles('#modelFile', {
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"not": "a model"'),
  });
  await page.waitForFunction(() => /cut\.json/.test(document.querySelector('.msg[data-key="export"]')?.textContent));
  const zh = await msg(page, 'export');
  assert.match(zh, /^cut\.json 没有加载，当前模型保持不变：模型 JSON：第 1 行第 (\d+) 列：文本意外结束/, zh);
  assert.doesNotMatch(zh, /unexpected|line|model JSON/, zh);
  assert.deepEqual(await page.evaluate(() => Array.from(window.playground.params)), before, 'nothing changed');

  await toLang(page, 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await msg(page, 'export');
  assert.match(en, /^cut\.json was not loaded, the current model is unchanged: model JSON: unexpected end/, en);
  // the same place in both languages
  assert.equal(/line 1, column (\d+)/.exec(en)?.[1], /第 1 行第 (\d+) 列/.exec(zh)[1], en);
  await page.close();
});
