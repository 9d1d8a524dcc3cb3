// Benchmarks of the translation desk (issue 5, requirement 8), not tests:
//   - a translation-memory lookup against 100,000 units: budget 50 ms;
//   - QA of a 20,000-segment document: budget 1 s, then per edit.
// Run: node --import tsx bench/tm.ts   (bench/run.ts may call benchTranslate()).
import { readFileSync } from "node:fs";
import { EditorState } from "prosemirror-state";
import { TranslationMemory, type TmUnit } from "../app/translate/tm";
import { QaChecker } from "../app/translate/qa";
import { defaultGlossary } from "../app/translate/default-glossary";
import { buildDoc, type PassageInput } from "../app/document/build";

const corpus = new URL("../../shared/corpus/", import.meta.url);

interface Gold {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
}

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadGold(): Gold {
  return JSON.parse(readFileSync(new URL("commentary.gold.json", corpus), "utf8")) as Gold;
}

/**
 * A memory of `n` units that looks like a real one: sentences of 8–30 words
 * drawn from the sample's vocabulary (so Korean bigrams have a natural spread),
 * plus, every 1,000 units, a light variant of a sample sentence.
 */
export function syntheticMemory(n: number, gold = loadGold()): TmUnit[] {
  const rnd = random(42);
  const koWords = gold.ko.flat().join(" ").split(/\s+/);
  const enWords = gold.en.flat().join(" ").split(/\s+/);
  const koSent = gold.ko.flat();
  const enSent = gold.en.flat();
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const out: TmUnit[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 0) {
      const k = Math.floor(rnd() * koSent.length);
      const words = koSent[k].split(" ");
      words[Math.floor(rnd() * words.length)] = pick(koWords);
      out.push({ ko: words.join(" "), en: enSent[Math.min(k, enSent.length - 1)], origin: "variant" });
      continue;
    }
    const len = 8 + Math.floor(rnd() * 22);
    const ko: string[] = [];
    const en: string[] = [];
    for (let w = 0; w < len; w++) ko.push(pick(koWords));
    for (let w = 0; w < len * 1.4; w++) en.push(pick(enWords));
    out.push({ ko: ko.join(" ") + ".", en: en.join(" ") + ".", origin: "synthetic" });
  }
  return out;
}

/** CPU milliseconds of this process since `from` (user + system): on a machine
 *  shared with other work, closer to what the code costs than wall time. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function percentile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export interface TranslateBench {
  tmUnits: number;
  tmBuildMs: number;
  tmLookupMedianMs: number;
  tmLookupP95Ms: number;
  tmLookupMaxMs: number;
  tmLookupCpuMedianMs: number;
  tmLookupCpuP95Ms: number;
  qaSegments: number;
  qaFullMs: number;
  qaFullCpuMs: number;
  qaPerEditMs: number;
}

export function benchTranslate(): TranslateBench {
  const gold = loadGold();
  // QA first, while the heap is small: 20,000 segments (2,000 passages of 10), the default glossary.
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const passages: PassageInput[] = [];
  for (let p = 0; p < 2000; p++) {
    const segs = [];
    for (let i = 0; i < 10; i++) {
      const b = gold.beads[(p * 10 + i) % gold.beads.length];
      segs.push({ ko: b.ko.map((k) => ko[k]).join(" "), en: b.en.map((k) => en[k]).join(" ") });
    }
    passages.push({ segments: segs });
  }
  const state = EditorState.create({ doc: buildDoc(passages) });
  const qa = new QaChecker(defaultGlossary());
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const findings = qa.doc(state.doc);
  const qaFullMs = performance.now() - t0;
  const qaFullCpuMs = cpuMs(c0);
  // One edit, then the whole document's findings again (only the edited segment is re-checked).
  let pos = 0;
  state.doc.descendants((n, p) => {
    if (!pos && n.type.name === "en") pos = p + 1;
    return !pos;
  });
  const edits: number[] = [];
  let s = state;
  for (let k = 0; k < 20; k++) {
    s = s.apply(s.tr.insertText("x", pos));
    t0 = performance.now();
    qa.doc(s.doc);
    edits.push(performance.now() - t0);
  }

  const units = syntheticMemory(100_000, gold);
  t0 = performance.now();
  const tm = new TranslationMemory();
  tm.add(units);
  const tmBuildMs = performance.now() - t0;
  // Look up every sample sentence, lightly changed, a few times over (after a warm-up).
  const queries = gold.ko.flat().map((q) => q.replace(/다\.$/, "었다."));
  for (const q of queries.slice(0, 5)) tm.lookup(q);
  const times: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      t0 = performance.now();
      c0 = process.cpuUsage();
      const m = tm.lookup(q);
      times.push(performance.now() - t0);
      cpu.push(cpuMs(c0));
      if (m.length) found++;
    }
  }
  console.error(`(tm: ${found}/${times.length} lookups found a match; qa: ${findings.length} findings)`);
  return {
    tmUnits: tm.size,
    tmBuildMs: Math.round(tmBuildMs),
    tmLookupMedianMs: +percentile(times, 0.5).toFixed(2),
    tmLookupP95Ms: +percentile(times, 0.95).toFixed(2),
    tmLookupMaxMs: +Math.max(...times).toFixed(2),
    tmLookupCpuMedianMs: +percentile(cpu, 0.5).toFixed(2),
    tmLookupCpuP95Ms: +percentile(cpu, 0.95).toFixed(2),
    qaSegments: 20000,
    qaFullMs: Math.round(qaFullMs),
    qaFullCpuMs: Math.round(qaFullCpuMs),
    qaPerEditMs: +percentile(edits, 0.5).toFixed(2),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchTranslate(), null, 2));
}
