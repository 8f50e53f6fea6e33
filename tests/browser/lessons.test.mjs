// lessons.test.mjs: lesson mode (issue 19 items 1, 2 and 4). The two catalogs hold the same keys
// and every step's words; every lesson is walked end to end in English and in Chinese: each
// step's check is false when the step opens and after a wrong answer, and true once the learner
// has done the task through the page's controls (or by editing the link, as a learner may); the
// worked example's numbers on the page equal an independent float64 derivation written here and
// differ from the seed tutorial's printed ones; links open the right lesson and step
// (`lesson=&step=`, TensorFlow Playground's `tutorial=`); axe finds nothing in lesson mode; at
// 390 x 844 the lesson and the plot are both reachable without sideways scrolling.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, axeViolations } from './browser.mjs';
import en from '../../web/i18n/lessons.en.js';
import zh from '../../web/i18n/lessons.zh.js';
import { LESSONS, TUTORIALS, lessonForTutorial } from '../../web/lessons/lesson-table.js';
import { FORMULA_IDS } from '../../web/lessons/formulas.js';
import { WORKED } from '../../web/lessons/worked.js';

const { b, shots, open } = await pageSuite(test);
const CATALOGS = { en, zh };

// ---- the worked example by hand: float64, the tutorial's formulas, not the engine's code ----
const sigma = (z) => 1 / (1 + Math.exp(-z));
function derive() {
  const { x, y, W1, b1, W2, b2, lr } = WORKED;
  const z1 = W1.map((row, j) => row[0] * x[0] + row[1] * x[1] + b1[j]); // (0.35, 0.75, 1.15)
  const a1 = z1.map(sigma);
  const z2 = W2.reduce((s, w, j) => s + w * a1[j], b2);
  const a2 = sigma(z2);
  const loss = -(y * Math.log(a2) + (1 - y) * Math.log(1 - a2));
  const d2 = a2 - y; // sigmoid + cross-entropy
  const d1 = a1.map((a, j) => a * (1 - a) * W2[j] * d2);
  const g = W2.map((_, j) => d2 * a1[j]); // dL/dW2
  return { z1, a1, z2, a2, loss, d2, d1, g, w3After: W2[2] - lr * g[2] };
}

// ---- reading and driving the page ----
const state = (page) => page.evaluate(() => window.playground.lesson);
async function until(page, fn, arg, what, ms = 90000) {
  const t0 = Date.now();
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() - t0 > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const ready = (page, id, step) =>
  until(
    page,
    ([id, step]) => {
      const l = window.playground.lesson;
      return l && l.id === id && l.step === step && l.ready;
    },
    [id, step],
    `lesson ${id} step ${step} ready`,
  );
const isDone = (page) => page.evaluate(() => window.playground.lesson.done);
const waitDone = (page, what) => until(page, () => window.playground.lesson.done, null, `${what}: check passes`);
async function pause(page) {
  if (await page.evaluate(() => window.playground.playing)) await page.click('#play');
  await until(page, () => !window.playground.playing, null, 'paused');
}
async function playUntilDone(page, what) {
  await page.click('#play');
  await waitDone(page, what);
  await pause(page);
}
// A learner editing the link: set keys in the address bar's hash.
async function editLink(page, kv, wait = true) {
  await page.evaluate((kv) => {
    const p = new URLSearchParams(location.hash.slice(1));
    for (const [k, v] of Object.entries(kv)) p.set(k, v);
    location.hash = p.toString().replace(/%2C/g, ',');
  }, kv);
  if (wait)
    await until(
      page,
      (kv) => Object.entries(kv).every(([k, v]) => new URLSearchParams(location.hash.slice(1)).get(k) === v),
      kv,
      'link edited',
    );
}
const select = async (page, sel, value) => {
  await page.selectOption(sel, value);
  await until(page, ([sel, value]) => document.querySelector(sel).value === value, [sel, value], `${sel} = ${value}`);
};

// What the learner does at each step, by lesson id; every action ends with the check passing.
const DO = {
  'forward-loss': [
    async (p) => {
      await p.click('#step');
      await waitDone(p, 'one step');
    },
    (p) => playUntilDone(p, 'test loss under 0.1 with two neurons'),
    async (p) => {
      await select(p, '#opt-loss', 'bce');
      await until(p, () => window.playground.config.loss === 'bce', null, 'bce in force');
      await playUntilDone(p, 'cross-entropy, 20 epochs');
    },
    async (p) => {
      await editLink(p, { xSquared: 'true', ySquared: 'true' });
      await playUntilDone(p, 'the circle learnt');
    },
  ],
  'chain-rule': [
    async (p) => {
      await p.click('#stNext');
      await waitDone(p, 'stepped to the output');
    },
    async (p) => {
      await p.fill('#lessonAnswer', '0.7808'); // the printed value is refused
      await p.waitForTimeout(600);
      assert.equal(await isDone(p), false, 'the tutorial’s printed a2 does not pass');
      await p.click('#stNext');
      const a = /a (-?[0-9.]+)/.exec(await p.locator('.net-anno[data-row="5"]').innerText())[1];
      await p.fill('#lessonAnswer', a);
      await waitDone(p, 'a2 read');
    },
    async (p) => {
      await p.click('#stNext');
      await p.click('#stNext');
      await waitDone(p, 'backward, output');
    },
    async (p) => {
      await p.locator('.net-link-hit[data-k="11"]').click({ force: true });
      const g = await p.locator('.st-chain [data-name="grad"]').first().innerText();
      await p.fill('#lessonAnswer', g);
      await waitDone(p, 'dL/dw of h3 -> out read');
    },
    async (p) => {
      await p.click('#stNext');
      await waitDone(p, 'backward, hidden');
    },
    async (p) => {
      await p.click('#step');
      await waitDone(p, 'update applied');
    },
  ],
  'gradient-descent': [
    async (p) => {
      await select(p, '#learningRate', '0.3');
      await playUntilDone(p, 'faster descent');
    },
    async (p) => {
      await select(p, '#learningRate', '10');
      await p.click('#play');
      await waitDone(p, 'diverged');
      await pause(p);
    },
    async (p) => {
      await select(p, '#opt-optimizer', 'momentum');
      await until(p, () => window.playground.config.optimizer === 'momentum', null, 'momentum');
      await playUntilDone(p, 'momentum');
    },
    async (p) => {
      await select(p, '#opt-optimizer', 'adam');
      await until(p, () => window.playground.config.optimizer === 'adam', null, 'adam');
      await playUntilDone(p, 'adam');
    },
    async (p) => {
      await select(p, '#vKey1', 'optimizer');
      await p.fill('#vVals1', 'sgd,adam');
      await p.click('#raceStart');
      await until(p, () => /optimizer:sgd,adam/.test(window.playground.config.compare), null, 'race set');
      await p.waitForSelector('.race-card');
      await playUntilDone(p, 'the race to epoch 100');
    },
  ],
  activations: [
    async (p) => {
      await select(p, '#learningRate', '0.1');
      await select(p, '#activation', 'tanh');
      await until(p, () => window.playground.config.activation === 'tanh', null, 'tanh');
      await playUntilDone(p, 'the circle learnt with tanh');
    },
    async (p) => {
      for (let n = 3; n <= 8; n++) {
        await p.click('.net-layer-ctl button:first-of-type'); // + (its label is in the page's language)
        await until(p, (n) => window.playground.config.networkShape.length === n, n, `${n} layers`);
      }
      await waitDone(p, 'eight sigmoid layers');
    },
    async (p) => {
      await until(p, () => window.playground.health?.length === 9, null, 'gradient chart');
      const out = String((await p.evaluate(() => window.playground.health.length)) - 1);
      await select(p, '#lessonAnswer', out); // the output layer: the largest gradient, not the smallest
      await p.waitForTimeout(600);
      assert.equal(await isDone(p), false, 'a wrong layer does not pass');
      await select(p, '#lessonAnswer', '0'); // hidden layer 1, as the chain of 1/4 factors says
      await waitDone(p, 'the vanishing layer picked');
    },
    async (p) => {
      await select(p, '#activation', 'tanh');
      await waitDone(p, 'tanh gradients');
    },
  ],
  initialization: [
    (p) => playUntilDone(p, 'zero init, 50 epochs'),
    (p) => playUntilDone(p, 'random init learns'),
    async (p) => {
      await select(p, '#opt-init', 'xavier');
      await until(p, () => window.playground.config.init === 'xavier', null, 'xavier');
      await playUntilDone(p, 'xavier, 30 epochs');
    },
    async (p) => {
      await select(p, '#opt-init', 'he');
      await until(p, () => window.playground.config.init === 'he', null, 'he');
      await playUntilDone(p, 'he, 30 epochs');
    },
  ],
  regularization: [
    (p) => playUntilDone(p, 'overfitting'),
    async (p) => {
      await select(p, '#regularization', 'L2');
      await select(p, '#regularizationRate', '0.01');
      await until(p, () => window.playground.config.regularizationRate === 0.01, null, 'L2 rate');
      await playUntilDone(p, 'L2, 100 epochs');
    },
    async (p) => {
      await select(p, '#regularization', 'L1');
      await select(p, '#regularizationRate', '0.01');
      await until(p, () => window.playground.config.regularization === 'L1', null, 'L1');
      await playUntilDone(p, 'L1 zeros');
    },
    async (p) => {
      await p.fill('#opt-dropout', '0.2');
      await p.press('#opt-dropout', 'Enter');
      await p.locator('#opt-dropout').dispatchEvent('change');
      await until(p, () => window.playground.config.dropout === 0.2, null, 'dropout');
      await playUntilDone(p, 'dropout, 100 epochs');
    },
  ],
};

test('both catalogs hold the same keys, every step its words, every number its value', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'lessons.en.js and lessons.zh.js keys');
  assert.deepEqual(Object.keys(DO).sort(), LESSONS.map((l) => l.id).sort(), 'the walk covers every lesson');
  for (const l of LESSONS) {
    assert.ok(l.steps.length >= 4 && l.steps.length <= 8, `${l.id}: 4 to 8 steps`);
    assert.equal(DO[l.id].length, l.steps.length, `${l.id}: an action per step`);
    for (const [code, cat] of Object.entries(CATALOGS)) {
      assert.ok(cat[`lesson.${l.id}.title`], `${code} ${l.id} title`);
      l.steps.forEach((s, i) => {
        for (const part of ['title', 'body', 'task']) {
          const text = cat[`lesson.${l.id}.${i + 1}.${part}`];
          assert.ok(text, `${code} ${l.id} ${i + 1} ${part}`);
          for (const [, name] of text.matchAll(/\{(\w+)\}/g))
            assert.ok(s.vars && name in s.vars, `${code} ${l.id} ${i + 1} ${part}: {${name}} has a value`);
        }
        for (const id of s.math) assert.ok(FORMULA_IDS.includes(id), `${l.id} ${i + 1}: formula ${id}`);
      });
    }
  }
  // the tutorial mapping: a lesson id opens itself; each row's topic word opens its lesson
  for (const l of LESSONS) assert.equal(lessonForTutorial(l.id), l.id);
  for (const [re, id] of TUTORIALS)
    assert.ok(
      LESSONS.some((l) => l.id === id),
      `${re} names a lesson`,
    );
  assert.equal(lessonForTutorial('dp-learning-rate'), 'gradient-descent');
  assert.equal(lessonForTutorial('overfitting'), 'regularization');
  assert.equal(lessonForTutorial('zzz'), null);
});

test('the worked example: the page shows the float64 derivation, not the tutorial’s printed numbers', async () => {
  const d = derive();
  // hand algebra: z1 = W1 x + b1 = (0.05 + 0.2 + 0.1, 0.15 + 0.4 + 0.2, 0.25 + 0.6 + 0.3)
  d.z1.forEach((z, j) => assert.ok(Math.abs(z - [0.35, 0.75, 1.15][j]) < 1e-12));
  // the tutorial prints z1 = (0.7, 1.1, 1.5) and a2 = 0.7808: both are off
  WORKED.printed.z1.forEach((z, j) => assert.ok(Math.abs(z - d.z1[j]) > 0.3, `printed z1[${j}] ${z} is wrong`));
  assert.ok(Math.abs(WORKED.printed.a2 - d.a2) > 0.02, 'printed a2 is wrong');
  const page = await open('lesson=chain-rule&step=2');
  await ready(page, 'chain-rule', 2);
  await until(page, () => window.playground.trace, null, 'trace');
  await until(page, () => !/–/.test(document.querySelector('[data-formula="weA2"]').textContent), null, 'numbers');
  // the numbers a formula takes from the engine's trace (mn.value) and the tutorial's (mn.printed)
  const nums = async (id, cls = 'value') =>
    page.evaluate(
      ([id, cls]) =>
        [...document.querySelectorAll(`[data-formula="${id}"] mn.${cls}`)].map((e) =>
          Number(e.textContent.replace('−', '-')),
        ),
      [id, cls],
    );
  const near = (got, want, what) => assert.ok(Math.abs(got - want) <= 6e-5, `${what}: ${got} vs ${want}`);
  const [z2, a2] = await nums('weA2'); // z2 = W2 a1 + b2 = <z2>, a2 = sigma(z2) = <a2> != <printed>
  near(z2, d.z2, 'z2 in the lesson');
  near(a2, d.a2, 'a2 in the lesson');
  assert.deepEqual(await nums('weA2', 'printed'), [WORKED.printed.a2], 'the printed a2 shown beside it');
  near((await nums('weZ1Row'))[0], d.z1[0], 'z1[0] worked by hand');
  assert.deepEqual(await nums('weZ1Row', 'printed'), [WORKED.printed.z1[0]], 'the printed z1[0] beside it');
  // the step-through's own numbers (the engine's trace) agree with the derivation
  const anno = (row) => page.locator(`.net-anno[data-row="${row}"]`).innerText();
  await page.click('#stNext'); // forward, output: every z and a shown
  for (let j = 0; j < 3; j++) {
    const text = await anno(2 + j);
    near(Number(/z (-?[0-9.]+)/.exec(text)[1]), d.z1[j], `z1[${j}] in the step-through`);
    near(Number(/a (-?[0-9.]+)/.exec(text)[1]), d.a1[j], `a1[${j}] in the step-through`);
  }
  near(Number(/a (-?[0-9.]+)/.exec(await anno(5))[1]), d.a2, 'a2 in the step-through');
  // steps 4 and 6: dL/dw for h3 -> out and its update
  await page.click('#lessonNext');
  await page.click('#lessonNext');
  await ready(page, 'chain-rule', 4);
  await until(page, () => !/–/.test(document.querySelector('[data-formula="weGrad"]').textContent), null, 'grad');
  const [d2, a13, g] = await nums('weGrad'); // dL/dw = delta2 a1_3 = <d2> x <a1_3> = <grad>
  near(d2, d.d2, 'delta2');
  near(a13, d.a1[2], 'a1_3');
  near(g, d.g[2], 'dL/dw h3 -> out');
  await page.click('#lessonNext');
  await page.click('#lessonNext');
  await ready(page, 'chain-rule', 6);
  await until(page, () => !/–/.test(document.querySelector('[data-formula="weUpdate"]').textContent), null, 'update');
  near((await nums('weUpdate'))[1], d.w3After, 'w after one step');
  await page.close();
});

for (const code of ['en', 'zh'])
  test(`every lesson, end to end, in ${code === 'en' ? 'English' : 'Chinese'}`, async () => {
    const cat = CATALOGS[code];
    const page = await open(`lang=${code}&speed=max&seed=1`);
    for (const lesson of LESSONS) {
      await editLink(page, { lesson: lesson.id, step: '1' }, false); // ready() below waits
      for (let i = 0; i < lesson.steps.length; i++) {
        await ready(page, lesson.id, i + 1);
        const key = `lesson.${lesson.id}.${i + 1}`;
        assert.equal(await page.locator('#lessonTitle').innerText(), cat[`${key}.title`], `${key} title in ${code}`);
        assert.equal(await page.locator('#lessonStatus').innerText(), cat['lessons.notYet'], `${key}: not done`);
        await page.waitForTimeout(2 * 250 + 100); // two checks have run
        assert.equal((await state(page)).done, false, `${key}: the check fails before the task is done`);
        if (code === 'en' && i === 1 && ['chain-rule', 'activations'].includes(lesson.id))
          await page.screenshot({ path: path.join(shots, `lesson-${lesson.id}-${code}.png`) });
        await DO[lesson.id][i](page);
        assert.equal((await state(page)).done, true, `${key}: the check passes after the task`);
        assert.match(await page.locator('#lessonStatus').innerText(), /^✓/);
        if (code === 'zh' && i === 1 && ['chain-rule', 'gradient-descent'].includes(lesson.id)) {
          await page.evaluate(() => scrollTo(0, 0)); // the lesson, not where the last click scrolled
          await page.screenshot({ path: path.join(shots, `lesson-${lesson.id}-${code}.png`) });
        }
        if (i < lesson.steps.length - 1) await page.click('#lessonNext');
      }
      assert.equal(
        await page.evaluate(() => localStorage.getItem('bp-lessons')).then((s) => JSON.parse(s).done[lesson.id].length),
        lesson.steps.length,
        `${lesson.id}: progress kept`,
      );
    }
    await page.close();
  });

test('links open the right lesson and step; tutorial= opens its lesson; an unknown lesson says so', async () => {
  let page = await open('lesson=chain-rule&step=3');
  await ready(page, 'chain-rule', 3);
  assert.equal(await page.evaluate(() => window.playground.step), true, 'the step-through is open');
  assert.match(await page.evaluate(() => location.hash), /preset=worked-example.*lesson=chain-rule&step=3/);
  assert.equal(await page.locator('#lessonTitle').innerText(), en['lesson.chain-rule.3.title']);
  // back goes to step 2, and the link follows
  await page.click('#lessonBack');
  await ready(page, 'chain-rule', 2);
  assert.match(await page.evaluate(() => location.hash), /lesson=chain-rule&step=2/);
  await page.close();
  page = await open('tutorial=dp-learning-rate&seed=1');
  await ready(page, 'gradient-descent', 1);
  await page.close();
  // a lesson id is link text: a payload is shown as text, never run or parsed
  page = await open(`lesson=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`);
  await ready(page, LESSONS[0].id, 1);
  assert.match(await page.locator('#messages').innerText(), /<img src=x onerror=window.__pwned=1>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#messages img, #lessonPanel img').count(), 0);
  await page.close();
  page = await open('lesson=no-such-lesson&step=2');
  await ready(page, LESSONS[0].id, 2);
  assert.match(await page.locator('#messages').innerText(), /no-such-lesson/);
  // closing lesson mode drops the keys and the highlights
  await page.click('#lessonClose');
  await until(page, () => !window.playground.config.lesson && !window.playground.lesson, null, 'closed');
  assert.equal(await page.locator('#lessonPanel').isHidden(), true);
  assert.equal(await page.locator('.lesson-hl').count(), 0);
  // the Lessons button reopens the last step opened
  await page.click('#lessons');
  await ready(page, LESSONS[0].id, 2);
  await page.close();
});

test('axe finds no violations in lesson mode; at 390 x 844 lesson and plot are both reachable', async () => {
  for (const [hash, size] of [
    ['lesson=chain-rule&step=2', undefined],
    ['lesson=activations&step=3', undefined],
    ['lesson=gradient-descent&step=1', { width: 390, height: 844 }],
  ]) {
    const page = await open(hash, size);
    const [id, step] = [/lesson=([^&]+)/.exec(hash)[1], Number(/step=(\d+)/.exec(hash)[1])];
    await ready(page, id, step);
    assert.deepEqual(await axeViolations(page), [], `axe: ${hash}`);
    if (size) {
      const m = await page.evaluate(() => {
        // a plain object: WebDriver BiDi does not serialise a DOMRect's fields
        const box = (e) => {
          const { top, bottom, left, right, height } = e.getBoundingClientRect();
          return { top, bottom, left, right, height };
        };
        const panel = document.getElementById('lessonPanel');
        return {
          overflow: document.scrollingElement.scrollWidth - innerWidth,
          panel: box(panel),
          panelScrolls: panel.scrollHeight > panel.clientHeight,
          output: box(document.getElementById('output')),
          task: box(document.querySelector('.lesson-task')),
        };
      });
      assert.ok(m.overflow <= 0, `no sideways scrolling (${m.overflow} px too wide)`);
      assert.ok(
        m.panel.top < 844 && m.panel.height <= 0.5 * 844,
        'the lesson is on the first screen, at most half of it',
      );
      assert.ok(m.output.left >= 0 && m.output.right <= 390, 'the plot fits the width');
      await page.locator('.lesson-task').scrollIntoViewIfNeeded();
      assert.ok(await page.locator('.lesson-task').isVisible(), 'the task is reachable');
      await page.locator('#output').scrollIntoViewIfNeeded();
      const out = await page.evaluate(() => {
        const { top, bottom } = document.getElementById('output').getBoundingClientRect();
        return { top, bottom };
      });
      assert.ok(out.top >= 0 && out.bottom <= 845, `the plot scrolls into view: ${JSON.stringify(out)}`);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, 'lesson-phone-390x844.png') });
    }
    await page.close();
  }
});

test('no request left 127.0.0.1; console clean', () => {
  assert.deepEqual(b.external, []);
  assert.deepEqual(b.consoleErrors, []);
});
