// export.js: downloads of the trained model (JSON with config and weights, a PyTorch script, a
// Keras script: text made by the engine), of the boundary picture (the output canvas with its
// points, as PNG), and "Import model JSON", which restores config, data and weights (the old model
// stays when the file is refused). Next to a download it lists the engine's predictions at the
// points the script prints, so a user can check that the script reproduces them.
import { engineText, t as tr } from '../i18n.js'; // t is a table here
import { download, readFileBytes, stamp } from './download.js';
import { textTable } from './table.js';

const MAX_MODEL_BYTES = 32 * 1048576;
const FORMATS = {
  json: { ext: 'json', type: 'application/json', what: 'exp.json' },
  pytorch: { ext: 'py', type: 'text/x-python', what: 'exp.pytorch' },
  keras: { ext: 'py', type: 'text/x-python', what: 'exp.keras' },
};

const num = (v) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(6) : v.toExponential(6));

export function initExport(ctx) {
  const { client, message } = ctx;
  const $ = (id) => document.getElementById(id);

  function showPredictions(what, points, predictions) {
    const box = $('exportInfo');
    const p = document.createElement('p');
    p.textContent = tr('exp.downloaded', { what: tr(what) });
    const K = predictions.length ? predictions[0].length : 1;
    const headers = [
      'x1',
      'x2',
      ...(K === 1 ? [tr('exp.output')] : Array.from({ length: K }, (_, k) => `p(${tr('cls.class', { k })})`)),
    ];
    const t = textTable(
      headers,
      points.map((pt, i) => [String(pt[0]), String(pt[1]), ...Array.from(predictions[i], num)]),
    );
    t.className = 'pred-table';
    box.replaceChildren(p, t);
  }

  async function exportFormat(format) {
    const f = FORMATS[format];
    try {
      const r = await client.call('exportCode', { format });
      download(`backprop-model-${format === 'json' ? '' : `${format}-`}${stamp()}.${f.ext}`, r.text, f.type); // the two .py scripts apart
      showPredictions(f.what, r.points, r.predictions);
    } catch (e) {
      message(() => tr('exp.failed', { error: e.message }), 'error', 'export');
    }
  }
  $('exportJson').onclick = () => exportFormat('json');
  $('exportPytorch').onclick = () => exportFormat('pytorch');
  $('exportKeras').onclick = () => exportFormat('keras');
  $('exportPng').onclick = () => {
    $('output').toBlob((blob) => {
      if (!blob) return message(() => tr('exp.pngFailed'), 'error', 'export');
      download(`backprop-boundary-${stamp()}.png`, blob);
      $('exportInfo').textContent = tr('exp.pngDone');
    }, 'image/png');
  };
  $('modelFile').onchange = async (e) => {
    const file = e.target.files[0];
    e.target.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    try {
      const bytes = await readFileBytes(file, MAX_MODEL_BYTES);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const r = await client.call('loadModelJson', { text });
      ctx.setPlaying(false);
      ctx.apply(r);
      ctx.clearMessage('export');
      message(() => tr('exp.restored', { file: file.name }), 'info', 'export');
    } catch (err) {
      message(() => tr('exp.notLoaded', { file: file.name, error: engineText(err) }), 'error', 'export');
    }
  };
}
