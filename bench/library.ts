// The library and merge benchmarks (issue 16): a library of 1,000
// commentaries (50 segments each, about 5 M characters, grown from the sample
// like the large project) indexed from nothing, opened again with its index,
// and searched; and a three-way merge of two edited 20,000-segment versions.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serializeProject, type Project } from "../app/document";
import { buildLargeProject, SIZES } from "./build-large";
import { rng } from "./rng";

const AUTHORS = ["강윤희", "김민수", "이서연", "박지훈", "Lee", "Kim"];

/** Writes `count` commentaries of 50 segments into a fresh folder (20 subfolders of 50). */
export async function writeLibrary(count = 1000): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dari-bench-library-"));
  const { mkdir } = await import("node:fs/promises");
  const rand = rng(11);
  for (let i = 0; i < count; i++) {
    const p = buildLargeProject({ passages: 5, segmentsPerPassage: 10, charsPerSegment: 100, seed: 100 + i });
    const month = 1 + Math.floor(rand() * 36);
    const date = `${2023 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const project: Project = { ...p, meta: { ...p.meta, title: `논평 ${i + 1}`, author: AUTHORS[i % AUTHORS.length], date } };
    const sub = join(dir, `f${Math.floor(i / 50)}`);
    if (i % 50 === 0) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `c${i}.dari`), serializeProject(project, new Date("2026-01-01T00:00:00Z")));
  }
  return dir;
}

export async function benchLibrary(want: (name: string) => boolean): Promise<Record<string, number[]>> {
  const { openLibrary, indexPath } = await import("../main/library");
  const { searchLibrary } = await import("../app/library/search");
  const out: Record<string, number[]> = {};
  const dir = await writeLibrary();
  try {
    const index: number[] = [];
    for (let i = 0; i < 2; i++) {
      await rm(indexPath(dir), { force: true });
      const t0 = performance.now();
      const r = await openLibrary(dir);
      index.push(performance.now() - t0);
      if (r.library.documents.length !== 1000) throw new Error(`the library indexed ${r.library.documents.length} documents, not 1,000`);
    }
    out.library_index_1k_ms = index;
    const open: number[] = [];
    let library = (await openLibrary(dir)).library;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      library = (await openLibrary(dir)).library;
      open.push(performance.now() - t0);
    }
    out.library_open_ms = open;
    const queries = ["정상회담", "우주기지에서", "ㅂㄹ ㅈㅅ", "cooperation", "North Korea", "군사 협력을", "Vostochny Cosmodrome"];
    const search: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of queries) {
        const t0 = performance.now();
        const hits = searchLibrary(library.documents, library.search, q);
        search.push(performance.now() - t0);
        if (round === 0 && hits.length === 0) throw new Error(`no hit for ${q}`);
      }
    out.library_search_ms = search;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (want("merge_20k_ms")) out.merge_20k_ms = await benchMerge();
  return out;
}

/** Two analysts' versions of the 20,000-segment project: one retranslates 200 segments, the other tags 200 others. */
async function benchMerge(): Promise<number[]> {
  const { mergeProjectTexts } = await import("../app/merge/merge3");
  const base = JSON.parse(serializeProject(buildLargeProject({ passages: SIZES["20k"] })));
  const ours = structuredClone(base);
  const theirs = structuredClone(base);
  const segs = (f: typeof base) => f.doc.content.flatMap((p: { content: unknown[] }) => p.content);
  segs(ours).forEach((s: { content: { content?: { text: string }[] }[] }, i: number) => {
    if (i % 100 === 3) s.content[1].content = [{ type: "text", text: `Retranslated ${i}.` } as never];
  });
  segs(theirs).forEach((s: { content: { content?: { text: string; marks?: unknown[] }[] }[] }, i: number) => {
    if (i % 100 === 51 && s.content[0].content?.length) s.content[0].content[0].marks = [{ type: "theme", attrs: { code: "space", id: `m${i}`, note: "" } }];
  });
  const text = (f: unknown, file: string) => ({ text: JSON.stringify(f, null, 1) + "\n", file });
  const [b, o, t] = [text(base, "base"), text(ours, "ours"), text(theirs, "theirs")];
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = mergeProjectTexts(b, o, t);
    times.push(performance.now() - t0);
    if (r.conflicts.length) throw new Error("the bench's merge should have no conflicts");
  }
  return times;
}
