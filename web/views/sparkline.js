// sparkline.js: one run's test loss per epoch as a small line without axes (a race card's curve),
// scaled to its own largest finite loss; non-finite samples leave gaps. The card's numbers carry
// the values; the overlaid chart (runchart.js) compares the runs on shared axes.

/** @param {HTMLCanvasElement} canvas @param {number[][]} curve [epoch, train, test] samples */
export function drawSparkline(canvas, curve) {
  const w = canvas.clientWidth || canvas.width,
    h = canvas.clientHeight || canvas.height,
    dpr = devicePixelRatio || 1;
  if (canvas.width !== Math.round(w * dpr)) [canvas.width, canvas.height] = [Math.round(w * dpr), Math.round(h * dpr)];
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (curve.length < 2) return;
  let maxE = curve.at(-1)[0] || 1,
    maxL = 0;
  for (const [, , t] of curve) if (Number.isFinite(t) && t > maxL) maxL = t;
  if (!(maxL > 0)) return;
  ctx.strokeStyle = getComputedStyle(canvas).color || '#333';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  for (const [e, , t] of curve) {
    if (!Number.isFinite(t)) {
      pen = false;
      continue;
    }
    const x = (e / maxE) * (w - 2) + 1,
      y = h - 1 - (t / maxL) * (h - 2);
    if (pen) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
    pen = true;
  }
  ctx.stroke();
}
