// messages.test.mjs: text from a link shown in the page's messages cannot reorder the message
// (issue 21 item 11): bidi controls in unknown keys appear escaped, the rest of the text in order.
import test from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite } from './browser.mjs';

const { b, open } = await pageSuite(test);

test('bidi controls in unknown keys are shown escaped, in order', async () => {
  // U+202E (right-to-left override), U+2066 (left-to-right isolate), U+200F (right-to-left mark)
  const page = await open('seed=1&%E2%80%AEtxt.exe=1&a%E2%81%A6b%E2%80%8Fc=2&zz=2');
  await page.waitForFunction(() => /unknown settings/.test(document.getElementById('messages').textContent));
  const text = await page.evaluate(() => document.getElementById('messages').textContent);
  assert.match(text, /Ignored unknown settings: \\u202Etxt\.exe, a\\u2066b\\u200Fc, zz/);
  assert.doesNotMatch(text, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'no raw bidi control left');
  assert.deepEqual(b.consoleErrors, []);
  await page.close();
});
