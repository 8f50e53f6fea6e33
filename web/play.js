// play.js: playing and pausing (setPlaying), single steps (step: the next frame trains one epoch
// or one batch), and the stop conditions ("stop at epoch N", "stop when test loss < x"): armed
// when play starts, checked on every answer, and a frame never trains past a stop epoch.
import { message, clearMessage } from './messages.js';
import { fmtLoss } from './frame-loop.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** Play, pause, steps and stops; returns what other modules call. */
export function initPlay(page) {
  const { st, client, hooks } = page;
  function setPlaying(on) {
    if (on && !st.config) return; // no network (the engine built none, not even the nearest): nothing to play
    if (on && st.step) page.setStepMode(false);
    if (on && !st.playing) armStops();
    const paused = st.playing && !on;
    st.playing = on;
    if (paused) client.call('pause'); // Max trains between frames in the worker: stop it now
    if (paused) st.dirty = true; // one more draw, paused: every view shows the last values (VIEW_MS)
    page.restartPace();
    if (paused) for (const f of hooks.pause) f();
    $('play').textContent = on ? '❚❚' : '▶';
    labelPlay();
    $('play').classList.toggle('playing', on);
  }
  const labelPlay = () => $('play').setAttribute('aria-label', t(st.playing ? 'top.pause.aria' : 'top.play.aria'));
  hooks.lang.push(labelPlay);
  // Stop conditions fire when play crosses them: pressing play again past them goes on training.
  function armStops() {
    clearMessage('stop');
    const m = st.metrics || { epoch: 0, testLoss: Infinity };
    st.stops = { epoch: m.epoch < (st.config.stopEpoch || 0), loss: !(m.testLoss < (st.config.stopTestLoss || 0)) };
  }
  function checkStops(m) {
    const c = st.config,
      s = st.stops;
    if (!st.playing || !s) return;
    if (s.epoch && c.stopEpoch > 0 && m.epoch >= c.stopEpoch) {
      setPlaying(false);
      message(() => t('msg.stopEpoch', { epoch: m.epoch, stop: c.stopEpoch }), 'info', 'stop');
    } else if (s.loss && c.stopTestLoss > 0 && m.testLoss < c.stopTestLoss) {
      setPlaying(false);
      message(
        () => t('msg.stopLoss', { epoch: m.epoch, loss: fmtLoss(m.testLoss), stop: c.stopTestLoss }),
        'info',
        'stop',
      );
    }
  }
  // While playing towards a stop epoch, a frame never trains past it.
  function capAtStop(work) {
    const c = st.config,
      e = st.metrics ? st.metrics.epoch : 0;
    if (!work || !work.epochs || !st.stops || !st.stops.epoch || !(c.stopEpoch > e)) return work;
    return { ...work, epochs: Math.min(work.epochs, c.stopEpoch - e) };
  }
  function step(work) {
    setPlaying(false);
    st.pendingStep = work;
  }
  return { setPlaying, armStops, checkStops, capAtStop, step };
}
