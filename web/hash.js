// hash.js: edits one key of a URL hash string ("k=v&k2=v2"), leaving every other part as written.
// No validation and no defaults here: the engine's codec parses and validates every hash.
export function setKey(hash, key, value) {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '');
  const enc = `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  const i = parts.findIndex((p) => p.split('=')[0] === key);
  if (i >= 0) parts[i] = enc;
  else parts.push(enc);
  return parts.join('&');
}

export function setKeys(hash, obj) {
  for (const [k, v] of Object.entries(obj)) hash = setKey(hash, k, v);
  return hash;
}

/** The hash without key (every occurrence). */
export function dropKey(hash, key) {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '' && p.split('=')[0] !== key)
    .join('&');
}
