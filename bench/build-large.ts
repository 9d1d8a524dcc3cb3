// Book-length projects for the benchmarks, grown from the sample commentary
// (../shared/corpus): its 49 gold beads, repeated and varied. A large project
// is 2,000 passages of 10 segments, about 1 M characters (DESIGN.md
// "Performance budget"); segments carry clipped sentences (a window of words
// that starts at a varying word), statuses, confidences and a theme tag on
// every fifth segment, so plugins and exports see what a real project holds.
// Deterministic: the same sizes give the same text, run after run.
import { readFileSync } from "node:fs";
import { writeFile, mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Node as PMNode } from "prosemirror-model";
import { schema, SEGMENT_STATUSES } from "../app/schema";
import { emptyMeta, serializeProject, type Project } from "../app/document";
import { defaultCodebook } from "../app/themes/default-codebook";
import { defaultGlossary } from "../app/translate/default-glossary";
import { rng } from "./rng";

export const CORPUS = resolve(fileURLToPath(new URL("..", import.meta.url)), "../shared/corpus");

interface Gold {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
}

/** The sample's sentence pairs, one per gold bead. */
export function sampleBeads(corpus = CORPUS): { ko: string; en: string }[] {
  const gold = JSON.parse(readFileSync(resolve(corpus, "commentary.gold.json"), "utf8")) as Gold;
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  return gold.beads.map((b) => ({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" ") }));
}

export { rng };

/** A run of whole words of `text`, starting at a word picked by `rand`, about `target` characters long. */
function clip(text: string, target: number, rand: () => number): string {
  const words = text.split(" ");
  let i = Math.floor(rand() * Math.max(1, words.length - 3));
  let out = words[i++];
  while (out.length < target) out += " " + words[i++ % words.length];
  return out;
}

export interface LargeOptions {
  passages: number;
  segmentsPerPassage?: number;
  /** Characters per segment, both sides together (46 gives about 1 M for 20,000 segments). */
  charsPerSegment?: number;
  seed?: number;
}

export interface LargeText {
  ko: string;
  en: string;
}

/** The segments' text, passage by passage (also what the plain-ProseMirror baseline shows). */
export function largeText(opts: LargeOptions): LargeText[][] {
  const beads = sampleBeads();
  const per = opts.segmentsPerPassage ?? 10;
  const chars = opts.charsPerSegment ?? 46;
  const rand = rng(opts.seed ?? 7);
  const passages: LargeText[][] = [];
  for (let p = 0; p < opts.passages; p++) {
    const start = Math.floor(rand() * beads.length);
    const segs: LargeText[] = [];
    for (let s = 0; s < per; s++) {
      const bead = beads[(start + s) % beads.length];
      // Korean is about a third as long as its English (as in the sample); vary each by ±40 %.
      const size = chars * (0.6 + 0.8 * rand());
      segs.push({ ko: clip(bead.ko, Math.round(size * 0.3), rand), en: clip(bead.en, Math.round(size * 0.7), rand) });
    }
    passages.push(segs);
  }
  return passages;
}

/** A project of `passages` × 10 segments built from the sample. */
export function buildLargeProject(opts: LargeOptions): Project {
  const codebook = defaultCodebook();
  const codes = codebook.filter((c) => !c.parent).map((c) => c.id);
  const rand = rng((opts.seed ?? 7) + 1);
  let n = 0;
  const passages = largeText(opts).map((segs, p) =>
    schema.nodes.passage.create(
      { id: `p${p}` },
      segs.map((t) => {
        const k = n++;
        const side = (type: "ko" | "en", text: string): PMNode => {
          // Every fifth segment has one theme on a word or two of each side.
          if (k % 5 !== 0 || text.length < 8) return schema.nodes[type].create(null, schema.text(text));
          const cut = text.indexOf(" ", 4) > 0 ? text.indexOf(" ", 4) : 4;
          const mark = schema.marks.theme.create({ code: codes[k % codes.length], id: `a${k}`, note: "" });
          return schema.nodes[type].create(null, [schema.text(text.slice(0, cut), [mark]), schema.text(text.slice(cut))]);
        };
        return schema.nodes.segment.create(
          { id: `s${k}`, status: SEGMENT_STATUSES[Math.floor(rand() * SEGMENT_STATUSES.length)], confirmed: rand() < 0.3, note: "", confidence: Math.round(rand() * 100) / 100 },
          [side("ko", t.ko), side("en", t.en)],
        );
      }),
    ),
  );
  return {
    meta: { ...emptyMeta(`Large sample (${n} segments)`, "2026-01-01T00:00:00.000Z"), source: "bench/build-large.ts", author: "강윤희" },
    codebook,
    glossary: defaultGlossary(),
    doc: schema.nodes.doc.create(null, passages),
  };
}

export const SIZES = { "2k": 200, "20k": 2000 } as const;

/** Writes large-2k.dari and large-20k.dari into `dir`; returns their paths. */
export async function writeLargeProjects(dir: string): Promise<Record<keyof typeof SIZES, string>> {
  await mkdir(dir, { recursive: true });
  const out = {} as Record<keyof typeof SIZES, string>;
  for (const [name, passages] of Object.entries(SIZES) as [keyof typeof SIZES, number][]) {
    const path = resolve(dir, `large-${name}.dari`);
    await writeFile(path, serializeProject(buildLargeProject({ passages }), new Date("2026-01-01T00:00:00Z")));
    out[name] = path;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? "bench/data");
  const paths = await writeLargeProjects(dir);
  for (const p of Object.values(paths)) console.log(p, readFileSync(p).length, "bytes");
}
