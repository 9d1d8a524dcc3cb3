// Inter-coder agreement: two analysts' codings of the same bitext compared per
// theme and side. A unit is one side of one segment; a coder "coded" it with
// a theme when any span of that theme lies on it. Presence gives Cohen's kappa
// and Krippendorff's alpha (nominal, two coders, no missing values); spans give
// character-level F1 (coder A's characters against coder B's).
import type { Node as PMNode } from "prosemirror-model";
import type { Side } from "../schema";
import { SIDES } from "../schema";
import { sideRanges } from "../themes/annotations";
import { segmentList } from "../document/segments";
import { DariError } from "../errors";

export interface ThemeAgreement {
  code: string;
  side: Side;
  /** Cohen's kappa over segment presence; 1 when both coders agree everywhere. */
  kappa: number;
  /** Krippendorff's alpha (nominal) over segment presence. */
  alpha: number;
  /** Character-level F1 of the two codings' spans (1 when neither coded anything). */
  f1: number;
  /** Segments on which the coders agree (both coded or neither) and disagree. */
  agree: number;
  disagree: number;
}

export interface Agreement {
  themes: ThemeAgreement[];
  overall: { kappa: number; alpha: number };
}

/** A place where the two codings differ, for the side-by-side view. */
export interface Disagreement {
  segment: string;
  index: number;
  side: Side;
  code: string;
  /** Which coder coded it. */
  coded: "a" | "b";
}

interface Counts {
  /** both, a only, b only, neither */
  n11: number;
  n10: number;
  n01: number;
  n00: number;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function cohensKappa({ n11, n10, n01, n00 }: Counts): number {
  const n = n11 + n10 + n01 + n00;
  if (n === 0) return 1;
  const po = (n11 + n00) / n;
  const pe = ((n11 + n10) / n) * ((n11 + n01) / n) + ((n01 + n00) / n) * ((n10 + n00) / n);
  if (pe === 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}

/** Krippendorff's alpha for two coders, nominal data, no missing values. */
export function krippendorffAlpha({ n11, n10, n01, n00 }: Counts): number {
  const units = n11 + n10 + n01 + n00;
  const N = 2 * units; // pairable values
  const ones = 2 * n11 + n10 + n01;
  const zeros = N - ones;
  const disagreements = n10 + n01;
  if (ones === 0 || zeros === 0) return disagreements === 0 ? 1 : 0;
  return 1 - ((N - 1) * disagreements) / (ones * zeros);
}

/** Characters coded with `code` on one side of a segment, as a set of offsets. */
function codedChars(side: PMNode, code: string): Set<number> {
  const out = new Set<number>();
  for (const r of sideRanges(side)) if (r.code === code) for (let i = r.from; i < r.to; i++) out.add(i);
  return out;
}

/**
 * Pairs the segments of two codings: by id when they share ids (two copies of
 * one project), otherwise by position when they hold the same text.
 */
function pairSegments(a: PMNode, b: PMNode): [PMNode, PMNode][] {
  const la = segmentList(a);
  const lb = segmentList(b);
  const byId = new Map(lb.map((s) => [s.node.attrs.id as string, s.node]));
  const pairs: [PMNode, PMNode][] = [];
  for (const s of la) {
    const other = byId.get(s.node.attrs.id);
    if (other) pairs.push([s.node, other]);
  }
  if (pairs.length >= la.length / 2) return pairs;
  if (la.length === lb.length && la.every((s, i) => s.node.textContent === lb[i].node.textContent)) return la.map((s, i) => [s.node, lb[i].node]);
  throw new DariError("library:agree.notSameText");
}

export function agreement(a: PMNode, b: PMNode): { result: Agreement; disagreements: Disagreement[] } {
  const pairs = pairSegments(a, b);
  const codes = new Set<string>();
  for (const [x, y] of pairs) for (const seg of [x, y]) seg.forEach((side) => sideRanges(side).forEach((r) => codes.add(r.code)));
  const themes: ThemeAgreement[] = [];
  const disagreements: Disagreement[] = [];
  const total: Counts = { n11: 0, n10: 0, n01: 0, n00: 0 };
  for (const code of [...codes].sort()) {
    for (const side of SIDES) {
      const c: Counts = { n11: 0, n10: 0, n01: 0, n00: 0 };
      let both = 0;
      let onlyA = 0;
      let onlyB = 0;
      pairs.forEach(([x, y], index) => {
        const ca = codedChars(x.child(side === "ko" ? 0 : 1), code);
        const cb = codedChars(y.child(side === "ko" ? 0 : 1), code);
        for (const i of ca) (cb.has(i) ? both++ : onlyA++);
        for (const i of cb) if (!ca.has(i)) onlyB++;
        const [ha, hb] = [ca.size > 0, cb.size > 0];
        if (ha && hb) c.n11++;
        else if (ha) c.n10++;
        else if (hb) c.n01++;
        else c.n00++;
        if (ha !== hb) disagreements.push({ segment: x.attrs.id, index, side, code, coded: ha ? "a" : "b" });
      });
      if (c.n11 + c.n10 + c.n01 === 0) continue; // neither coder used this theme on this side
      total.n11 += c.n11;
      total.n10 += c.n10;
      total.n01 += c.n01;
      total.n00 += c.n00;
      const f1 = both + onlyA + onlyB === 0 ? 1 : (2 * both) / (2 * both + onlyA + onlyB);
      themes.push({
        code,
        side,
        kappa: round(cohensKappa(c)),
        alpha: round(krippendorffAlpha(c)),
        f1: round(f1),
        agree: c.n11 + c.n00,
        disagree: c.n10 + c.n01,
      });
    }
  }
  return { result: { themes, overall: { kappa: round(cohensKappa(total)), alpha: round(krippendorffAlpha(total)) } }, disagreements };
}
