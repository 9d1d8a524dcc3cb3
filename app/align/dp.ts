// The alignment search: dynamic programming over beads (1-1, 1-0, 0-1, 2-1,
// 1-2, 2-2, 1-3, 3-1, 2-3, 3-2) in a band around an expected path, so that time and
// memory grow with the length of the document, not its square (and a beam
// inside the band skips pricing beads on no likely path). One forward
// pass finds the best path (Viterbi) and the total probability of all paths
// (forward sums); one backward pass gives, for every bead of the best path,
// its posterior probability, from which comes the confidence shown to the
// analyst (beadConfidence).
//
// The cost of a bead is its negative log-probability under a simple model:
// a prior per bead shape, a length model (English length ~ Normal(ratio x
// Korean length, variance x Korean length), with a heavier tail), and the
// anchors the two sides share or fail to share. Paragraph breaks of the
// English, when it has any, are soft evidence.

export const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2], [1, 3], [3, 1], [2, 3], [3, 2],
];
/** Prior probability of each shape, in SHAPES order: Gale & Church's, with 1-3/3-1 and 2-3/3-2
 *  added and omissions made a little likelier, as in commentaries translated with cuts and additions. */
/** The Korean and English sentence counts of each shape, as arrays the inner loop reads without destructuring. */
const SHAPE_KO = Int32Array.from(SHAPES, (s) => s[0]);
const SHAPE_EN = Int32Array.from(SHAPES, (s) => s[1]);
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
  /** A band to start in instead (its row bounds), as left by an earlier search of the same units. */
  band?: { lo: Int32Array; hi: Int32Array };
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
  /**
   * The width of that band: a second search of the same units starts in
   * that band, where the first one ended (after following its path and
   * widening), instead of redoing those passes, and finds its anchor costs
   * counted.
   */
  width?: number;
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
   * without it the confidence is too sure of itself. Measured on the test
   * sets: at 2.5 two flagged segments in three were right; at 2.2 half are,
   * and the same wrong segments are flagged (below 2.1 they start to slip
   * through).
   */
  temperature: 2.2,
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

/** -log(sum of exp(-x)) over the first `count` terms, whose least is `least`: one logarithm per cell instead of one per term. */
function logSum(terms: Float64Array, count: number, least: number): number {
  if (least === Infinity) return Infinity;
  let sum = 0;
  for (let t = 0; t < count; t++) sum += Math.exp(least - terms[t]);
  return least - Math.log(sum);
}

class Band {
  readonly off: Int32Array;
  readonly size: number;

  constructor(
    readonly lo: Int32Array,
    readonly hi: Int32Array,
  ) {
    const n = lo.length - 1;
    this.off = new Int32Array(n + 2);
    let s = 0;
    for (let i = 0; i <= n; i++) {
      this.off[i] = s;
      s += hi[i] - lo[i] + 1;
    }
    this.off[n + 1] = s;
    this.size = s;
  }

  /**
   * The band of half-width `width` around an expected path, except for the
   * first `kept.rows` rows, which keep an earlier band's bounds (a search
   * redone after its path touched the edge keeps what lay before).
   */
  static around(n: number, m: number, center: Float64Array, width: number, kept?: { band: Band; rows: number }): Band {
    const lo = new Int32Array(n + 1);
    const hi = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      if (kept && i < kept.rows) {
        lo[i] = kept.band.lo[i];
        hi[i] = kept.band.hi[i];
        continue;
      }
      lo[i] = Math.max(0, Math.min(m, Math.floor(center[i] - width)));
      hi[i] = Math.max(0, Math.min(m, Math.ceil(center[i] + width)));
    }
    // Monotone edges, and both corners inside.
    lo[0] = 0;
    hi[n] = m;
    for (let i = 1; i <= n; i++) lo[i] = Math.max(lo[i], lo[i - 1]);
    for (let i = n - 1; i >= 0; i--) hi[i] = Math.min(hi[i], hi[i + 1]);
    for (let i = 0; i <= n; i++) if (hi[i] < lo[i]) hi[i] = lo[i];
    // Keep the band connected: where the expected path jumps (English the
    // Korean does not have), a row reaches up to where the next one starts.
    for (let i = 0; i < n; i++) if (hi[i] < lo[i + 1]) hi[i] = lo[i + 1];
    lo[n] = Math.min(lo[n], m);
    return new Band(lo, hi);
  }

  index(i: number, j: number): number {
    if (j < this.lo[i] || j > this.hi[i]) return -1;
    return this.off[i] + j - this.lo[i];
  }

  /** The first row whose bounds differ from another band's (rows + 1 when none do). */
  firstDifference(lo: Int32Array | null | undefined, hi: Int32Array | null | undefined): number {
    if (!lo || !hi || lo.length !== this.lo.length) return 0;
    for (let i = 0; i < lo.length; i++) if (lo[i] !== this.lo[i] || hi[i] !== this.hi[i]) return i;
    return lo.length;
  }
}

class CostModel {
  private koCum: Float64Array;
  private enCum: Float64Array;
  private koPara: Int32Array;
  private readonly logNorm: number;

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
    this.koSpans = anchorSpans(ko, input.weight);
    this.enSpans = anchorSpans(en, input.weight);
  }

  /** The anchors of every run of one, two and three sentences, by run length (index 0 unused). */
  private koSpans: AnchorSpans[];
  private enSpans: AnchorSpans[];

  private readonly priorCost: number[];
  private readonly narrowCost: number;
  private readonly wideCost: number;

  /**
   * Anchors shared by the two sides of a bead gain, anchors of one side the
   * other lacks cost. A key in several sentences of one side counts once.
   */
  private anchorCost(i: number, i1: number, j: number, j1: number): number {
    const di = i1 - i;
    const dj = j1 - j;
    const k = this.koSpans[di];
    const e = this.enSpans[dj];
    if (di === 0 || dj === 0) {
      if (TUNING.orphanCost === 0) return 0;
      return TUNING.orphanCost * ((di ? k.total[i] : 0) + (dj ? e.total[j] : 0));
    }
    const wk = k.total[i];
    const we = e.total[j];
    if (wk === 0 || we === 0) return TUNING.missCost * (wk + we);
    if (di > 1 && dj > 1) return this.mergedAnchorCost(i, di, j, dj);
    const weight = this.input.weight;
    let shared = 0;
    let x = k.start[i];
    const xe = k.start[i + 1];
    let y = e.start[j];
    const ye = e.start[j + 1];
    while (x < xe && y < ye) {
      const p = k.ids[x];
      const q = e.ids[y];
      if (p === q) {
        shared += weight[p];
        x++;
        y++;
      } else if (p < q) x++;
      else y++;
    }
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
  private mergedAnchorCost(i: number, di: number, j: number, dj: number): number {
    const weight = this.input.weight;
    const ks = this.koSpans[di];
    const es = this.enSpans[dj];
    let shared = 0;
    let crossing = 0;
    let x = ks.start[i];
    const xe = ks.start[i + 1];
    let y = es.start[j];
    const ye = es.start[j + 1];
    while (x < xe && y < ye) {
      const p = ks.ids[x];
      const q = es.ids[y];
      if (p === q) {
        const k = ks.at[x];
        const e = es.at[y];
        if (e >= 0 && k >= 0 && Math.abs((k + 0.5) / di - (e + 0.5) / dj) >= 0.5) crossing += weight[p];
        else shared += weight[p];
        x++;
        y++;
      } else if (p < q) x++;
      else y++;
    }
    const both = shared + crossing;
    return -TUNING.matchGain * (shared + TUNING.crossingGain * crossing) + TUNING.missCost * (ks.total[i] - both + (es.total[j] - both));
  }

  /** Anchor costs by slot (end cell x shape), NaN until computed. */
  anchorCosts: Float32Array | null = null;

  /** Cost of the bead of shape k starting at (i, j); Infinity if not allowed. `slot` keys the anchor cache. */
  cost(k: number, i: number, j: number, slot = -1): number {
    const c = this.baseCost(k, i, j);
    return c === Infinity ? c : c + this.anchorPart(k, i, j, slot);
  }

  /**
   * The most the anchors of a bead can take off its cost: every anchor of the
   * lighter side shared. Shared anchors only gain and unshared ones only cost,
   * so a bead whose other costs, less this, are already worse than a way
   * found to the same cell need not have its anchors counted.
   */
  anchorGainBound(k: number, i: number, j: number): number {
    const di = SHAPE_KO[k];
    const dj = SHAPE_EN[k];
    if (di === 0 || dj === 0) return 0;
    const wk = this.koSpans[di].total[i];
    const we = this.enSpans[dj].total[j];
    return TUNING.matchGain * (wk < we ? wk : we);
  }

  /** The anchor term of a bead's cost, through the cache when a slot is given. */
  anchorPart(k: number, i: number, j: number, slot = -1): number {
    const i1 = i + SHAPE_KO[k];
    const j1 = j + SHAPE_EN[k];
    if (slot >= 0 && this.anchorCosts) {
      let a = this.anchorCosts[slot];
      if (a !== a) a = this.anchorCosts[slot] = this.anchorCost(i, i1, j, j1);
      return a;
    }
    return this.anchorCost(i, i1, j, j1);
  }

  /** Cost of the bead of shape k starting at (i, j) without its anchors; Infinity if not allowed. */
  baseCost(k: number, i: number, j: number): number {
    const di = SHAPE_KO[k];
    const dj = SHAPE_EN[k];
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

/**
 * The anchors of the runs of d sentences starting at each sentence, as one
 * sorted id list per run, with the sentence of the run each id is in (-1:
 * several) and the run's total weight (each id once). Counted once per
 * search, so that pricing a merged bead is one walk over two lists. The
 * lists lie end to end in one array (run i's from start[i] to start[i + 1]):
 * thousands of small arrays would keep the garbage collector busy.
 */
interface AnchorSpans {
  ids: Int32Array;
  at: Int8Array;
  start: Int32Array;
  total: Float64Array;
}

function anchorSpans(units: Units, weight: Float64Array): AnchorSpans[] {
  const n = units.anchors.length;
  let size = 0;
  for (const l of units.anchors) size += l.length;
  const one: AnchorSpans = { ids: new Int32Array(size), at: new Int8Array(size), start: new Int32Array(n + 1), total: Float64Array.from(units.anchorTotal) };
  let k = 0;
  for (let i = 0; i < n; i++) {
    one.start[i] = k;
    one.ids.set(units.anchors[i], k);
    k += units.anchors[i].length;
  }
  one.start[n] = k;
  const spans: AnchorSpans[] = [one, one];
  for (let d = 2; d <= 3; d++) {
    const shorter = spans[d - 1];
    const run: AnchorSpans = { ids: new Int32Array(size * d), at: new Int8Array(size * d), start: new Int32Array(n + 1), total: new Float64Array(n) };
    let z = 0;
    for (let i = 0; i < n; i++) {
      run.start[i] = z;
      if (i + d > n) continue;
      // The run of d - 1 sentences, then its last sentence added; an id in both is marked -1.
      let x = shorter.start[i];
      const xe = shorter.start[i + 1];
      let y = one.start[i + d - 1];
      const ye = one.start[i + d];
      let t = 0;
      while (x < xe || y < ye) {
        let id: number;
        if (y >= ye || (x < xe && shorter.ids[x] < one.ids[y])) {
          id = run.ids[z] = shorter.ids[x];
          run.at[z++] = shorter.at[x++];
        } else if (x >= xe || one.ids[y] < shorter.ids[x]) {
          id = run.ids[z] = one.ids[y++];
          run.at[z++] = d - 1;
        } else {
          id = run.ids[z] = shorter.ids[x++];
          run.at[z++] = -1;
          y++;
        }
        t += weight[id];
      }
      run.total[i] = t;
    }
    run.start[n] = z;
    spans.push(run);
  }
  return spans;
}

function cumulative(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length + 1);
  for (let i = 0; i < a.length; i++) out[i + 1] = out[i] + a[i];
  return out;
}

interface Pass {
  band: Band;
  /** The beam it was searched with. */
  beam: number;
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

/** Copies the first `rows` rows of a pass into another whose band has the same bounds there. */
function keepRows(from: Pass, to: Pass, rows: number): void {
  const cells = to.band.off[rows];
  to.best.set(from.best.subarray(0, cells));
  to.forward.set(from.forward.subarray(0, cells));
  to.back.set(from.back.subarray(0, cells));
  if (to.costs && from.costs) to.costs.set(from.costs.subarray(0, cells * SHAPES.length));
  to.rowBest.set(from.rowBest.subarray(0, rows));
  to.rowBestAt.set(from.rowBestAt.subarray(0, rows));
}

function newPass(band: Band, keepCosts: boolean, beam: number): Pass {
  const best = new Float64Array(band.size).fill(Infinity);
  const forward = new Float64Array(band.size).fill(Infinity);
  const back = new Uint8Array(band.size).fill(255);
  const costs = keepCosts ? new Float32Array(band.size * SHAPES.length).fill(Infinity) : null;
  best[0] = 0;
  forward[0] = 0;
  const rowBest = new Float64Array(band.lo.length).fill(Infinity);
  rowBest[0] = 0;
  return { band, beam, best, back, forward, costs, rowBest, rowBestAt: new Int32Array(band.lo.length) };
}

/** A path share below e^-NEGLIGIBLE of a cell's forward sum changes no confidence shown. */
const NEGLIGIBLE = 30;

/** The forward pass over rows from..to (inclusive), in order. */
function forwardRows(model: CostModel, pass: Pass, from: number, to: number, beam: number): void {
  const { band, best, back, forward, costs, rowBest, rowBestAt } = pass;
  const keepCosts = costs !== null;
  const K = SHAPES.length;
  const T = TUNING.temperature;
  const terms = new Float64Array(K);
  for (let i = from; i <= to; i++) {
    for (let j = band.lo[i]; j <= band.hi[i]; j++) {
      const here = band.index(i, j);
      if (i === 0 && j === 0) continue;
      let b = Infinity;
      // The forward sum's terms, and the least of them so far (f).
      let f = Infinity;
      let count = 0;
      let arg = 255;
      for (let k = 0; k < K; k++) {
        const i0 = i - SHAPE_KO[k];
        const j0 = j - SHAPE_EN[k];
        if (i0 < 0 || j0 < 0) continue;
        const from = band.index(i0, j0);
        if (from < 0 || forward[from] === Infinity) continue;
        // Beam: no bead starts where the path costs far more than the best of its row, allowing for
        // the English sentences between the two (a long addition is a row of 0-1 beads whose costs add up).
        if (i0 < i && best[from] > rowBest[i0] + beam + TUNING.beamPerSentence * Math.abs(j0 - rowBestAt[i0])) continue;
        const base = model.baseCost(k, i0, j0);
        if (base === Infinity) continue;
        // Counting anchors is most of the work: skip it where even all of them shared could
        // neither beat the best way to this cell nor add a visible share to its forward sum.
        const least = base - model.anchorGainBound(k, i0, j0);
        if (best[from] + least >= b && (!keepCosts || forward[from] + least / T >= f + NEGLIGIBLE)) continue;
        const c = base + model.anchorPart(k, i0, j0, here * K + k);
        if (costs) costs[here * K + k] = c / T;
        const v = best[from] + c;
        if (v < b) {
          b = v;
          arg = k;
        }
        if (keepCosts) {
          const x = forward[from] + c / T;
          terms[count++] = x;
          if (x < f) f = x;
        }
      }
      best[here] = b;
      // Without posteriors the forward sums are not needed: reachability is enough.
      forward[here] = keepCosts ? logSum(terms, count, f) : b;
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
  const terms = new Float64Array(K);
  for (let i = from; i >= to; i--) {
    for (let j = band.hi[i]; j >= band.lo[i]; j--) {
      if (i === n && j === m) continue;
      let f = Infinity;
      let count = 0;
      for (let k = 0; k < K; k++) {
        const i1 = i + SHAPE_KO[k];
        const j1 = j + SHAPE_EN[k];
        if (i1 > n || j1 > m) continue;
        const to = band.index(i1, j1);
        if (to < 0 || backward[to] === Infinity) continue;
        const c = costs![to * K + k];
        if (c === Infinity) continue;
        const x = backward[to] + c;
        terms[count++] = x;
        if (x < f) f = x;
      }
      backward[band.index(i, j)] = logSum(terms, count, f);
    }
  }
}

/** The first row where the path touches the band's edge where the edge is not the document's (-1: nowhere). */
function firstTouch(band: Band, path: [number, number][], m: number): number {
  let first = -1;
  for (const [i, j] of path) {
    if ((band.lo[i] > 0 && j - band.lo[i] < 2) || (band.hi[i] < m && band.hi[i] - j < 2)) first = i;
  }
  return first;
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

/**
 * The confidence of a bead of the best path: its posterior, the share of all
 * paths (weighed by their probability) that take it. A bead with three
 * sentences on one side (1-3, 3-1, 2-3, 3-2) is the exception: the paths that
 * do not take it mostly cut the same block of text in other ways (1-1 and
 * 1-2, an orphan and a 2-2, ...), about 2^(s-2) of them for s sentences,
 * which share its posterior while agreeing on where the block begins and
 * ends. Its confidence leans on that agreement (the posterior of the block's
 * corners) by the same count. On the test sets the correct 2-3 and 3-2 beads
 * scored 0.15-0.6 by their posterior alone, and 0.63-0.91 so.
 * A 2-2 keeps its posterior: its rivals are two 1-1 beads or a 2-1 and a
 * 1-2, shapes as likely or likelier, and the wrong 2-2 beads of the test sets
 * (two 1-1 beads merged) score as high as right ones.
 */
function beadConfidence(shape: number, forward: Float64Array, backward: Float64Array, from: number, to: number, scaledCost: number, total: number): number {
  const posterior = Math.exp(-(forward[from] + scaledCost + backward[to] - total));
  const di = SHAPE_KO[shape];
  const dj = SHAPE_EN[shape];
  if (di < 3 && dj < 3) return clamp01(posterior);
  const corners = Math.min(Math.exp(-(forward[from] + backward[from] - total)), Math.exp(-(forward[to] + backward[to] - total)));
  const ways = 2 ** (di + dj - 2);
  return clamp01(posterior ** (1 / ways) * clamp01(corners) ** (1 - 1 / ways));
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Counters for tests and benchmarks: how often the band had to be widened. */
export const searchStats = { widenings: 0, cells: 0 };

/** Rows before the first where a path touched the band's edge that a search redone keeps as they were. */
const FOLLOW_MARGIN = 64;

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
  let band = input.band ? new Band(input.band.lo, input.band.hi) : Band.around(n, m, input.center, width);
  let previous: Pass | null = null;
  let retries = 0;
  for (;;) {
    const pass = newPass(band, posteriors, beam);
    // Rows whose bounds are those of the last pass were computed already (a search redone after its path
    // touched the edge, a second search in the band of the first): the forward pass resumes after them.
    const start = previous && previous.beam === beam ? Math.min(n, band.firstDifference(previous.band.lo, previous.band.hi)) : 0;
    if (previous && start > 0) keepRows(previous, pass, start);
    const cache = input.anchorCache;
    if (cache) {
      const same = band.firstDifference(cache.lo, cache.hi);
      if (!cache.costs || same <= n) {
        const costs = new Float32Array(band.size * SHAPES.length).fill(NaN);
        if (cache.costs && same > 0) costs.set(cache.costs.subarray(0, band.off[same] * SHAPES.length));
        cache.lo = band.lo;
        cache.hi = band.hi;
        cache.costs = costs;
      }
      model.anchorCosts = cache.costs;
      cache.width = width;
    }
    for (let i = start; i <= n; i += ROWS_PER_STEP) {
      forwardRows(model, pass, i, Math.min(n, i + ROWS_PER_STEP - 1), beam);
      if (i + ROWS_PER_STEP <= n) yield (forwardShare * (i + ROWS_PER_STEP)) / (n + 1);
    }
    searchStats.cells += band.size - band.off[start];
    previous = pass;
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
      i -= SHAPE_KO[k];
      j -= SHAPE_EN[k];
      path.push([i, j]);
    }
    const touched = width < m ? firstTouch(band, path, m) : -1;
    if (touched >= 0) {
      // Follow the path found (an omission shifts everything after it),
      // and widen if following is not enough; the rows well before where
      // it touched keep their band, and their part of the search.
      searchStats.widenings++;
      if (retries++ > 0) width *= 2;
      band = Band.around(n, m, pathCenter(path, n), width, { band, rows: Math.max(0, touched - FOLLOW_MARGIN) });
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
      const confidence = backward ? beadConfidence(shapes[s], pass.forward, backward, band.index(i0, j0), band.index(i1, j1), c / TUNING.temperature, total) : 1;
      beads.push({ koStart: i0, koEnd: i1, enStart: j0, enEnd: j1, cost: c, confidence });
    }
    return beads;
  }
}
