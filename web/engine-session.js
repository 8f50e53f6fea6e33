// engine-session.js: one playground session of the wasm engine (config, data, network, optimizer),
// the Embind Playground wrapped in a documented, owner-disposes-everything form; engine.js loads the
// engine and makes these (Engine.createSession). Views (Float32Array over wasm memory) are valid
// until the next engine call: take them again after every call, never keep them across calls.

/**
 * @typedef {import('./engine.js').ConfigIssue} ConfigIssue
 * @typedef {{ok: boolean, error: string, errors?: ConfigIssue[], unknownKeys?: string[], hash?: string}} LoadResult
 * @typedef {{epoch: number, updates: number, position: number, trainLoss: number, testLoss: number,
 *            trainAccuracy: number, testAccuracy: number}} Metrics
 * @typedef {{nIn: number, nOut: number, wOff: number, bOff: number, activation: string}} LayerInfo
 */

const ACTIVATION_NAMES = ['relu', 'tanh', 'sigmoid', 'linear', 'leakyrelu', 'softmax'];

/** One playground: config, data, network, optimizer. Call dispose() when done. */
export class Session {
  constructor(M, hash) {
    this.M = M;
    this.p = new M.Playground();
    /** @type {LoadResult} */
    this.lastLoad = this.load(hash ?? '');
  }
  #live() {
    if (!this.p) throw new Error('this session was disposed');
    return this.p;
  }
  /** Replaces the network and data; on error the previous ones stay. @returns {LoadResult} */
  load(hash) {
    return (this.lastLoad = this.#live().load(String(hash)));
  }
  /**
   * load() for a page's first load: a refused link builds the nearest network it allows, its
   * offending keys dropped (back to their defaults) one at a time. @returns {LoadResult & {dropped: ConfigIssue[]}}
   */
  loadNearest(hash) {
    return (this.lastLoad = this.#live().loadNearest(String(hash)));
  }
  get loaded() {
    return this.#live().loaded();
  }
  /** Canonical hash of the loaded config. */
  hash() {
    return this.#live().hash();
  }
  /** Typed config (hash key names). */
  config() {
    return this.#live().config();
  }
  /** Trains n epochs. */
  trainEpochs(n) {
    return this.#check(this.#live().trainEpochs(Number(n)));
  }
  /** Trains n batches (each up to the next weight update or the epoch's end). */
  trainBatches(n) {
    return this.#check(this.#live().trainBatches(Number(n)));
  }
  /** @returns {Metrics} */
  metrics() {
    return this.#live().metrics();
  }
  /**
   * The loss pass in slices, for networks whose full pass is longer than a frame: begin copies
   * the weights; each metricsSlice(n) evaluates about n more points with the copy and returns
   * null until done, then the copy's metrics (as metrics() gave at begin) with lossEpoch and
   * lossUpdates. Training may go on between slices.
   */
  metricsSliceBegin() {
    this.#live().metricsSliceBegin();
  }
  /** @returns {Metrics & {lossEpoch: number, lossUpdates: number} | null} */
  metricsSlice(maxPoints) {
    const n = Number(maxPoints);
    if (!(n >= 1)) throw new RangeError(`metricsSlice: maxPoints must be a number >= 1, got ${maxPoints}`);
    return this.#live().metricsSlice(n);
  }
  /** Rows of evalGrid: every input feature, then every hidden and output neuron. */
  gridRows() {
    return this.#live().gridRows();
  }
  /**
   * Every feature's and neuron's value on an N x N grid over [-6, 6]^2, rows top (y = 6) to bottom.
   * @returns {Float32Array} view of gridRows() * N * N floats (valid until the next call)
   */
  evalGrid(N) {
    return this.#check(this.#live().evalGrid(Number(N))).grid;
  }
  /**
   * Like evalGrid, but evaluates only grid rows [r0, r1) of every image; the view's other rows hold
   * what earlier calls left (zeros after N or the network's size changed).
   * @returns {Float32Array} view of gridRows() * N * N floats (valid until the next call)
   */
  evalGridRows(N, r0, r1) {
    return this.#check(this.#live().evalGridRows(Number(N), Number(r0), Number(r1))).grid;
  }
  /** @returns {Float32Array} view of every parameter (layout: layers()) */
  params() {
    return this.#live().params();
  }
  /** @returns {Float32Array} view of [x1, x2, label] per point */
  points(test = false) {
    return this.#live().points(!!test);
  }
  /** @returns {LayerInfo[]} */
  layers() {
    return this.#live()
      .layers()
      .map((l) => ({ ...l, activation: ACTIVATION_NAMES[l.activation.value] }));
  }
  /** @returns {{key: string, label: string, column?: boolean}[]} the network's inputs in order: active features, or the data's columns */
  features() {
    return this.#live().features();
  }
  setWeight(layer, to, from, value) {
    this.#check(this.#live().setWeight(Number(layer), Number(to), Number(from), +value));
  }
  setBias(layer, neuron, value) {
    this.#check(this.#live().setBias(Number(layer), Number(neuron), +value));
  }
  /**
   * Applies a hash's live keys (learningRate, optimizer, momentum, beta1, beta2, rho, epsilon,
   * stopEpoch, stopTestLoss, showTestData, discretize) keeping weights, data and epoch; optimizer
   * state restarts when the optimizer changes. ok=false: the hash is invalid or differs in other keys.
   * @returns {{ok: boolean, error: string, hash: string}}
   */
  setTraining(hash) {
    return this.#live().setTraining(String(hash));
  }
  /** Back to the same initial weights (same seed). */
  reset() {
    this.#check(this.#live().reset());
  }
  /** New data from this seed; the network is kept. */
  regenerate(seed) {
    this.#check(this.#live().regenerate(String(seed)));
  }
  /**
   * User data from CSV text, or the file's bytes (Uint8Array: a UTF-16 or binary file is then named
   * as such instead of being garbled by a decoder first). @returns {{ok: boolean, error: string}}
   */
  loadCsv(text, cx1 = 0, cx2 = 1, clabel = 2) {
    const t = text instanceof Uint8Array ? text : String(text);
    return this.#live().loadCsv(t, Number(cx1), Number(cx2), Number(clabel));
  }
  /**
   * The same with 2 to 64 input columns (0-based; the first two are the plot's axes): 3 or more
   * are column data, the network's inputs. The engine picks the problem, classes and inputs the
   * data needs; `changed` says what changed (null for nothing but the data).
   * @returns {{ok: boolean, error: string, code?: string, args?: object, hash?: string, pointsInHash?: boolean, namesInHash?: boolean, changed?: EngineMessage | null}}
   */
  loadCsvColumns(text, cols, clabel) {
    const t = text instanceof Uint8Array ? text : String(text);
    return this.#live().loadCsvColumns(t, Array.from(cols, Number), Number(clabel));
  }
  /** @returns {{names: string[], axisX: number, axisY: number, values: number[]} | null} the plot's slice (column data) */
  slice() {
    return this.#live().slice();
  }
  /** New slice values, one per column; throws the engine's message (the old values stay). */
  setSlice(values) {
    this.#check(this.#live().setSlice(values.map(Number)));
  }
  /** The plot's two columns (column data), 0-based; throws the engine's message. */
  setAxes(x, y) {
    this.#check(this.#live().setAxes(Number(x), Number(y)));
  }
  /**
   * Replaces the data with the user's points, a flat [x1, x2, label, ...] (Array or typed array);
   * the engine splits train/test by seed, weights stay. pointsInHash=false: too many for a link.
   * @returns {{ok: boolean, error: string, hash?: string, pointsInHash?: boolean}}
   */
  setPoints(flat) {
    return this.#live().setPoints(flat);
  }
  /** @returns {Float32Array|null} view of the user's points in the order given (empty: generated data) */
  customPoints() {
    return this.#live().customPoints();
  }
  /**
   * One sample through the net: {input, target, z, a, delta (dL/dz), loss, grad (dL/dparam),
   * regTerm, paramsBefore, paramsAfter, mBefore, vBefore, mAfter, vAfter, tAfter, biasCorrection1/2}.
   * Neuron arrays are in layer order (hidden then output); param arrays follow layers().
   */
  trace(test, index) {
    return this.#check(this.#live().trace(!!test, Number(index)));
  }
  tracePoint(x1, x2, label) {
    return this.#check(this.#live().tracePoint(+x1, +x2, +label));
  }
  /** Float backprop vs float64 central differences on the next batch. */
  gradCheck() {
    return this.#check(this.#live().gradCheck());
  }
  /** [{gradNorm, inactive}] per layer on up to 64 training points. */
  health() {
    return this.#live().health();
  }
  /** The trained model as JSON (config hash, weights, batch-norm running statistics). */
  modelJson() {
    return this.#live().modelJson();
  }
  /** Replaces network and data with a saved model; on error the old ones stay. @returns {{ok: boolean, error: string, hash?: string}} */
  loadModelJson(text) {
    return this.#live().loadModelJson(String(text));
  }
  /** The model as 'json' | 'pytorch' | 'keras' text plus the engine's predictions at the printed points. */
  exportCode(format) {
    return this.#check(this.#live().exportCode(String(format)));
  }
  /**
   * The loss landscape (src/session/landscape.h): a plane through weight space centred on the
   * current weights, along directions 'random' (filter-normalized) or 'pca' (the trajectory's
   * principal directions), n x n points over [-span, span]^2 (span 0: the engine's choice).
   * @returns {{directions: string, n: number, span: number, path: Float32Array, coords: number[]}}
   *   path: (alpha, beta) of every recorded epoch, oldest first; coords: the n grid coordinates
   *   (column c has alpha coords[c], row r beta coords[n - 1 - r])
   */
  landscapeBegin(directions, n, span = 0) {
    return this.#check(this.#live().landscapeBegin(String(directions), Number(n), Number(span)));
  }
  /**
   * Training losses of plane rows [r0, r1), row-major from the top-left (alpha = -span, beta = +span).
   * @returns {Float32Array} view of n * n floats (valid until the next call; other rows keep what
   *   earlier calls left)
   */
  landscapeRows(r0, r1) {
    return this.#check(this.#live().landscapeRows(Number(r0), Number(r1))).loss;
  }
  /** Moves the weights to the plane's point (alpha, beta); the optimizer's state stays. */
  landscapeMove(alpha, beta) {
    this.#check(this.#live().landscapeMove(+alpha, +beta));
  }
  /**
   * The loss as a function of parameter k alone, n points from w - halfWidth to w + halfWidth:
   * of the training set (point null) or of one point [x1, x2, label].
   * @returns {{w: number, loss: Float32Array}}
   */
  lossLine(k, halfWidth, n, point = null) {
    const p = point ? [+point[0], +point[1], +point[2]] : null;
    const r = this.#check(this.#live().lossLine(Number(k), +halfWidth, Number(n), p));
    return { w: r.w, loss: r.loss };
  }
  /**
   * The weights recorded so far: count snapshots of the parameters, oldest first, and their
   * layout in words (networks of equal layouts can share a plane).
   * @returns {{count: number, layout: string, snaps: Float32Array}}
   */
  trajectory() {
    const r = this.#check(this.#live().trajectory());
    return { count: r.count, layout: r.layout, snaps: r.snaps };
  }
  /**
   * Where another network's recorded weights (trajectory()) lie on the current plane; throws,
   * naming both layouts, when its weights are laid out otherwise.
   * @returns {Float32Array} alpha, beta per snapshot
   */
  landscapeProject(snaps, count, layout) {
    return this.#check(this.#live().landscapeProject(snaps, Number(count), String(layout))).path;
  }
  /** Weights recorded so far (one per epoch, thinned when many). */
  trajectoryCount() {
    return this.#live().trajectoryCount();
  }
  /** Frees the C++ side; the session is unusable afterwards. */
  dispose() {
    if (this.p) {
      this.p.delete();
      this.p = null;
    }
  }
  #check(r) {
    if (!r.ok) throw new Error(r.error);
    return r;
  }
}
