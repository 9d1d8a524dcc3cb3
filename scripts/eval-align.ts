// `npm run eval:align [folder ...] [--memory file.tmx] [--json]`: how well Dari
// aligns texts whose right alignment is known. For every test set (the sample
// commentary, the composed sets in bench/align-sets/, and every folder given)
// it aligns each `<name>.ko.txt` with its `<name>.en.txt` through the real
// pipeline (sentence splitting, alignment) and scores the segments against
// `<name>.gold.json` (the format of ../shared/corpus/commentary.gold.json):
// bead F1, 1-1 exact recall, omissions found, and how well the review flag
// (confidence under 0.6) picks out the wrong segments.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { alignProject } from "../app/align/project";
import { scoreAlignment, sumScores, textParagraphs, type AlignmentScore, type GoldAlignment } from "../app/align/evaluate";
import type { AlignOptions } from "../app/align/align";
import { lexiconFromMemoryFile } from "../app/align/memory-lexicon";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface TestDocument {
  name: string;
  ko: string[];
  en: string[];
  gold: GoldAlignment;
}

function fail(message: string): never {
  process.stderr.write(`eval:align: ${message}\n`);
  process.exit(1);
}

function readGold(file: string): GoldAlignment {
  let gold: GoldAlignment;
  try {
    gold = JSON.parse(readFileSync(file, "utf8")) as GoldAlignment;
  } catch (e) {
    fail(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(gold.ko) || !Array.isArray(gold.en) || !Array.isArray(gold.beads)) fail(`${file}: expected "ko", "en" and "beads" as in commentary.gold.json`);
  const nk = gold.ko.flat().length;
  const ne = gold.en.flat().length;
  gold.beads.forEach((b, i) => {
    if (!Array.isArray(b.ko) || !Array.isArray(b.en) || b.ko.some((k) => !(k >= 0 && k < nk)) || b.en.some((k) => !(k >= 0 && k < ne))) {
      fail(`${file}: bead ${i} refers to a sentence that is not in "ko" (${nk}) or "en" (${ne})`);
    }
  });
  return gold;
}

/** The documents of a folder: every `<name>.ko.txt` with its `.en.txt` and `.gold.json`. */
export function readTestSet(dir: string): TestDocument[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir}: not a folder`);
  const docs: TestDocument[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".ko.txt")) continue;
    const name = f.slice(0, -".ko.txt".length);
    const en = join(dir, `${name}.en.txt`);
    const gold = join(dir, `${name}.gold.json`);
    if (!existsSync(en) || !existsSync(gold)) fail(`${join(dir, f)}: ${name}.en.txt or ${name}.gold.json is missing next to it`);
    docs.push({ name, ko: textParagraphs(readFileSync(join(dir, f), "utf8")), en: textParagraphs(readFileSync(en, "utf8")), gold: readGold(gold) });
  }
  if (!docs.length) fail(`${dir}: no <name>.ko.txt with <name>.en.txt and <name>.gold.json`);
  return docs;
}

export function evaluateSet(docs: readonly TestDocument[], opts: AlignOptions = {}): AlignmentScore {
  return sumScores(docs.map((d) => scoreAlignment(alignProject(d.ko, d.en, opts), d.gold)));
}

/** The sets measured by default: the sample (also with its English as one block) and bench/align-sets/*. */
export function defaultSets(): [string, TestDocument[]][] {
  const sample = readTestSet(resolve(root, "../shared/corpus")).filter((d) => d.name === "commentary");
  const sets: [string, TestDocument[]][] = [
    ["sample", sample],
    ["sample one-block", sample.map((d) => ({ ...d, name: d.name, en: [d.en.join(" ")] }))],
  ];
  const composed = join(root, "bench/align-sets");
  for (const v of readdirSync(composed).sort()) {
    if (v === "source" || !statSync(join(composed, v)).isDirectory()) continue;
    sets.push([v, readTestSet(join(composed, v))]);
  }
  return sets;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function row(name: string, docs: number, s: AlignmentScore): string {
  const orphans = s.orphans ? `${s.orphansFound}/${s.orphans}` : "-";
  const flaggedWrong = s.flagged ? pct(s.flaggedWrong / s.flagged) : "    -";
  const wrong = s.segments - s.exact;
  const missed = wrong ? pct(s.wrongUnflagged / wrong) : "    -";
  return `${name.padEnd(18)} ${String(docs).padStart(4)} ${String(s.gold).padStart(6)} ${s.f1.toFixed(3).padStart(7)} ${pct(s.oneOneFound / Math.max(1, s.oneOne))}% ${orphans.padStart(8)} ${String(s.flagged).padStart(7)} ${flaggedWrong}% ${missed}%`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const m = args.indexOf("--memory");
  const memory = m >= 0 ? args[m + 1] : undefined;
  if (m >= 0 && !memory) fail("--memory needs a .tmx file");
  const folders = args.filter((a, i) => !a.startsWith("--") && (m < 0 || i !== m + 1));
  const opts: AlignOptions = memory ? { learned: lexiconFromMemoryFile(memory, new Uint8Array(readFileSync(memory))) } : {};
  const sets: [string, TestDocument[]][] = folders.length ? folders.map((f) => [basename(resolve(f)), readTestSet(resolve(f))]) : defaultSets();
  const results = sets.map(([name, docs]) => ({ name, docs: docs.length, score: evaluateSet(docs, opts) }));
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 1) + "\n");
  } else {
    const lines = [
      `${"set".padEnd(18)} docs  beads bead-F1 1-1 rec. omitted flagged  wrong/flagged  wrong unflagged`,
      ...results.map((r) => row(r.name, r.docs, r.score)),
    ];
    if (results.length > 1) lines.push(row("all", results.reduce((a, r) => a + r.docs, 0), sumScores(results.map((r) => r.score))));
    process.stdout.write(lines.join("\n") + "\n");
  }
}
