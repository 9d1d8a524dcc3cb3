// Writes the aligner's test sets from the composed documents in source/:
// each source line is one gold bead, `Korean sentences => English sentences`
// (sentences of one side separated by ` || `, either side may be empty), a
// blank line starts a new paragraph, a line starting with `#` is the title.
// Every document is written in five variants, one folder each, in the format
// `npm run eval:align` reads (`<doc>.ko.txt`, `<doc>.en.txt`, `<doc>.gold.json`
// as ../shared/corpus/commentary.gold.json):
//   clean      the translation as composed, English paragraphs as the Korean ones
//   one-block  the English without paragraph breaks
//   omissions  some sentences left untranslated on either side (1-0 and 0-1 beads)
//   joined     some pairs of English sentences joined into one (2-1 beads)
//   mixed      omissions, joined sentences and the English as one block
// The sources hold the hard cases on purpose: quotations of two sentences,
// quotations left open across paragraphs, ages "(40)" that the English moves
// to the next sentence, 2-3 and 1-3 beads.
//
// Run: node --import tsx bench/align-sets/make.ts
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface SourceBead {
  ko: string[];
  en: string[];
}
/** A document as composed: paragraphs of beads. */
type Source = SourceBead[][];

export interface Gold {
  description: string;
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
}

const here = fileURLToPath(new URL(".", import.meta.url));

function parse(text: string, file: string): Source {
  const doc: Source = [[]];
  text.split("\n").forEach((line, n) => {
    if (line.startsWith("#")) return;
    if (!line.trim()) {
      if (doc[doc.length - 1].length) doc.push([]);
      return;
    }
    const parts = line.split(" => ");
    if (parts.length !== 2) throw new Error(`${file}:${n + 1}: expected one " => "`);
    const side = (s: string) => s.split(" || ").map((x) => x.trim()).filter(Boolean);
    doc[doc.length - 1].push({ ko: side(parts[0]), en: side(parts[1]) });
  });
  return doc.filter((p) => p.length);
}

/** Drops the English of every `every`th 1-1 bead from `from`, the Korean of others, keeping one bead per paragraph with Korean. */
function omit(doc: Source): Source {
  let n = 0;
  return doc.map((p) =>
    p.map((b) => {
      if (b.ko.length !== 1 || b.en.length !== 1) return b;
      n++;
      if (n % 12 === 4) return { ko: b.ko, en: [] };
      if (n % 12 === 10 && p.filter((x) => x.ko.length).length > 2) return { ko: [], en: b.en };
      return b;
    }),
  );
}

/** Joins the English of two neighbouring 1-1 beads into one sentence (`A — B.`), every fifth time. */
function join2(doc: Source): Source {
  let n = 0;
  return doc.map((p) => {
    const out: SourceBead[] = [];
    for (const b of p) {
      const prev = out[out.length - 1];
      const one = (x: SourceBead | undefined) => x && x.ko.length === 1 && x.en.length === 1;
      if (one(b) && one(prev) && /[a-z0-9]\.$/.test(prev!.en[0]) && n++ % 5 === 2) {
        out[out.length - 1] = { ko: [...prev!.ko, ...b.ko], en: [prev!.en[0].slice(0, -1) + " — " + b.en[0]] };
      } else {
        out.push(b);
      }
    }
    return out;
  });
}

/** The texts and gold of a document: Korean paragraphs as composed, English in paragraphs or one block. */
function render(doc: Source, oneBlock: boolean): { ko: string; en: string; gold: Gold } {
  const gold: Gold = {
    description: "Gold segmentation and sentence alignment (composed for Dari's aligner tests). ko/en: sentences per paragraph; beads: aligned groups of global sentence indices (0-based), with their Korean paragraph.",
    ko: [],
    en: [],
    beads: [],
  };
  let k = 0;
  let e = 0;
  for (const [p, beads] of doc.entries()) {
    const ko: string[] = [];
    const en: string[] = [];
    for (const b of beads) {
      gold.beads.push({ paragraph: p, ko: b.ko.map((_, i) => k + i), en: b.en.map((_, i) => e + i) });
      ko.push(...b.ko);
      en.push(...b.en);
      k += b.ko.length;
      e += b.en.length;
    }
    gold.ko.push(ko);
    gold.en.push(en);
  }
  gold.ko = gold.ko.filter((p) => p.length);
  if (oneBlock) gold.en = [gold.en.flat()];
  else gold.en = gold.en.filter((p) => p.length);
  return {
    ko: gold.ko.map((p) => p.join(" ")).join("\n\n") + "\n",
    en: gold.en.map((p) => p.join(" ")).join("\n\n") + "\n",
    gold,
  };
}

export const VARIANTS: Record<string, (d: Source) => { doc: Source; oneBlock: boolean }> = {
  clean: (d) => ({ doc: d, oneBlock: false }),
  "one-block": (d) => ({ doc: d, oneBlock: true }),
  omissions: (d) => ({ doc: omit(d), oneBlock: false }),
  joined: (d) => ({ doc: join2(d), oneBlock: false }),
  mixed: (d) => ({ doc: join2(omit(d)), oneBlock: true }),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sources = readdirSync(join(here, "source")).filter((f) => f.endsWith(".txt"));
  for (const [variant, make] of Object.entries(VARIANTS)) {
    const dir = join(here, variant);
    mkdirSync(dir, { recursive: true });
    for (const f of sources) {
      const name = f.replace(/\.txt$/, "");
      const { doc, oneBlock } = make(parse(readFileSync(join(here, "source", f), "utf8"), f));
      const out = render(doc, oneBlock);
      writeFileSync(join(dir, `${name}.ko.txt`), out.ko);
      writeFileSync(join(dir, `${name}.en.txt`), out.en);
      writeFileSync(join(dir, `${name}.gold.json`), JSON.stringify(out.gold, null, 1) + "\n");
    }
  }
}
