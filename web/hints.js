// hints.js: plain-language hints when training goes wrong, each saying what to try; read from the
// engine's metrics and layer health (views/health.js draws the same numbers), never from pixels.
// The saturation hint offers its fix in one click: a lower learning rate and a reset, because a
// saturated network does not recover by lowering the rate alone (its outputs stay in the flat
// tails, where the gradient is ~0).
import { fmt } from './views/format.js';
import { t } from './i18n.js';

// Share of the probe points (engine: LayerHealth::stuck_fraction) whose output is saturated on
// the wrong side of its label. Measured over 1,000 epochs: runs that learn (the default net at
// learningRate 0.03 to 1, noise 50, xor, gauss, an 8,8,8 ReLU spiral at 0.3) stay at or below
// 0.05, as a confident output is mostly a right one; the default net at learningRate=10 sits at
// 0.44-0.53 from epoch 10 on, at 3 between 0.11 and 0.41, the ReLU spiral at 10 or 100 at 0.3-0.5.
export const STUCK_SHARE = 0.1;
const MIN_EPOCH = 10; // the first epochs of a high rate may pass through the tails

/**
 * @param {{st: object, message: Function, clearMessage: Function, change: (kv: object) => Promise<void>,
 *   reset: () => Promise<void>}} ctx
 * @returns {() => void} update: call after every new health reading (st.health)
 */
export function initHints({ st, message, clearMessage, change, reset }) {
  // A hint already on screen with the same text is left alone (its button keeps focus and place).
  const show = (key, text, kind, action) => {
    const old = document.querySelector(`#messages [data-key="${key}"] span`);
    if (!old || old.textContent !== text) message(text, kind, key, action);
  };
  return function update() {
    const m = st.metrics,
      c = st.config,
      h = st.health || [],
      L = st.layers;
    if (!m || !c) return;
    const dead = h.findIndex((x, i) => i < h.length - 1 && L[i].activation === 'relu' && x.inactive === 1);
    if (dead >= 0) show('hint-dead', t('hint.dead', { layer: dead + 1 }), 'warn');
    else clearMessage('hint-dead');
    const out = h[h.length - 1];
    if (out && out.stuck >= STUCK_SHARE && m.epoch >= MIN_EPOCH) {
      const lower = Number((c.learningRate / 10).toPrecision(1));
      show('hint-sat', t('hint.saturated', { share: Math.round(out.stuck * 100), rate: c.learningRate }), 'warn', {
        label: t('hint.saturatedFix', { rate: lower }),
        run: async () => {
          await change({ learningRate: String(lower) });
          await reset();
        },
      });
    } else clearMessage('hint-sat');
    if (m.regLoss > 2 * m.trainLoss && m.epoch >= 10 && c.regularizationRate > 0)
      show('hint-reg', t('hint.reg', { reg: fmt(m.regLoss), loss: fmt(m.trainLoss) }), 'warn');
    else clearMessage('hint-reg');
    if (h.length > 3 && h[0].gradNorm > 0 && h[0].gradNorm < 1e-3 * h[h.length - 1].gradNorm)
      show(
        'hint-vanish',
        t('hint.vanish', { ratio: (h[h.length - 1].gradNorm / h[0].gradNorm).toExponential(0) }),
        'info',
      );
    else clearMessage('hint-vanish');
  };
}
