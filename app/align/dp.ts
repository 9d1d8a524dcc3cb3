// The alignment search: dynamic programming over beads (1-1, 1-0, 0-1, 2-1,
// 1-2, 2-2, 1-3, 3-1, 2-3, 3-2) in a band around an expected path, so that time and
// memory grow with the length of the document, not its square (and a beam
// inside the band skips pricing beads on no likely path). One forward
// pass finds the best path (Viterbi) and the total probability of all paths
// (forward sums); one backward pass gives, for every bead of the best path,
// its posterior probability: the confidence shown to the analyst.
//
// The cost of a bead is its negative log-probability under a simple model:
// a prior per bead shape, a length model (English length ~ Normal(ratio x
// Korean length, variance x Korean length), with a heavier tail), and the
// anchors the two sides share or fail to share. Paragraph breaks of the
// English, when it has any, are soft evidence.
import { sharedWeight } from "./anchors";

export const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2], [1, 3], [3, 1], [2, 3], [3, 2],
];
/** Prior probability of each shape, in SHAPES order: Gale & Church's, with 1-3/3-1 and 2-3/3-2
 *  added and omissions made a little likelier, as in commentaries translated with cuts and additions. */
export const PRIOR: readonly number[] = [0.844, 0.02, 0.02, 0.045, 0.045, 0.01, 0.005, 0.005, 0.003, 0.003];

export interface LengthModel {
  /** Expected English characters per Korean character. */
  ratio: number;
  /** Variance of the English length per Korean character. */
  variance: number;
  /** Mean English sentence length, for sentences with no Korean counterpart. */
  enMean: number;
}

export interface Units {
  /** Per unit (sentence or paragraph): its length in characters (no spaces). */
  len: Float64Array;
  /** Per unit: sorted anchor ids. */
  anchors: Int32Array[];
  /** Per unit: total anchor weight. */
  anchorTotal: Float64Array;
  /** Per unit: 1 where a paragraph starts (unit 0 excluded). */
  breaks?: Uint8Array;
}

export interface SearchInput {
  ko: Units;
  en: Units;
  weight: Float64Array;
  model: LengthModel;
  /** Per Korean position 0..n: the expected English position. */
  center: Float64Array;
  /** Half-width of the band, in English units, to start with. */
  width: number;
  /** Korean units of one bead must lie in one paragraph (sentence level). */
  koParagraphs: boolean;
  /** How much English paragraph breaks are believed (0: not at all). */
  breakTrust: number;
  /** Probability of each bead shape (SHAPES order); PRIOR when absent. */
  priors?: readonly number[];
  /** Compute each bead's posterior (the confidence); otherwise confidence is 1. */
  posteriors?: boolean;
  /**
   * Anchor costs of the beads of a band, kept between two searches of the same
   * units and band (the anchors do not change when the length model does).
   */
  anchorCache?: AnchorCache;
}

export interface AnchorCache {
  /** The band the costs were computed for (its row bounds). */
  lo: Int32Array | null;
  hi: Int32Array | null;
  costs: Float32Array | null;
}

export interface Bead {
  /** Korean units [koStart, koEnd). */
  koStart: number;
  koEnd: number;
  enStart: number;
  enEnd: number;
  /** Posterior probability of this bead, 0..1. */
  confidence: number;
  /** Cost of the bead under the model (lower is better). */
  cost: number;
}

/** Tunables of the cost, exported so tests and experiments can vary them. */
export const TUNING = {
  /** Gain per unit of anchor weight both sides share. */
  matchGain: 1.0,
  /** Cost per unit of anchor weight one side of a 1-1 (or n-m) bead has and the other lacks. */
  missCost: 0.35,
  /**
   * Share of the gain an anchor brings to a merged bead (2-2, 2-3, 3-2) when it
   * lies in sentences at opposite ends of the two sides (a detail moved across
   * the boundary, which two 1-1 beads explain as well).
   */
  crossingGain: 0.75,
  /** The same for the lone side of a 1-0 or 0-1 bead (omissions take their anchors with them). */
  orphanCost: 0,
  /** Cost of a Korean paragraph start where the English has none (and bonus where it has). */
  breakCost: 3.0,
  /** Weight and width (as a variance multiple) of the length model's wide component. */
  tail: 0.1,
  tailScale: 9,
  /** Korean characters added to each bead's length in the variance (short sentences vary more). */
  varFloor: 10,
  /**
   * Posteriors are computed on costs divided by this: the model's costs are
   * not calibrated probabilities (anchors count as if independent), and
   * without it the confidence is too sure of itself.
   */
  temperature: 2.5,
  /**
   * Beam: no bead starts from a cell whose best path costs this much more
   * than its row's best (its share of the posterior is below e^(-beam/T)),
   * plus this much per English sentence between the two (so a long addition,
   * a row of 0-1 beads whose costs add up, keeps its way out). It saves
   * pricing beads on no likely path, most of them merged ones.
   */
  beam: 25,
  beamPerSentence: 10,
};

function logAddCost(a: number, b: number): number {
  // -log(exp(-a) + exp(-b))
  if (a === Infinity) return b;
  if (b === Infinity) return a;
  return a < b ? a - Math.log1p(Math.exp(a - b)) : b - Math.log1p(Math.exp(b - a));
}

class Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly off: Int32Array;
  readonly size: number;

  constructor(n: number, m: number, center: Float64Array, width: number) {
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    this.off = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      this.lo[i] = Math.max(0, Math.min(m, Math.floor(center[i] - width)));
      this.hi[i] = Math.max(0, Math.min(m, Math.ceil(center[i] + width)));
    }
    // Monotone edges, and both corners inside.
    this.lo[0] = 0;
    this.hi[n] = m;
    for (let i = 1; i <= n; i++) this.lo[i] = Math.max(this.lo[i], this.lo[i - 1]);
    for (let i = n - 1; i >= 0; i--) this.hi[i] = Math.min(this.hi[i], this.hi[i + 1]);
    for (let i = 0; i <= n; i++) if (this.hi[i] < this.lo[i]) this.hi[i] = this.lo[i];
    // Keep the band connected: where the expected path jumps (English the
    // Korean does not have), a row reaches up to where the next one starts.
    for (let i = 0; i < n; i++) if (this.hi[i] < this.lo[i + 1]) this.hi[i] = this.lo[i + 1];
    this.lo[n] = Math.min(this.lo[n], m);
    let s = 0;
    for (let i = 0; i <= n; i++) {
      this.off[i] = s;
      s += this.hi[i] - this.lo[i] + 1;
    }
    this.off[n + 1] = s;
    this.size = s;
  }

  index(i: number, j: number): number {
    if (j < this.lo[i] || j > this.hi[i]) return -1;
    return this.off[i] + j - this.lo[i];
  }
}

class CostModel {
  private koCum: Float64Array;
  private enCum: Float64Array;
  private koPara: Int32Array;
  private readonly logNorm: number;
  private seen: Int32Array;
  private stamp = 0;

  constructor(private input: SearchInput) {
    const { ko, en } = input;
    this.koCum = cumulative(ko.len);
    this.enCum = cumulative(en.len);
    this.koPara = new Int32Array(ko.len.length);
    let p = 0;
    for (let i = 0; i < ko.len.length; i++) {
      if (i > 0 && ko.breaks?.[i]) p++;
      this.koPara[i] = p;
    }
    this.logNorm = 0.5 * Math.log(2 * Math.PI);
    this.priorCost = (input.priors ?? PRIOR).map((p) => -Math.log(p));
    this.narrowCost = -Math.log(1 - TUNING.tail);
    this.wideCost = -Math.log(TUNING.tail / Math.sqrt(TUNING.tailScale));
    this.seen = new Int32Array(input.weight.length);
    this.where = new Int32Array(input.weight.length);
    this.where2 = new Int32Array(input.weight.length);
  }

  /** Per anchor, in which Korean (where) and English (where2) sentence of a merged bead it was seen (-1: several, -2: none). */
  private where: Int32Array;
  private where2: Int32Array;

  private readonly priorCost: number[];
  private readonly narrowCost: number;
  private readonly wideCost: number;

  /**
   * Anchors shared by the two sides of a bead gain, anchors of one side the
   * other lacks cost. A key in several sentences of one side counts once.
   */
  private anchorCost(i: number, i1: number, j: number, j1: number): number {
    const { ko, en, weight } = this.input;
    let wk = 0;
    let we = 0;
    let shared = 0;
    if (i1 - i === 1 && j1 - j === 1) {
      wk = ko.anchorTotal[i];
      we = en.anchorTotal[j];
      if (wk > 0 && we > 0) shared = sharedWeight(ko.anchors[i], en.anchors[j], weight);
    } else if (i1 === i || j1 === j) {
      if (TUNING.orphanCost === 0) return 0;
      for (let s = i; s < i1; s++) wk += ko.anchorTotal[s];
      for (let t = j; t < j1; t++) we += en.anchorTotal[t];
    } else if (i1 - i > 1 && j1 - j > 1) {
      return this.mergedAnchorCost(i, i1, j, j1);
    } else {
      // Stamps instead of sets: no allocation in the inner loop.
      const koStamp = ++this.stamp;
      for (let s = i; s < i1; s++) {
        for (const id of ko.anchors[s]) {
          if (this.seen[id] !== koStamp) {
            this.seen[id] = koStamp;
            wk += weight[id];
          }
        }
      }
      const enStamp = ++this.stamp;
      for (let t = j; t < j1; t++) {
        for (const id of en.anchors[t]) {
          const mark = this.seen[id];
          if (mark === enStamp) continue;
          this.seen[id] = enStamp;
          we += weight[id];
          if (mark === koStamp) shared += weight[id];
        }
      }
    }
    if (i1 === i || j1 === j) return TUNING.orphanCost * (wk + we);
    return -TUNING.matchGain * shared + TUNING.missCost * (wk - shared + (we - shared));
  }

  /**
   * The anchor cost of a bead of two or three sentences on both sides. An
   * anchor found in one sentence of each side, at opposite ends of the bead
   * (an age "(40)" in the first Korean sentence, "the 40-year-old" in the
   * second English one), is as well explained by two 1-1 beads with a detail
   * moved between them as by the merge: it costs nothing and gains only
   * part of its weight, so it alone cannot pull two 1-1 beads into one.
   */
  private mergedAnchorCost(i: number, i1: number, j: number, j1: number): number {
    const { ko, en, weight } = this.input;
    const di = i1 - i;
    const dj = j1 - j;
    const koStamp = ++this.stamp;
    let wk = 0;
    for (let s = i; s < i1; s++) {
      for (const id of ko.anchors[s]) {
        if (this.seen[id] !== koStamp) {
          this.seen[id] = koStamp;
          this.where[id] = s - i;
          wk += weight[id];
        } else this.where[id] = -1;
      }
    }
    const enStamp = ++this.stamp;
    let we = 0;
    let shared = 0;
    let crossing = 0;
    for (let t = j; t < j1; t++) {
      for (const id of en.anchors[t]) {
        const mark = this.seen[id];
        if (mark === enStamp) {
          if (this.where2[id] !== -2) this.where2[id] = -1;
          continue;
        }
        this.seen[id] = enStamp;
        this.where2[id] = mark === koStamp ? t - j : -2;
        we += weight[id];
      }
    }
    for (let t = j; t < j1; t++) {
      for (const id of en.anchors[t]) {
        const e = this.where2[id];
        if (e === -2) continue;
        this.where2[id] = -2;
        const k = this.where[id];
        if (e >= 0 && k >= 0 && Math.abs((k + 0.5) / di - (e + 0.5) / dj) >= 0.5) crossing += weight[id];
        else shared += weight[id];
      }
    }
    return -TUNING.matchGain * (shared + TUNING.crossingGain * crossing) + TUNING.missCost * (wk - shared - crossing + (we - shared - crossing));
  }

  /** Anchor costs by slot (end cell x shape), NaN until computed. */
  anchorCosts: Float32Array | null = null;

  /** Cost of the bead of shape k starting at (i, j); Infinity if not allowed. `slot` keys the anchor cache. */
  cost(k: number, i: number, j: number, slot = -1): number {
    const [di, dj] = SHAPES[k];
    const { ko, en, model, breakTrust } = this.input;
    const i1 = i + di;
    const j1 = j + dj;
    if (di > 1 && this.input.koParagraphs && this.koPara[i] !== this.koPara[i1 - 1]) return Infinity;
    let c = this.priorCost[k];
    const lk = this.koCum[i1] - this.koCum[i];
    const le = this.enCum[j1] - this.enCum[j];
    if (di > 0 && dj > 0) {
      const v = model.variance * (lk + TUNING.varFloor);
      const d = le - model.ratio * lk;
      const z = (d * d) / (2 * v);
      // A mixture with a wide component: free translation happens.
      // -log((1-T) e^-z + (T/√S) e^(-z/S)), as a log-sum of the two terms.
      const a = z + this.narrowCost;
      const w = z / TUNING.tailScale + this.wideCost;
      c += this.logNorm + 0.5 * Math.log(v) + logAddCost(a, w);
      // The model gives the total English length; where it falls between two
      // or three English sentences is one more (uniform) choice. Without this
      // term merged beads would look cheaper than the 1-1 beads they replace.
      if (dj > 1) c += (dj - 1) * Math.log(Math.max(le, 1));
    } else if (dj > 0) {
      c += Math.log(model.enMean) + le / model.enMean;
    }
    if (slot >= 0 && this.anchorCosts) {
      let a = this.anchorCosts[slot];
      if (a !== a) a = this.anchorCosts[slot] = this.anchorCost(i, i1, j, j1);
      c += a;
    } else {
      c += this.anchorCost(i, i1, j, j1);
    }
    // Paragraph breaks of the English, as evidence.
    if (breakTrust > 0 && en.breaks) {
      const b = TUNING.breakCost * breakTrust;
      const enBreakHere = j > 0 && j < en.len.length && en.breaks[j] === 1;
      const koBreakHere = i > 0 && ko.breaks?.[i] === 1;
      // Once per Korean paragraph start: the bead that takes its first sentence.
      if (di > 0 && koBreakHere) c += enBreakHere ? -b : b;
      // Once per English paragraph start inside a Korean paragraph: the bead that takes its first sentence.
      if (dj > 0 && enBreakHere && !koBreakHere) c += b / 2;
      // An English sentence with no Korean at the start of both paragraphs: the
      // paragraph starts match here, though the bead that takes the first Korean
      // sentence starts one English sentence later (and pays for it).
      if (di === 0 && koBreakHere && enBreakHere && !(j1 < en.len.length && en.breaks[j1] === 1)) c -= 2 * b;
      for (let t = j + 1; t < j1; t++) if (en.breaks[t]) c += b;
    }
    return c;
  }
}

function cumulative(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length + 1);
  for (let i = 0; i < a.length; i++) out[i + 1] = out[i] + a[i];
  return out;
}

interface Pass {
  band: Band;
  best: Float64Array;
  back: Uint8Array;
  forward: Float64Array;
  /** Cost of the bead of each shape ending at each cell (Infinity: none), for the backward pass. */
  costs: Float32Array | null;
  /** Per row, the lowest path cost reaching it (the beam's reference). */
  rowBest: Float64Array;
  /** Per row, the English position of that best. */
  rowBestAt: Int32Array;
}

function newPass(band: Band, keepCosts: boolean): Pass {
  const best = new Float64Array(band.size).fill(Infinity);
  const forward = new Float64Array(band.size).fill(Infinity);
  const back = new Uint8Array(band.size).fill(255);
  const costs = keepCosts ? new Float32Array(band.size * SHAPES.length).fill(Infinity) : null;
  best[0] = 0;
  forward[0] = 0;
  const rowBest = new Float64Array(band.lo.length).fill(Infinity);
  rowBest[0] = 0;
  return { band, best, back, forward, costs, rowBest, rowBestAt: new Int32Array(band.lo.length) };
}

/** The forward pass over rows from..to (inclusive), in order. */
function forwardRows(model: CostModel, pass: Pass, from: number, to: number, beam: number): void {
  const { band, best, back, forward, costs, rowBest, rowBestAt } = pass;
  const keepCosts = costs !== null;
  const K = SHAPES.length;
  for (let i = from; i <= to; i++) {
    for (let j = band.lo[i]; j <= band.hi[i]; j++) {
      const here = band.index(i, j);
      if (i === 0 && j === 0) continue;
      let b = Infinity;
      let f = Infinity;
      let arg = 255;
      for (let k = 0; k < K; k++) {
        const i0 = i - SHAPES[k][0];
        const j0 = j - SHAPES[k][1];
        if (i0 < 0 || j0 < 0) continue;
        const from = band.index(i0, j0);
        if (from < 0 || forward[from] === Infinity) continue;
        // Beam: no bead starts where the path costs far more than the best of its row, allowing for
        // the English sentences between the two (a long addition is a row of 0-1 beads whose costs add up).
        if (i0 < i && best[from] > rowBest[i0] + beam + TUNING.beamPerSentence * Math.abs(j0 - rowBestAt[i0])) continue;
        const c = model.cost(k, i0, j0, here * K + k);
        if (c === Infinity) continue;
        if (costs) costs[here * K + k] = c / TUNING.temperature;
        const v = best[from] + c;
        if (v < b) {
          b = v;
          arg = k;
        }
        if (keepCosts) f = logAddCost(f, forward[from] + c / TUNING.temperature);
      }
      best[here] = b;
      // Without posteriors the forward sums are not needed: reachability is enough.
      forward[here] = keepCosts ? f : b;
      back[here] = arg;
      if (b < rowBest[i]) {
        rowBest[i] = b;
        rowBestAt[i] = j;
      }
    }
  }
}

/** The backward pass over rows from..to (from >= to), in reverse order. */
function backwardRows(pass: Pass, backward: Float64Array, n: number, m: number, from: number, to: number): void {
  const { band, costs } = pass;
  const K = SHAPES.length;
  for (let i = from; i >= to; i--) {
    for (let j = band.hi[i]; j >= band.lo[i]; j--) {
      if (i === n && j === m) continue;
      let f = Infinity;
      for (let k = 0; k < K; k++) {
        const i1 = i + SHAPES[k][0];
        const j1 = j + SHAPES[k][1];
        if (i1 > n || j1 > m) continue;
        const to = band.index(i1, j1);
        if (to < 0 || backward[to] === Infinity) continue;
        const c = costs![to * K + k];
        if (c === Infinity) continue;
        f = logAddCost(f, backward[to] + c);
      }
      backward[band.index(i, j)] = f;
    }
  }
}

/** The path touches the band's edge where the edge is not the document's: widen and redo. */
function touchesEdge(band: Band, path: [number, number][], m: number): boolean {
  for (const [i, j] of path) {
    if (band.lo[i] > 0 && j - band.lo[i] < 2) return true;
    if (band.hi[i] < m && band.hi[i] - j < 2) return true;
  }
  return false;
}

function sameArray(a: Int32Array | null, b: Int32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The English position of a path at every Korean position (rows a bead skips are interpolated). */
function pathCenter(path: [number, number][], n: number): Float64Array {
  const center = new Float64Array(n + 1).fill(NaN);
  for (const [i, j] of path) if (Number.isNaN(center[i])) center[i] = j;
  let last = 0;
  for (let i = 1; i <= n; i++) {
    if (!Number.isNaN(center[i])) {
      for (let k = last + 1; k < i; k++) center[k] = center[last] + ((center[i] - center[last]) * (k - last)) / (i - last);
      last = i;
    }
  }
  return center;
}

/** Counters for tests and benchmarks: how often the band had to be widened. */
export const searchStats = { widenings: 0, cells: 0 };

/** Rows of the search between two progress reports. */
const ROWS_PER_STEP = 512;

/** Runs a generator of progress steps to its end. */
export function drain<T>(steps: Generator<number, T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Best alignment of two sequences of units, with a confidence per bead. */
export function search(input: SearchInput): Bead[] {
  return drain(searchSteps(input));
}

/**
 * The search in steps: yields its progress (0..1) every few hundred rows, so
 * that a caller on the UI thread can run it between frames.
 */
export function* searchSteps(input: SearchInput): Generator<number, Bead[]> {
  const n = input.ko.len.length;
  const m = input.en.len.length;
  const model = new CostModel(input);
  const posteriors = input.posteriors !== false;
  const forwardShare = posteriors ? 0.7 : 1;
  let width = Math.max(4, input.width);
  let beam = TUNING.beam;
  let center = input.center;
  let retries = 0;
  for (;;) {
    const band = new Band(n, m, center, width);
    const cache = input.anchorCache;
    if (cache) {
      if (!cache.costs || !sameArray(cache.lo, band.lo) || !sameArray(cache.hi, band.hi)) {
        cache.lo = band.lo;
        cache.hi = band.hi;
        cache.costs = new Float32Array(band.size * SHAPES.length).fill(NaN);
      }
      model.anchorCosts = cache.costs;
    }
    const pass = newPass(band, posteriors);
    for (let i = 0; i <= n; i += ROWS_PER_STEP) {
      forwardRows(model, pass, i, Math.min(n, i + ROWS_PER_STEP - 1), beam);
      if (i + ROWS_PER_STEP <= n) yield (forwardShare * (i + ROWS_PER_STEP)) / (n + 1);
    }
    searchStats.cells += band.size;
    const end = band.index(n, m);
    if (end < 0 || pass.best[end] === Infinity) {
      // The beam cut every way to the end (a text stranger than any seen): search again without it.
      if (beam !== Infinity) {
        beam = Infinity;
        continue;
      }
      throw new Error("alignment search found no path");
    }
    const path: [number, number][] = [[n, m]];
    const shapes: number[] = [];
    let i = n;
    let j = m;
    while (i > 0 || j > 0) {
      const k = pass.back[band.index(i, j)];
      shapes.push(k);
      i -= SHAPES[k][0];
      j -= SHAPES[k][1];
      path.push([i, j]);
    }
    if (width < m && touchesEdge(band, path, m)) {
      // Follow the path found (an omission shifts everything after it),
      // and widen if following is not enough.
      searchStats.widenings++;
      center = pathCenter(path, n);
      if (retries++ > 0) width *= 2;
      continue;
    }
    let backward: Float64Array | null = null;
    if (posteriors) {
      backward = new Float64Array(band.size).fill(Infinity);
      backward[end] = 0;
      for (let r = n; r >= 0; r -= ROWS_PER_STEP) {
        backwardRows(pass, backward, n, m, r, Math.max(0, r - ROWS_PER_STEP + 1));
        if (r - ROWS_PER_STEP >= 0) yield forwardShare + ((1 - forwardShare) * (n - r + ROWS_PER_STEP)) / (n + 1);
      }
    }
    const total = pass.forward[end];
    const beads: Bead[] = [];
    for (let s = shapes.length - 1; s >= 0; s--) {
      const [i0, j0] = path[s + 1];
      const [i1, j1] = path[s];
      const c = model.cost(shapes[s], i0, j0);
      const confidence = backward ? Math.exp(-(pass.forward[band.index(i0, j0)] + c / TUNING.temperature + backward[band.index(i1, j1)] - total)) : 1;
      beads.push({ koStart: i0, koEnd: i1, enStart: j0, enEnd: j1, cost: c, confidence: Math.max(0, Math.min(1, confidence)) });
    }
    return beads;
  }
}
