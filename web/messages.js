// messages.js: the page's message list (#messages). One message per key: a later one with the same
// key replaces it; clearMessage(key) removes it. Text goes in through textContent only: URL and
// file text is untrusted. A message given as a function of the language (() => t(...)) is written
// again in the new language when the page's language changes.
import { onLangChange, t } from './i18n.js';

const box = () => document.getElementById('messages');
const texts = new WeakMap(); // a shown message's span -> the function that writes it

/**
 * @param {string|(() => string)} text
 * @param {'info'|'warn'|'error'} kind
 * @param {string} key
 * @param {{label: string, run: () => void}|null} action a button that does what the message
 *   suggests (and dismisses it)
 */
export function message(text, kind = 'info', key = '', action = null) {
  clearMessage(key);
  const m = document.createElement('div');
  m.className = `msg ${kind}`;
  if (key) m.dataset.key = key;
  const span = document.createElement('span');
  span.textContent = typeof text === 'function' ? text() : text;
  if (typeof text === 'function') texts.set(span, text);
  m.append(span);
  if (action) {
    const a = document.createElement('button');
    a.className = 'text-btn msg-action';
    a.textContent = action.label;
    a.onclick = () => {
      m.remove();
      action.run();
    };
    m.append(a);
  }
  const x = document.createElement('button');
  x.className = 'msg-close';
  x.textContent = '×';
  x.setAttribute('aria-label', t('msg.dismiss'));
  x.onclick = () => m.remove();
  m.append(x);
  box().appendChild(m);
}

onLangChange(() => {
  for (const span of box().querySelectorAll('.msg > span')) if (texts.has(span)) span.textContent = texts.get(span)();
  for (const x of box().querySelectorAll('.msg-close')) x.setAttribute('aria-label', t('msg.dismiss'));
});

export function clearMessage(key) {
  const old = key && box().querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (old) old.remove();
}
