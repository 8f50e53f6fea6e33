// table.js: a plain table of text (a header row, then rows of cells), built with textContent
// only: its cells may hold a user's file text.

/** @param {string[]} headers @param {string[][]} rows @returns {HTMLTableElement} */
export function textTable(headers, rows) {
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  return t;
}
