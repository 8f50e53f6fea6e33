// colors.js: the playground's colour rules, shared by every view. A value in [-1, 1] maps to a
// diverging scale (-1 -> "neg", 0 -> "mid", +1 -> "pos"); classes of a multi-class problem get
// fixed colours. Heatmaps never call a colour function per pixel: they index a 256-entry table of
// packed RGBA (makeLut) with valueToIndex's arithmetic. No DOM access: this module also loads in
// Node and in workers. Unknown palette names fall back to "default"; no function here throws.

/**
 * @typedef {{name: string, neg: string, mid: string, midDark: string, pos: string,
 *            classes: string[], note: string}} Palette
 */

// Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
// deficiencies. Orange and blue first so a 2-class problem looks like the binary one.
const OKABE_ITO = ['#e69f00', '#0072b2', '#009e73', '#cc79a7', '#d55e00'];

/** @type {Record<string, Palette>} */
export const PALETTES = {
  default: {
    name: 'default',
    neg: '#f59322',
    mid: '#e8eaeb',
    midDark: '#2a2d31',
    pos: '#0877bd',
    classes: OKABE_ITO,
    note: 'TensorFlow Playground: orange (-1), light grey (0), blue (+1)',
  },
  colorblind: {
    name: 'colorblind',
    neg: '#b35806',
    mid: '#e8eaeb',
    midDark: '#2a2d31',
    pos: '#542788',
    classes: OKABE_ITO,
    // Ends of ColorBrewer "PuOr" (orange-brown / purple), rated colour-blind safe; the pair also
    // differs strongly in lightness, so it survives greyscale printing better than orange/blue.
    note: 'ColorBrewer PuOr ends: brown-orange (-1), light grey (0), purple (+1)',
  },
};

/** How far discretized colours move towards white (light) or the dark grey (dark theme), so that
 * points filled with the full colour stay visible on top of them. */
export const DISCRETE_LIGHTEN = 0.25;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** @param {string} name @returns {Palette} */
export function palette(name) {
  return Object.prototype.hasOwnProperty.call(PALETTES, name) ? PALETTES[name] : PALETTES.default;
}

/** '#rrggbb' -> [r, g, b] (0..255). Anything else -> mid grey, never throws. */
export function parseHex(hex) {
  const m = /^#?([0-9a-f]{6})$/i.exec(String(hex));
  if (!m) return [128, 128, 128];
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Linear blend in sRGB (what d3's interpolateRgb, and so TF Playground, does). t=0 -> a, t=1 -> b. */
export function mix(a, b, t) {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t));
}

/** [r, g, b] -> one uint32 in the byte order ImageData expects through a Uint32Array view. */
export function pack(rgb, alpha = 255) {
  const [r, g, b] = rgb;
  return (LITTLE_ENDIAN ? (alpha << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | alpha) >>> 0;
}

/**
 * Index 0..255 for a value: NaN -> 128 (neutral), clamped to [-1, 1]. Negatives floor and positives
 * round, so that index < 128 exactly when v < 0: discretize is then a property of the table alone.
 * Heatmap's pixel loop inlines this same arithmetic.
 * @param {number} v @returns {number}
 */
export function valueToIndex(v) {
  if (v >= 0) return v >= 1 ? 255 : (128.5 + v * 127) | 0;
  if (v < 0) return v <= -1 ? 0 : (128 + v * 128) | 0; // operand >= 0, so |0 floors
  return 128;
}

/** Centre value of table entry i: the inverse of valueToIndex (entry 0 -> -1, 128 -> 0, 255 -> 1). */
export function indexToValue(i) {
  return i >= 128 ? (i - 128) / 127 : (i - 128) / 128;
}

/** The three stops of a palette for a theme: [neg, mid, pos] as [r, g, b]. */
export function stops(paletteName, dark = false) {
  const p = palette(paletteName);
  return [parseHex(p.neg), parseHex(dark ? p.midDark : p.mid), parseHex(p.pos)];
}

/** Colour of a value on the smooth scale, [r, g, b]; NaN -> mid. */
export function rgbOf(paletteName, v, dark = false) {
  const s = stops(paletteName, dark);
  return v === v ? blend(s, Math.max(-1, Math.min(1, v))) : s[1];
}

/** The smooth scale's colour of c in [-1, 1] between stops [neg, mid, pos]. */
function blend([n, m, p], c) {
  return c < 0 ? mix(m, n, -c) : mix(m, p, c);
}

/** Full colour of a discretized sign (s < 0 -> neg, else pos), moved DISCRETE_LIGHTEN to the background. */
export function discreteRgb(paletteName, s, dark = false) {
  const [n, , p] = stops(paletteName, dark);
  return mix(s < 0 ? n : p, dark ? parseHex(palette(paletteName).midDark) : [255, 255, 255], DISCRETE_LIGHTEN);
}

/**
 * 256 packed RGBA entries, entry i for value indexToValue(i).
 * @param {string} paletteName
 * @param {{dark?: boolean, discretize?: boolean}} [opts]
 * @returns {Uint32Array}
 */
export function makeLut(paletteName, { dark = false, discretize = false } = {}) {
  const lut = new Uint32Array(256);
  if (discretize) {
    const n = pack(discreteRgb(paletteName, -1, dark));
    const p = pack(discreteRgb(paletteName, 1, dark));
    for (let i = 0; i < 256; i++) lut[i] = i < 128 ? n : p;
    return lut;
  }
  const s = stops(paletteName, dark); // parsed once, not per entry (this runs at start-up)
  for (let i = 0; i < 256; i++) lut[i] = pack(blend(s, indexToValue(i)));
  return lut;
}

/**
 * Per-class tables for multi-class heatmaps: entry k*256 + i is class k's colour at strength i/255,
 * blended from the theme's neutral (i = 0) to the full class colour (i = 255).
 * @returns {Uint32Array} K * 256 entries
 */
export function makeClassLut(paletteName, K, { dark = false, discretize = false } = {}) {
  const lut = new Uint32Array(K * 256);
  const mid = stops(paletteName, dark)[1];
  for (let k = 0; k < K; k++) {
    const c = classRgb(paletteName, k);
    const full = discretize ? mix(c, dark ? mid : [255, 255, 255], DISCRETE_LIGHTEN) : null;
    for (let i = 0; i < 256; i++) lut[k * 256 + i] = pack(full || mix(mid, c, i / 255));
  }
  return lut;
}

/** Class k's colour, [r, g, b]; classes beyond the palette's list cycle. */
export function classRgb(paletteName, k) {
  const cl = palette(paletteName).classes;
  const i = Number.isFinite(k) ? ((Math.trunc(k) % cl.length) + cl.length) % cl.length : 0;
  return parseHex(cl[i]);
}

function css(rgb) {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** CSS colour of a value on the smooth scale (links, biases, legends); NaN -> neutral. */
export function cssColor(paletteName, v, dark = false) {
  return css(rgbOf(paletteName, v, dark));
}

/** CSS colour of class k. */
export function classCss(paletteName, k) {
  return css(classRgb(paletteName, k));
}
