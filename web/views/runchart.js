// runchart.js: test-loss curves of several saved runs on one canvas, one colour each (Okabe-Ito,
// told apart with colour-blindness too; dashes from the 5th run on). Shared axes: epoch from 0 to
// the longest run, loss from 0 to the largest finite value; non-finite samples leave gaps.
import { t as tr } from '../i18n.js'; // t is a test loss here

export const RUN_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
export const runDash = (i) => (i < 4 ? [] : i < 8 ? [5, 3] : [2, 2]);
export const runColour = (i) => RUN_COLOURS[i % RUN_COLOURS.length];

/** Run i's legend swatch (a short line in its colour and dash), for the legends beside the charts. */
export function runSwatch(i) {
  const sw = document.createElement('span');
  sw.className = 'run-swatch';
  sw.style.borderColor = runColour(i);
  sw.style.borderStyle = runDash(i).length ? 'dashed' : 'solid';
  return sw;
}

/**
 * @param {HTMLCanvasElement} canvas drawn at its CSS size x devicePixelRatio
 * @param {{curve: number[][]}[]} runs curve: [epoch, train, test] samples
 */
export function drawRunCurves(canvas, runs) {
  const w = canvas.clientWidth || canvas.width,
    h = canvas.clientHeight || canvas.height;
  const dpr = devicePixelRatio || 1;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const fg = getComputedStyle(canvas).color || '#333';
  let maxE = 1,
    maxL = 0;
  for (const r of runs)
    for (const [e, , t] of r.curve) {
      if (e > maxE) maxE = e;
      if (Number.isFinite(t) && t > maxL) maxL = t;
    }
  if (!(maxL > 0)) maxL = 1;
  const L = 36,
    B = 16,
    T = 6,
    R = 8,
    pw = w - L - R,
    ph = h - T - B;
  const X = (e) => L + (e / maxE) * pw,
    Y = (v) => T + ph - (v / maxL) * ph;
  ctx.strokeStyle = ctx.fillStyle = fg;
  ctx.lineWidth = 1;
  ctx.font = '10px sans-serif';
  ctx.beginPath();
  ctx.moveTo(L, T);
  ctx.lineTo(L, T + ph);
  ctx.lineTo(L + pw, T + ph);
  ctx.stroke();
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(maxL.toPrecision(2), L - 3, T + 4);
  ctx.fillText('0', L - 3, T + ph);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(tr('chart.epochN', { n: maxE }), L + pw - 24, T + ph + 3);
  ctx.fillText('0', L, T + ph + 3);
  ctx.save();
  ctx.translate(9, T + ph / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(tr('chart.testLoss'), 0, 0);
  ctx.restore();
  ctx.lineWidth = 2;
  runs.forEach((r, i) => {
    ctx.strokeStyle = runColour(i);
    ctx.setLineDash(runDash(i));
    ctx.beginPath();
    let pen = false;
    for (const [e, , t] of r.curve) {
      if (!Number.isFinite(t)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(X(e), Y(t));
      else ctx.moveTo(X(e), Y(t));
      pen = true;
    }
    if (r.curve.length === 1 && pen) ctx.arc(X(r.curve[0][0]), Y(r.curve[0][2]), 2, 0, 2 * Math.PI);
    ctx.stroke();
  });
  ctx.setLineDash([]);
}
