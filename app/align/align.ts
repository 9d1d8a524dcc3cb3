// Sentence alignment of a document: paragraph alignment first (when the
// English has paragraphs), whose path centres the band of the sentence
// alignment; then sentence alignment over the whole document, where Korean
// paragraphs are hard limits (a passage is a Korean paragraph) and English
// paragraph breaks are soft evidence, so an English text with different
// breaks, or none at all, still aligns.
//
// The model is calibrated on the document itself: the character ratio from
// the totals; the length variance and how often each bead shape occurs from
// a first alignment, which a second one then uses.
import type { GlossaryEntry } from "../translate/glossary-entry";
import { buildAnchors, type AnchorTable } from "./anchors";
import { PRIOR, SHAPES, drain, search, searchSteps, type AnchorCache, type Bead, type LengthModel, type Units } from "./dp";
import type { LexiconPair } from "./lexicon";
import { runInSlices } from "../slices";

export type { Bead } from "./dp";

export interface AlignOptions {
  glossary?: readonly GlossaryEntry[];
  /** Replaces the built-in lexicon (tests, other language pairs of vocabulary). */
  lexicon?: readonly LexiconPair[];
  /** Word pairs learned from the analyst's translation memory (app/align/learn.ts). */
  learned?: readonly LexiconPair[];
}

/** Sentences of a document: paragraphs of sentences, per side. */
export interface SentenceDocument {
  ko: string[][];
  en: string[][];
}

/** Length of a text for the length model: characters that are not white space. */
export function textLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

interface Side {
  units: Units;
  /** First sentence of each paragraph, and the total at the end. */
  paraStart: number[];
}

function side(paragraphs: string[][], anchors: Int32Array[], totals: Float64Array): Side {
  const flat = paragraphs.flat();
  const breaks = new Uint8Array(flat.length);
  const paraStart: number[] = [];
  let k = 0;
  for (const p of paragraphs) {
    paraStart.push(k);
    if (k > 0 && k < flat.length) breaks[k] = 1;
    k += p.length;
  }
  paraStart.push(k);
  return { units: { len: Float64Array.from(flat, textLength), anchors, anchorTotal: totals, breaks }, paraStart };
}

/** A first guess before the document has been aligned: ±20% on an average sentence. */
function priorModel(ko: Units, en: Units): LengthModel {
  const sk = sum(ko.len);
  const se = sum(en.len);
  const ratio = sk > 0 && se > 0 ? se / sk : 1;
  const meanKo = ko.len.length ? sk / ko.len.length : 1;
  return { ratio, variance: Math.max(1, 0.04 * ratio * ratio * meanKo), enMean: en.len.length ? Math.max(1, se / en.len.length) : 1 };
}

/** The model re-estimated from an alignment (trimmed, so a few free translations do not widen it). */
function calibrate(ko: Units, en: Units, beads: Bead[], prior: LengthModel): LengthModel {
  const pairs: [number, number][] = [];
  for (const b of beads) {
    if (b.koEnd === b.koStart || b.enEnd === b.enStart) continue;
    let lk = 0;
    let le = 0;
    for (let s = b.koStart; s < b.koEnd; s++) lk += ko.len[s];
    for (let t = b.enStart; t < b.enEnd; t++) le += en.len[t];
    pairs.push([lk, le]);
  }
  return modelFromPairs(pairs, prior);
}

/** The length model of aligned pairs (Korean length, English length); the prior when they are too few. */
function modelFromPairs(pairs: [number, number][], prior: LengthModel): LengthModel {
  let sk = 0;
  let se = 0;
  for (const [lk, le] of pairs) {
    sk += lk;
    se += le;
  }
  if (pairs.length < 8 || sk === 0 || se === 0) return prior;
  const ratio = se / sk;
  const dev = pairs.map(([lk, le]) => ((le - ratio * lk) ** 2) / (lk + 10)).sort((a, b) => a - b);
  const kept = dev.slice(0, Math.max(1, Math.floor(dev.length * 0.9)));
  // Never trust a tiny sample to be tighter than a few characters' noise.
  const variance = Math.max(1, ratio * ratio * 0.3, sum(kept) / kept.length);
  return { ratio, variance, enMean: prior.enMean };
}

/**
 * How often each bead shape occurs in this translation, from a first
 * alignment, smoothed towards the general priors (a translator who splits
 * long Korean sentences does it throughout). Omissions and additions (1-0,
 * 0-1) are calibrated the same way but with a heavier hand on the general
 * prior, and a run of them (a passage left untranslated) counts once: a
 * translation with cuts has them throughout, but a first pass that mistakes
 * a few free translations for omissions, or one long untranslated section,
 * must not make every sentence cheap to leave out.
 */
function shapePriors(beads: Bead[]): number[] {
  const PSEUDO = 30;
  const ORPHAN_PSEUDO = 50;
  const orphan = (k: number) => SHAPES[k][0] === 0 || SHAPES[k][1] === 0;
  const counts = PRIOR.map((p, k) => p * (orphan(k) ? ORPHAN_PSEUDO : PSEUDO));
  let orphans = 0;
  let previous = -1;
  for (const b of beads) {
    const k = SHAPES.findIndex(([a, c]) => a === b.koEnd - b.koStart && c === b.enEnd - b.enStart);
    if (k < 0) continue;
    // A run of orphans of one side (a passage left untranslated) is one decision of the translator.
    if (!(orphan(k) && k === previous)) {
      counts[k]++;
      if (orphan(k)) orphans++;
    }
    previous = k;
  }
  // Orphans: their own rate over all beads; the other shapes share the rest.
  const orphanTotal = PRIOR.reduce((a, p, k) => a + (orphan(k) ? p : 0), 0) * ORPHAN_PSEUDO + orphans;
  const orphanShare = orphanTotal / (ORPHAN_PSEUDO + beads.length);
  const rest = counts.reduce((a, c, k) => a + (orphan(k) ? 0 : c), 0);
  return counts.map((c, k) => (orphan(k) ? (orphanShare * c) / orphanTotal : ((1 - orphanShare) * c) / rest));
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** Merges sorted id lists (a paragraph's anchors are its sentences' anchors). */
function union(lists: Int32Array[]): Int32Array {
  const set = new Set<number>();
  for (const l of lists) for (const x of l) set.add(x);
  return Int32Array.from(set).sort();
}

function paragraphUnits(s: Side, anchors: AnchorTable["ko"], weight: Float64Array): Units {
  const n = s.paraStart.length - 1;
  const len = new Float64Array(n);
  const ids: Int32Array[] = [];
  const total = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const a = s.paraStart[p];
    const b = s.paraStart[p + 1];
    for (let i = a; i < b; i++) len[p] += s.units.len[i];
    ids.push(union(anchors.slice(a, b)));
    for (const id of ids[p]) total[p] += weight[id];
  }
  return { len, anchors: ids, anchorTotal: total };
}

/** Per Korean position, the English position where equal shares of text have been read. */
function lengthDiagonal(ko: Float64Array, en: Float64Array, from = [0, ko.length, 0, en.length], out = new Float64Array(ko.length + 1)): Float64Array {
  const [a, b, c, d] = from;
  const tk = sum(ko.subarray(a, b)) || 1;
  const te = sum(en.subarray(c, d)) || 1;
  let j = c;
  let ce = 0;
  let ck = 0;
  for (let i = a; i <= b; i++) {
    const target = (ck / tk) * te;
    while (j < d && ce + en[j] / 2 < target) ce += en[j++];
    out[i] = b === a ? c : j;
    if (i < b) ck += ko[i];
  }
  return out;
}

/**
 * Aligns the sentences of a document. Returns beads over global sentence
 * indices (Korean sentences are numbered through the document, as are English).
 */
export function alignDocument(doc: SentenceDocument, opts: AlignOptions = {}): Bead[] {
  return drain(alignDocumentSteps(doc, opts));
}

/**
 * The same, on a UI thread: runs in slices of about `sliceMs` between which
 * the window stays responsive, reporting progress (0..1).
 */
export function alignDocumentAsync(doc: SentenceDocument, opts: AlignOptions = {}, onProgress?: (fraction: number) => void, sliceMs = 12): Promise<Bead[]> {
  return runInSlices(alignDocumentSteps(doc, opts), onProgress, sliceMs);
}

/** The alignment in steps, yielding its progress: anchors, paragraphs, then the two sentence passes. */
function* alignDocumentSteps(doc: SentenceDocument, opts: AlignOptions): Generator<number, Bead[]> {
  const koFlat = doc.ko.flat();
  const enFlat = doc.en.flat();
  if (koFlat.length === 0 && enFlat.length === 0) return [];
  const anchors = buildAnchors(koFlat, enFlat, opts);
  yield 0.15;
  const ko = side(doc.ko, anchors.ko, anchors.koTotal);
  const en = side(doc.en.filter((p) => p.length > 0), anchors.en, anchors.enTotal);
  if (koFlat.length === 0 || enFlat.length === 0) return trivial(koFlat.length, enFlat.length);

  const prior = priorModel(ko.units, en.units);
  const pk = ko.paraStart.length - 1;
  const pe = en.paraStart.length - 1;
  let center: Float64Array;
  let breakTrust = 0;
  if (pk > 1 && pe > 1) {
    center = paragraphCenters(ko, en, anchors, prior);
    breakTrust = Math.min(pk, pe) / Math.max(pk, pe);
  } else {
    center = lengthDiagonal(ko.units.len, en.units.len);
  }
  yield 0.2;
  const anchorCache: AnchorCache = { lo: null, hi: null, costs: null };
  const input = { ko: ko.units, en: en.units, weight: anchors.weight, center, width: 8, koParagraphs: true, breakTrust, anchorCache };
  const first = yield* scaled(searchSteps({ ...input, model: prior, posteriors: false }), 0.2, 0.55);
  // The second search starts in the band where the first one ended.
  const again = anchorCache.lo && anchorCache.hi ? { ...input, band: { lo: anchorCache.lo, hi: anchorCache.hi }, width: anchorCache.width ?? input.width } : input;
  return yield* scaled(searchSteps({ ...again, model: calibrate(ko.units, en.units, first, prior), priors: shapePriors(first) }), 0.55, 1);
}

/** Maps a step generator's progress into [from, to] of the whole. */
function* scaled<T>(steps: Generator<number, T>, from: number, to: number): Generator<number, T> {
  let r = steps.next();
  while (!r.done) {
    yield from + (to - from) * r.value;
    r = steps.next();
  }
  return r.value;
}

/** Paragraph alignment, turned into an expected English sentence position for every Korean one. */
function paragraphCenters(ko: Side, en: Side, anchors: AnchorTable, prior: LengthModel): Float64Array {
  const kp = paragraphUnits(ko, anchors.ko, anchors.weight);
  const ep = paragraphUnits(en, anchors.en, anchors.weight);
  const model = { ...prior, enMean: sum(ep.len) / ep.len.length };
  const beads = search({
    ko: kp,
    en: ep,
    weight: anchors.weight,
    model,
    center: lengthDiagonal(kp.len, ep.len),
    width: 4,
    koParagraphs: false,
    breakTrust: 0,
    posteriors: false,
  });
  const center = new Float64Array(ko.units.len.length + 1);
  for (const b of beads) {
    const a = ko.paraStart[b.koStart];
    const z = ko.paraStart[b.koEnd];
    const c = en.paraStart[b.enStart];
    const d = en.paraStart[b.enEnd];
    if (z > a) lengthDiagonal(ko.units.len, en.units.len, [a, z, c, d], center);
  }
  center[ko.units.len.length] = en.units.len.length;
  return center;
}

function trivial(n: number, m: number): Bead[] {
  const beads: Bead[] = [];
  for (let i = 0; i < n; i++) beads.push({ koStart: i, koEnd: i + 1, enStart: 0, enEnd: 0, confidence: 1, cost: 0 });
  for (let j = 0; j < m; j++) beads.push({ koStart: n, koEnd: n, enStart: j, enEnd: j + 1, confidence: 1, cost: 0 });
  return beads;
}

/** One stretch to align on its own: the sentences of both sides, in order. */
export interface Run {
  ko: string[];
  en: string[];
}

/** The rest of a document around the runs being re-aligned. */
export interface RunContext {
  /** Its aligned pairs (segments with both sides), Korean and English text: they calibrate the length model. */
  pairs: [string, string][];
}

/**
 * Aligns several independent runs (the unconfirmed stretches of a project
 * between confirmed segments), with anchors weighted and the length model
 * calibrated over all of them together, or, when a context is given (one
 * passage re-aligned in a whole project), over the whole document: its
 * sentences weigh the anchors and its segments calibrate the length model.
 * Beads index sentences within a run.
 */
export function alignRuns(runs: readonly Run[], opts: AlignOptions = {}, context?: RunContext): Bead[][] {
  const koFlat = runs.flatMap((r) => r.ko);
  const enFlat = runs.flatMap((r) => r.en);
  const ctxKo = context?.pairs.map((p) => p[0]) ?? [];
  const ctxEn = context?.pairs.map((p) => p[1]) ?? [];
  const whole = buildAnchors([...koFlat, ...ctxKo], [...enFlat, ...ctxEn], opts);
  const anchors = {
    ...whole,
    ko: whole.ko.slice(0, koFlat.length),
    en: whole.en.slice(0, enFlat.length),
    koTotal: whole.koTotal.subarray(0, koFlat.length),
    enTotal: whole.enTotal.subarray(0, enFlat.length),
  };
  const koLen = Float64Array.from(koFlat, textLength);
  const enLen = Float64Array.from(enFlat, textLength);
  const all = { len: koLen, anchors: anchors.ko, anchorTotal: anchors.koTotal };
  const allEn = { len: enLen, anchors: anchors.en, anchorTotal: anchors.enTotal };
  const prior = priorModel(all, allEn);
  const contextPairs = (context?.pairs ?? []).filter(([k, e]) => k.trim() && e.trim()).map(([k, e]): [number, number] => [textLength(k), textLength(e)]);
  const fromContext = modelFromPairs(contextPairs, prior);
  const slices: { ko: Units; en: Units }[] = [];
  let a = 0;
  let c = 0;
  for (const r of runs) {
    const b = a + r.ko.length;
    const d = c + r.en.length;
    slices.push({
      ko: { len: koLen.subarray(a, b), anchors: anchors.ko.slice(a, b), anchorTotal: anchors.koTotal.subarray(a, b) },
      en: { len: enLen.subarray(c, d), anchors: anchors.en.slice(c, d), anchorTotal: anchors.enTotal.subarray(c, d) },
    });
    a = b;
    c = d;
  }
  const pass = (model: LengthModel): Bead[][] =>
    slices.map((s) => {
      const n = s.ko.len.length;
      const m = s.en.len.length;
      if (n === 0 || m === 0) return trivial(n, m);
      return search({ ko: s.ko, en: s.en, weight: anchors.weight, model, center: lengthDiagonal(s.ko.len, s.en.len), width: 8, koParagraphs: false, breakTrust: 0, posteriors });
    });
  let posteriors = true;
  // The document's segments calibrate the model already: one pass.
  if (fromContext !== prior) return pass(fromContext);
  posteriors = false;
  const first = pass(prior);
  posteriors = true;
  // Calibrate on every run at once: re-number the beads into the flat arrays.
  const flat: Bead[] = [];
  a = 0;
  c = 0;
  first.forEach((beads, r) => {
    for (const b of beads) flat.push({ ...b, koStart: b.koStart + a, koEnd: b.koEnd + a, enStart: b.enStart + c, enEnd: b.enEnd + c });
    a += runs[r].ko.length;
    c += runs[r].en.length;
  });
  const model = calibrate(all, allEn, flat, prior);
  return pass(model);
}
