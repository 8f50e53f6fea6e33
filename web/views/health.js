// health.js: a small live chart of each layer's gradient norm (log scale bars) and the share of
// inactive units (dead ReLUs, saturated tanh/sigmoid) as a red cap, so vanishing and exploding
// gradients are visible at a glance. Values come from the engine's health() call.
import { t } from '../i18n.js';
export function drawHealth(canvas, layers, activations) {
  const dpr = window.devicePixelRatio || 1,
    W = canvas.clientWidth || 300,
    H = canvas.clientHeight || 80;
  if (canvas.width !== Math.round(W * dpr)) {
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, W, H);
  const css = getComputedStyle(canvas);
  const fg = css.getPropertyValue('--test-color').trim() || '#222',
    muted = css.getPropertyValue('--train-color').trim() || '#888';
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = muted;
  if (!layers || !layers.length) return;
  // log10 gradient norm over [-8, 2]
  const lo = -8,
    hi = 2,
    top = 12,
    bottom = H - 14,
    n = layers.length,
    bw = Math.min(28, (W - 30) / n - 4);
  ctx.fillText(t('health.title'), 0, 9);
  for (const v of [-8, -4, 0]) {
    const y = bottom - ((v - lo) / (hi - lo)) * (bottom - top);
    ctx.fillText(`1e${v}`, W - 26, y + 3);
    ctx.strokeStyle = muted;
    ctx.globalAlpha = 0.25;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(W - 30, y);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  layers.forEach((L, i) => {
    const x = 4 + i * (bw + 4);
    const g = Number.isFinite(L.gradNorm) && L.gradNorm > 0 ? Math.log10(L.gradNorm) : lo;
    const h = Math.max(1, ((Math.min(hi, Math.max(lo, g)) - lo) / (hi - lo)) * (bottom - top));
    ctx.fillStyle = fg;
    ctx.globalAlpha = 0.65;
    ctx.fillRect(x, bottom - h, bw, h);
    ctx.globalAlpha = 1;
    if (L.inactive > 0) {
      ctx.fillStyle = '#d33';
      ctx.fillRect(x, bottom - h, bw, Math.max(2, h * L.inactive));
    }
    ctx.fillStyle = muted;
    ctx.fillText(i === n - 1 ? t('health.out') : `L${i + 1}`, x + 2, H - 2);
  });
  canvas.setAttribute(
    'aria-label',
    t('health.aria', {
      layers: layers
        .map((L, i) =>
          t(L.inactive > 0 ? (activations[i] === 'relu' ? 'health.layerDead' : 'health.layerSat') : 'health.layer', {
            layer: i === n - 1 ? t('health.output') : t('health.layerN', { n: i + 1 }),
            norm: L.gradNorm.toExponential(1),
            share: (L.inactive * 100).toFixed(0),
          }),
        )
        .join(t('health.sep')),
    }),
  );
}
