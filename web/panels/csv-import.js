// csv-import.js: the CSV import dialog (file picker or pasted text, a preview of the first rows read
// by the engine's own CSV parser, selects for the x1, x2 and label columns and boxes for more input
// columns, Import) and the CSV
// export of the current train and test points. The engine validates everything; its message
// (naming the row and column) is shown in the dialog in the page's language (i18n.js engineText,
// written again when the language changes), and the old data stays until an import works.
import { engineText, onLangChange, t as tr } from '../i18n.js'; // t is a table here
import { download, readFileBytes, stamp } from './download.js';
import { noteLink } from './data-edit.js';
import { textTable } from './table.js';

const MAX_FILE_BYTES = 64 * 1048576; // far above the engine's 100,000 rows of ordinary numbers
const PREVIEW_ROWS = 5;

/**
 * The shortest decimal that reads back as the same float32 (1.633, not its float64 expansion
 * 1.6330000162124634). Nine significant digits always do, so the loop ends by p = 9.
 * @param {number} v a float32 value (from a Float32Array)
 */
export function float32Text(v) {
  if (Object.is(v, -0)) return '-0';
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p < 9; p++) {
    const d = Number(v.toPrecision(p));
    if (Math.fround(d) === v) return String(d);
  }
  return String(Number(v.toPrecision(9)));
}

/**
 * One CSV cell. Numbers (float32 points) are written as the shortest decimal that reads back
 * bit-exactly; text that a spreadsheet would run as a formula (= + - @, tab, CR first) is
 * prefixed with ' (CSV injection).
 */
export function csvCell(v) {
  if (typeof v === 'number') return float32Text(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The points as CSV text: x1, x2, label and which set (train or test) each point is in. */
export function pointsCsv(train, test) {
  const lines = [['x1', 'x2', 'label', 'set'].join(',')];
  for (const [pts, set] of [
    [train, 'train'],
    [test, 'test'],
  ])
    for (let i = 0; i + 2 < pts.length; i += 3)
      lines.push([pts[i], pts[i + 1], pts[i + 2], set].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

export function initCsv(ctx) {
  const { st, client } = ctx;
  const $ = (id) => document.getElementById(id);
  const dialog = $('csvDialog');
  let source = null,
    sourceName = '',
    seq = 0;

  let errorText = () => ''; // what the error line says, in the page's language
  function showError(text) {
    errorText = typeof text === 'function' ? text : () => text;
    $('csvError').textContent = errorText();
    $('csvError').hidden = !$('csvError').textContent;
  }
  onLangChange(() => showError(errorText));
  // Default columns: the numeric ones in order (skipping text such as names), the label by its name
  // when it has a usual one, else the last column when it holds words (class names), else the third
  // numeric one. With fewer than three numeric columns (a bad cell in the first rows) the first three
  // columns are taken, so the import names the bad cell instead of skipping it. Every other numeric
  // column is a further input, up to 64 in all.
  function fillColumns(cols, numeric) {
    const all = cols.map((_, i) => i);
    let ok = all.filter((i) => numeric[i]);
    const last = cols.length - 1;
    const words = ok.length >= 2 && !numeric[last] ? last : undefined;
    if (ok.length + (words === undefined ? 0 : 1) < 3) ok = all;
    const named = all.find((i) => /^(label|labels|class|species|target|value|output)$/i.test(cols[i].trim()));
    const label = named ?? words ?? ok[Math.min(2, ok.length - 1)];
    const xs = ok.filter((i) => i !== label);
    const choice = [xs[0] ?? 0, xs[1] ?? xs[0] ?? 0, label ?? 0];
    ['csvX1', 'csvX2', 'csvLabel'].forEach((id, k) => {
      $(id).replaceChildren(
        ...cols.map((c, i) => {
          const o = document.createElement('option');
          o.value = String(i);
          o.textContent = `${i + 1}: ${c}`;
          return o;
        }),
      );
      $(id).value = String(choice[k]);
    });
    const more = $('csvMore');
    more.replaceChildren(more.firstElementChild); // its legend
    cols.forEach((c, i) => {
      const box = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = String(i);
      input.checked = numeric[i] && xs.indexOf(i) >= 2 && xs.indexOf(i) < 64;
      box.append(input, ` ${i + 1}: ${c}`);
      more.appendChild(box);
    });
    more.hidden = cols.length <= 3;
    syncMore();
  }
  // x1, x2 and the label are not "more" columns: their boxes are off and disabled.
  function syncMore() {
    const taken = new Set(['csvX1', 'csvX2', 'csvLabel'].map((id) => $(id).value));
    for (const input of $('csvMore').querySelectorAll('input')) {
      input.disabled = taken.has(input.value);
      if (input.disabled) input.checked = false;
    }
  }
  for (const id of ['csvX1', 'csvX2', 'csvLabel']) $(id).addEventListener('change', syncMore);
  function table(p) {
    const t = textTable(p.columns, p.rows);
    const note = document.createElement('p');
    note.className = 'hint';
    const rows = p.rows.length === 1 ? tr('csv.onlyRow') : tr('csv.firstRows', { n: p.rows.length });
    note.textContent = tr(p.hasHeader ? 'csv.withHeader' : 'csv.noHeader', { rows });
    return [t, note];
  }
  // Called as soon as the source changes, so nothing of the previous file can be imported.
  function resetPreview() {
    ++seq;
    $('csvImport').disabled = true;
    $('csvPreview').replaceChildren();
    showError('');
  }
  async function preview() {
    resetPreview();
    const my = seq;
    if (source === null) return;
    let p;
    try {
      p = (await client.call('csvPreview', { text: source, maxRows: PREVIEW_ROWS })).preview;
    } catch (e) {
      p = { ok: false, error: e.message };
    }
    if (my !== seq) return; // a newer file or paste replaced this one
    const from = sourceName;
    if (!p.ok) return showError(() => `${from}: ${engineText(p)}`);
    $('csvPreview').append(...table(p));
    fillColumns(p.columns, p.numeric);
    $('csvImport').disabled = false;
  }

  $('csvOpen').onclick = () => {
    showError('');
    dialog.showModal();
  };
  $('csvCancel').onclick = () => dialog.close();
  $('csvFile').onchange = async (e) => {
    const f = e.target.files[0];
    resetPreview();
    if (!f) return;
    $('csvPaste').value = '';
    sourceName = f.name;
    try {
      source = await readFileBytes(f, MAX_FILE_BYTES);
    } catch (err) {
      source = null;
      return showError(err.message);
    }
    preview();
  };
  let timer = 0;
  $('csvPaste').oninput = () => {
    resetPreview();
    clearTimeout(timer);
    timer = setTimeout(() => {
      $('csvFile').value = '';
      source = $('csvPaste').value || null; // an emptied box is no source (an empty file is one)
      sourceName = tr('csv.pasted');
      preview();
    }, 250);
  };
  $('csvImport').onclick = async () => {
    const [x1, x2, clabel] = ['csvX1', 'csvX2', 'csvLabel'].map((id) => Number($(id).value));
    const more = [...$('csvMore').querySelectorAll('input:checked')].map((b) => Number(b.value));
    $('csvImport').disabled = true;
    try {
      const r = await client.call('loadCsv', { text: source, cols: [x1, x2, ...more], clabel });
      ctx.apply(r);
      noteLink(ctx, r);
      dialog.close();
      const n = (r.train.length + r.test.length) / 3;
      const from = sourceName;
      ctx.message(
        () =>
          tr(r.slice ? 'csv.importedRows' : 'csv.importedPoints', {
            n,
            columns: r.slice ? r.slice.names.length : 0,
            from,
            train: r.train.length / 3,
            test: r.test.length / 3,
          }) + (r.changed ? tr('csv.changed', { what: engineText(r.changed) }) : ''),
        'info',
        'csv',
      );
    } catch (e) {
      const from = sourceName;
      showError(() => tr('csv.notImported', { from, error: engineText(e) }));
    } finally {
      $('csvImport').disabled = false;
    }
  };
  $('csvExport').onclick = () => {
    download(`points-${stamp()}.csv`, pointsCsv(st.train, st.test), 'text/csv');
  };
}
