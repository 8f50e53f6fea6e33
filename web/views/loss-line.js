// loss-line.js: the step-through's picture of one weight (issue 18, "one weight"): the loss as a
// function of that weight alone, L(w), from the engine (worker 'lossLine'), for the traced point
// (solid; its dL/dw is the one the chain rule shows) and for the whole training set (faint); the
// tangent at the current w with the chain rule's slope; and where one optimizer step moves w.
// Draws only: every number comes from the engine's trace and loss line.

/**
 * @param {HTMLCanvasElement} cv
 * @param {{w: number, half: number, point: Float32Array|null, train: Float32Array, grad: number,
 *          wAfter: number, loss: number, dark?: boolean}} d
 */
export function drawLossLine(cv, d) {
  const g = cv.getContext('2d'),
    W = cv.width,
    H = cv.height,
    pad = 6;
  g.clearRect(0, 0, W, H);
  const curves = [d.point, d.train].filter(Boolean);
  let lo = Infinity,
    hi = -Infinity;
  for (const c of curves) for (const v of c) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!(hi >= lo)) return;
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5, hi + 0.5];
  const x = (w) => pad + ((w - (d.w - d.half)) / (2 * d.half)) * (W - 2 * pad);
  const y = (L) => H - pad - ((L - lo) / (hi - lo)) * (H - 2 * pad);
  const ink = d.dark ? '#ddd' : '#333';
  const curve = (c, style, width) => {
    g.strokeStyle = style;
    g.lineWidth = width;
    g.beginPath();
    c.forEach((v, i) => {
      const px = pad + (i / (c.length - 1)) * (W - 2 * pad);
      if (i) g.lineTo(px, y(v));
      else g.moveTo(px, y(v));
    });
    g.stroke();
  };
  if (d.train) curve(d.train, d.dark ? 'rgba(150,180,255,0.6)' : 'rgba(8,119,189,0.45)', 1.5);
  if (d.point) curve(d.point, ink, 2);
  // the tangent at w: slope dL/dw, through the traced loss there
  g.save();
  g.beginPath();
  g.rect(0, 0, W, H);
  g.clip();
  g.strokeStyle = '#e0552b';
  g.setLineDash([5, 3]);
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(x(d.w - d.half), y(d.loss - d.grad * d.half));
  g.lineTo(x(d.w + d.half), y(d.loss + d.grad * d.half));
  g.stroke();
  g.restore();
  // the current w, and where one optimizer step moves it (an arrow along the w axis)
  const dot = (px, py, fill) => {
    g.fillStyle = fill;
    g.beginPath();
    g.arc(px, py, 3.5, 0, 2 * Math.PI);
    g.fill();
  };
  dot(x(d.w), y(d.loss), '#e0552b');
  const xa = Math.max(pad, Math.min(W - pad, x(d.wAfter)));
  g.strokeStyle = '#2a9d5c';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(x(d.w), H - 3);
  g.lineTo(xa, H - 3);
  g.stroke();
  dot(xa, H - 3, '#2a9d5c');
}
