// download.js: saves text or a Blob as a file through a temporary blob: link (the page's CSP allows
// blob: and nothing here is inserted as markup). Also reads a picked file as bytes, with a size cap
// so a huge file is refused with a message before it is read into memory.
import { t } from '../i18n.js';

/** @param {string} name @param {Blob|string} data @param {string} [type] */
export function download(name, data, type = 'text/plain') {
  const blob = data instanceof Blob ? data : new Blob([data], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000); // the download has started by then
}

/**
 * The bytes of a picked file, or an Error naming why not.
 * @param {File} file @param {number} maxBytes
 * @returns {Promise<Uint8Array>}
 */
export async function readFileBytes(file, maxBytes) {
  if (file.size > maxBytes)
    throw new Error(
      t('file.tooBig', { file: file.name, size: (file.size / 1048576).toFixed(1), max: maxBytes / 1048576 }),
    );
  return new Uint8Array(await file.arrayBuffer());
}

/** A file name stamp such as 2024-05-01-1230, from the local clock. */
export function stamp(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
