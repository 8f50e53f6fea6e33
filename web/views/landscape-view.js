// landscape-view.js: draws the loss landscape panel's picture (issue 18): the n x n training
// losses of a plane through weight space as the heatmap the worker painted (worker-landscape.js
// paint: log loss on the palette's table) with contour lines (marching squares on the grid, evenly
// spaced in log loss), the recorded trajectory projected on the plane as a path, and the current
// weights (the centre). Draws only; the numbers are the engine's (worker 'landscape').

const LEVELS = 10; // contour lines, evenly spaced in log loss between the plane's extremes

/** Plane coordinate -> canvas pixel: grid point i of n sits at the centre of cell i (side S / n),
 * coordinate -span at cell 0, +span at cell n - 1 (beta: pass -beta, rows run downwards). */
export const toPixel = (a, span, n, S) => ((0.5 + ((a / span + 1) * (n - 1)) / 2) * S) / n;
/** Canvas pixel -> the nearest grid index, 0..n-1. */
export const toIndex = (px, n, S) => Math.max(0, Math.min(n - 1, Math.round((px * n) / S - 0.5)));

/**
 * @param {HTMLCanvasElement} cv
 * @param {{n: number, span: number, loss: Float32Array, rgba: Uint8ClampedArray, lo: number,
 *          hi: number, path: Float32Array}} p
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
  // contours: marching squares between grid points (cell centres), segment per crossing pair
  const cell = S / n,
    at = (c) => (c + 0.5) * cell;
  g.strokeStyle = look.dark ? 'rgba(255,255,255,0.35)' : 'rgba(0,0,0,0.3)';
  g.lineWidth = 1;
  g.beginPath();
  for (let q = 1; q < LEVELS; q++) {
    const L = q / LEVELS;
    for (let r = 0; r + 1 < n; r++)
      for (let c = 0; c + 1 < n; c++) {
        const v = [t(loss[r * n + c]), t(loss[r * n + c + 1]), t(loss[(r + 1) * n + c + 1]), t(loss[(r + 1) * n + c])];
        const xy = [
          [at(c), at(r)],
          [at(c + 1), at(r)],
          [at(c + 1), at(r + 1)],
          [at(c), at(r + 1)],
        ];
        const cross = [];
        for (let e = 0; e < 4; e++) {
          const a = v[e],
            b = v[(e + 1) % 4];
          if (a < L !== b < L) {
            const f = (L - a) / (b - a),
              [x0, y0] = xy[e],
              [x1, y1] = xy[(e + 1) % 4];
            cross.push([x0 + f * (x1 - x0), y0 + f * (y1 - y0)]);
          }
        }
        for (let k = 0; k + 1 < cross.length; k += 2) {
          g.moveTo(cross[k][0], cross[k][1]);
          g.lineTo(cross[k + 1][0], cross[k + 1][1]);
        }
      }
  }
  g.stroke();
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
  g.fillStyle = '#e0552b';
  g.beginPath();
  g.arc(S / 2, S / 2, 4, 0, 2 * Math.PI);
  g.fill();
  return true;
}
