// Benchmark of the aligner (issue 3, requirement 8), not a test: aligning
// 10,000 × 10,000 sentences must take under 2 s, with memory linear in the
// input (a banded search, never the full matrix).
//
// Run: node --import tsx bench/align.ts            (sizes 2,500 / 5,000 / 10,000, each in its own process)
//      node --import tsx bench/align.ts --size 10000 --runs 5
// bench/run.ts measures align_10k_ms itself; benchAlign() is here for it or
// anyone else to call.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { alignDocument, type SentenceDocument } from "../app/align/align";
import { searchStats } from "../app/align/dp";

const corpus = new URL("../../shared/corpus/", import.meta.url);

/** n Korean and about n English sentences: the sample's paragraphs of gold sentences, repeated. */
export function benchDocument(n: number): SentenceDocument {
  const gold = JSON.parse(readFileSync(new URL("commentary.gold.json", corpus), "utf8")) as { ko: string[][]; en: string[][] };
  const doc: SentenceDocument = { ko: [], en: [] };
  let count = 0;
  for (let i = 0; count < n; i++) {
    const p = i % gold.ko.length;
    doc.ko.push(gold.ko[p]);
    doc.en.push(gold.en[p]);
    count += gold.ko[p].length;
  }
  return doc;
}

export interface AlignBench {
  sentences: { ko: number; en: number };
  /** Wall time of each run, ms. */
  runs: number[];
  medianMs: number;
  /** The same with the English as one block (no paragraph breaks). */
  oneBlockMedianMs: number;
  /** Cells of the band searched per run: linear in the input, not n × m. */
  cellsPerRun: number;
  /** Peak resident memory of this process, MB. */
  peakRssMb: number;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

export function benchAlign(n = 10_000, runs = 5): AlignBench {
  const doc = benchDocument(n);
  const oneBlock = { ko: doc.ko, en: [doc.en.flat()] };
  alignDocument(doc); // warm-up: JIT, romanization cache
  const times: number[] = [];
  const cells0 = searchStats.cells;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    alignDocument(doc);
    times.push(performance.now() - t0);
  }
  const cellsPerRun = (searchStats.cells - cells0) / runs;
  const block: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    alignDocument(oneBlock);
    block.push(performance.now() - t0);
  }
  return {
    sentences: { ko: doc.ko.flat().length, en: doc.en.flat().length },
    runs: times.map((t) => Math.round(t)),
    medianMs: Math.round(median(times)),
    oneBlockMedianMs: Math.round(median(block)),
    cellsPerRun,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = arg("--size");
  const runs = Number(arg("--runs") ?? 5);
  if (size) {
    console.log(JSON.stringify(benchAlign(Number(size), runs)));
  } else {
    console.log("sentences (ko × en)     median ms  one block ms  band cells  peak RSS MB");
    for (const n of [2_500, 5_000, 10_000]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--size", String(n), "--runs", String(runs)], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      const b = JSON.parse(r.stdout) as AlignBench;
      console.log(
        `${`${b.sentences.ko} × ${b.sentences.en}`.padEnd(24)}${String(b.medianMs).padStart(9)}${String(b.oneBlockMedianMs).padStart(14)}${String(b.cellsPerRun).padStart(12)}${String(b.peakRssMb).padStart(13)}`,
      );
    }
  }
}
