// axes-legend.js: the static frames around the output picture: ticks and labels -6..6 beside a
// heatmap (SVG built with createElementNS, or a canvas) and the colour legend bar from -1 to +1.
// Drawn at start and on a theme change (app.js, controls.js), not per frame; the per-frame picture is heatmap.js.
import { makeLut } from './colors.js';
import { DOMAIN, offscreen, screenRatio } from './heatmap.js';

const SVGNS = 'http://www.w3.org/2000/svg';

/**
 * Ticks and labels -6..6 (every `step`) around a heatmap of `size` CSS px placed at the target's
 * top-left: x axis below it, y axis to its right. The target is sized size + margin in both
 * directions. SVG target: built with createElementNS, drawn in currentColor; canvas: its CSS color.
 * @param {SVGSVGElement|HTMLCanvasElement} target @param {number} size
 * @param {{step?: number, margin?: number}} [opts]
 */
export function drawAxes(target, size, { step = 2, margin = 22 } = {}) {
  const total = size + margin,
    at = (v) => ((v + DOMAIN) / (2 * DOMAIN)) * size,
    marks = [];
  for (let v = -DOMAIN; v <= DOMAIN + 1e-9; v += step) {
    const x = at(v),
      y = size - at(v),
      t = String(v); // [tick x1 y1 x2 y2, label, its x y anchor]
    // The first x label and the top y label would stick out of the frame: pull them inside.
    marks.push(
      [x, size, x, size + 4, t, x, size + 15, v === -DOMAIN ? 'start' : 'middle'],
      [size, y, size + 4, y, t, size + 6, Math.max(9, y + 3.5), 'start'],
    );
  }
  if (typeof SVGSVGElement !== 'undefined' && target instanceof SVGSVGElement) {
    while (target.firstChild) target.removeChild(target.firstChild);
    for (const [k, v] of [
      ['width', total],
      ['height', total],
      ['viewBox', `0 0 ${total} ${total}`],
    ])
      target.setAttribute(k, String(v));
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(SVGNS, tag);
      for (const k in attrs) e.setAttribute(k, String(attrs[k]));
      if (text !== undefined) e.textContent = text;
      target.appendChild(e);
    };
    for (const [x1, y1, x2, y2, t, x, y, a] of marks) {
      add('line', { x1, y1, x2, y2, stroke: 'currentColor' });
      add('text', { x, y, 'text-anchor': a, 'font-size': 10, fill: 'currentColor' }, t);
    }
    return;
  }
  const dpr = screenRatio();
  target.width = target.height = Math.round(total * dpr);
  target.style.width = target.style.height = `${total}px`;
  const ctx = target.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, total, total);
  ctx.strokeStyle = ctx.fillStyle = getComputedStyle(target).color || '#555';
  ctx.font = '10px sans-serif';
  ctx.beginPath();
  for (const [x1, y1, x2, y2, t, x, y, a] of marks) {
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.textAlign = a === 'middle' ? 'center' : 'left';
    ctx.fillText(t, x, y);
  }
  ctx.stroke();
}

/**
 * A horizontal gradient bar from -1 (left) to +1 (right) with labels -1, 0, 1 below it, in the
 * canvas's CSS size (its layout size, else its width/height attributes).
 * @param {HTMLCanvasElement} canvas @param {string} paletteName @param {boolean} dark
 * @param {{discretize?: boolean}} [opts]
 */
export function drawLegend(canvas, paletteName, dark, { discretize = false } = {}) {
  const w = canvas.clientWidth || canvas.width,
    h = canvas.clientHeight || canvas.height;
  const dpr = screenRatio();
  [canvas.width, canvas.height] = [Math.round(w * dpr), Math.round(h * dpr)];
  [canvas.style.width, canvas.style.height] = [`${w}px`, `${h}px`];
  const lut = makeLut(paletteName, { dark, discretize });
  const strip = offscreen(256, 1),
    sctx = strip.getContext('2d'),
    img = sctx.createImageData(256, 1);
  new Uint32Array(img.data.buffer).set(lut);
  sctx.putImageData(img, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const bar = Math.max(4, h - 14);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(strip, 0.5, 0, 255, 1, 0, 0, w, bar); // texel centres 0 and 255 on the bar's ends
  ctx.fillStyle =
    (typeof getComputedStyle === 'function' && getComputedStyle(canvas).color) || (dark ? '#ddd' : '#333');
  ctx.font = '10px sans-serif';
  ctx.textBaseline = 'bottom';
  for (const [t, a, x] of [
    ['-1', 'left', 0],
    ['0', 'center', w / 2],
    ['1', 'right', w],
  ]) {
    ctx.textAlign = a;
    ctx.fillText(t, x, h);
  }
}
