// landscape-view.js: draws the loss landscape panel's picture (issue 18): the n x n training
// losses of a plane through weight space as the heatmap the worker painted (worker-landscape.js
// paint: log loss on the palette's table) with contour lines (marching squares on the grid, evenly
// spaced in log loss), the recorded trajectory projected on the plane as a path, and the current
// weights (the centre), and a race's variants' paths in their run colours. Draws only; the numbers are the engine's (worker 'landscape').

import { runColour, runDash } from './runchart.js';

const LEVELS = 10; // contour lines, evenly spaced in log loss between the plane's extremes

/** Plane coordinate -> canvas pixel: grid point i of n sits at the centre of cell i (side S / n),
 * coordinate -span at cell 0, +span at cell n - 1 (beta: pass -beta, rows run downwards). */
export const toPixel = (a, span, n, S) => ((0.5 + ((a / span + 1) * (n - 1)) / 2) * S) / n;
/** Canvas pixel -> the nearest grid index, 0..n-1. */
export const toIndex = (px, n, S) => Math.max(0, Math.min(n - 1, Math.round((px * n) / S - 0.5)));

/**
 * @param {HTMLCanvasElement} cv
 * @param {{n: number, span: number, loss: Float32Array, rgba: Uint8ClampedArray, lo: number,
 *          hi: number, path: Float32Array, done: boolean}} p
 * @param {{dark: boolean}} look
 * @returns {boolean} whether there was a picture to draw
 */
export function drawLandscape(cv, p, look) {
  const g = cv.getContext('2d'),
    S = cv.width,
    { n, span, loss, lo, hi } = p;
  if (!(hi >= lo)) return false;
  const llo = Math.log(lo),
    lr = Math.max(1e-12, Math.log(hi) - llo);
  const t = (v) => (v > 0 && Number.isFinite(v) ? (Math.log(v) - llo) / lr : 1); // 0 low .. 1 high
  const tmp = new OffscreenCanvas(n, n);
  tmp.getContext('2d').putImageData(new ImageData(p.rgba, n, n), 0, 0);
  g.imageSmoothingEnabled = true;
  g.clearRect(0, 0, S, S);
  // grid point (c, r) is the centre of a cell of side S / n
  g.drawImage(tmp, 0, 0, S, S);
  // contours once the plane is whole: marching squares between grid points (cell centres); each
  // cell draws only the levels between its corners' values, without allocating
  if (p.done) {
    const cell = S / n,
      T = new Float32Array(n * n),
      cx = [0, 1, 1, 0],
      cy = [0, 0, 1, 1],
      v = [0, 0, 0, 0],
      pts = [0, 0, 0, 0];
    for (let i = 0; i < n * n; i++) T[i] = t(loss[i]);
    g.strokeStyle = look.dark ? 'rgba(255,255,255,0.35)' : 'rgba(0,0,0,0.3)';
    g.lineWidth = 1;
    g.beginPath();
    for (let r = 0; r + 1 < n; r++)
      for (let c = 0; c + 1 < n; c++) {
        v[0] = T[r * n + c];
        v[1] = T[r * n + c + 1];
        v[2] = T[(r + 1) * n + c + 1];
        v[3] = T[(r + 1) * n + c];
        const lo = Math.min(v[0], v[1], v[2], v[3]),
          hi = Math.max(v[0], v[1], v[2], v[3]);
        for (let q = Math.ceil(lo * LEVELS); q < hi * LEVELS; q++) {
          const L = q / LEVELS;
          if (L <= 0 || L >= 1) continue;
          let k = 0;
          for (let e = 0; e < 4 && k < 4; e++) {
            const a = v[e],
              b = v[(e + 1) & 3];
            if (a < L !== b < L) {
              const f = (L - a) / (b - a),
                e1 = (e + 1) & 3;
              pts[k++] = (c + 0.5 + cx[e] + f * (cx[e1] - cx[e])) * cell;
              pts[k++] = (r + 0.5 + cy[e] + f * (cy[e1] - cy[e])) * cell;
            }
          }
          if (k === 4) {
            g.moveTo(pts[0], pts[1]);
            g.lineTo(pts[2], pts[3]);
          }
        }
      }
    g.stroke();
  }
  // the trajectory, oldest first, and the current weights at the centre
  const path = p.path,
    X = (a) => toPixel(a, span, n, S),
    Y = (b) => toPixel(-b, span, n, S);
  if (path && path.length >= 4) {
    g.strokeStyle = look.dark ? '#fff' : '#111';
    g.lineWidth = 1.5;
    g.beginPath();
    for (let i = 0; i < path.length; i += 2) (i ? g.lineTo : g.moveTo).call(g, X(path[i]), Y(path[i + 1]));
    g.stroke();
    g.fillStyle = g.strokeStyle;
    g.beginPath();
    g.arc(X(path[0]), Y(path[1]), 2.5, 0, 2 * Math.PI);
    g.fill();
  }
  // a race's variants (each starts where the main path starts when it has the same weights)
  for (const v of p.variants || []) {
    if (!v.path || v.path.length < 4) continue;
    g.beginPath();
    for (let i = 0; i < v.path.length; i += 2) (i ? g.lineTo : g.moveTo).call(g, X(v.path[i]), Y(v.path[i + 1]));
    // a halo first: a run colour can be the heatmap's own colour (orange on high loss)
    g.strokeStyle = look.dark ? 'rgba(0,0,0,0.7)' : 'rgba(255,255,255,0.8)';
    g.lineWidth = 3.5;
    g.stroke();
    g.strokeStyle = runColour(v.i);
    g.setLineDash(runDash(v.i));
    g.lineWidth = 1.5;
    g.stroke();
    g.setLineDash([]);
    const e = v.path.length - 2; // where it is now
    g.fillStyle = runColour(v.i);
    g.beginPath();
    g.arc(X(v.path[e]), Y(v.path[e + 1]), 3, 0, 2 * Math.PI);
    g.fill();
  }
  g.fillStyle = '#e0552b';
  g.beginPath();
  g.arc(S / 2, S / 2, 4, 0, 2 * Math.PI);
  g.fill();
  return true;
}
