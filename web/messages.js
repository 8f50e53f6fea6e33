// messages.js: the page's message list (#messages). One message per key: a later one with the same
// key replaces it; clearMessage(key) removes it. Text goes in through textContent only: URL and
// file text is untrusted.
const box = () => document.getElementById('messages');

/**
 * @param {string} text
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
  const t = document.createElement('span');
  t.textContent = text;
  m.append(t);
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
  x.setAttribute('aria-label', 'dismiss this message');
  x.onclick = () => m.remove();
  m.append(x);
  box().appendChild(m);
}

export function clearMessage(key) {
  const old = key && box().querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (old) old.remove();
}
