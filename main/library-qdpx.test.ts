// `dari library export <folder> --format qdpx -o <file>`: a folder of three
// commentaries made from the corpus, exported through the real command line as
// one REFI-QDA project, checked with xmllint against Project-mrt2019.xsd, and
// read back with `dari import` into one project with every document's codings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, basename } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { EditorState } from "prosemirror-state";
import { parseProject, serializeProject } from "../app/document/index";
import { createProjectState, projectData, projectFromState, updateProjectData } from "../app/project-state";
import { segmentList } from "../app/document/segments";
import type { Project } from "../app/document/project";
import { dari, tempFolder } from "../test/support";
import { sample, tag, tagsOf } from "../test/edits";
import { PROJECT_XSD, schemaProblems } from "../test/qda-schemas";
import { libraryQdpxFiles, exportLibraryQdpx } from "../app/export/qdpx-library";
import { importQdpx } from "../app/import/qdpx";

const text = (s: EditorState, n: number, side: 0 | 1) => segmentList(s.doc)[n].node.child(side).textContent;

function withMeta(s: EditorState, meta: Partial<{ title: string; author: string; date: string }>): EditorState {
  return s.apply(updateProjectData(s, s.tr, { meta: { ...projectData(s).meta, ...meta } }));
}

type Json = { type?: string; attrs?: Record<string, unknown>; marks?: Json[]; content?: Json[] };
/** The project's JSON with `edit` applied to every node and mark, as a hand edit of the file would. */
function editJson(p: Project, edit: (n: Json) => void): string {
  const json = JSON.parse(serializeProject(p));
  const walk = (n: Json) => {
    edit(n);
    n.marks?.forEach(edit);
    n.content?.forEach(walk);
  };
  walk(json.doc);
  return JSON.stringify(json);
}

/**
 * Three commentaries: a.dari (a memo on a tag), 2024/b.dari (whose "space"
 * theme has another id but the same label), c.dari (a segment note, a theme of
 * its own). Returns the folder and the projects as written.
 */
function makeLibrary(): { dir: string; projects: Record<string, Project> } {
  const dir = tempFolder("dari-library-qdpx-");
  const base = createProjectState(sample());
  const a = withMeta(tag(tag(base, text(base, 0, 0).slice(0, 5), "space", "a1"), text(base, 0, 1).slice(0, 12), "space", "a2"), { title: "첫째 논평", author: "김", date: "2024-01-15" });
  // b's codebook calls the space theme "space-b": the library matches it by its label.
  const space = projectData(base).codebook.find((c) => c.id === "space")!;
  let b = base.apply(updateProjectData(base, base.tr, { codebook: projectData(base).codebook.map((c) => (c.id === "space" ? { ...space, id: "space-b" } : c)) }));
  b = withMeta(tag(tag(b, text(b, 2, 0).slice(0, 5), "arms", "b1"), text(b, 3, 1).slice(0, 9), "space-b", "b2"), { title: "둘째 논평", author: "김", date: "2024-05-02" });
  const c = withMeta(tag(base, text(base, 4, 0).slice(0, 6), "sanctions", "c1"), { title: "셋째 논평", author: "Lee", date: "2025-02-10" });
  const aText = editJson(projectFromState(a), (n) => {
    if (n.type === "theme" && n.attrs?.id === "a1") n.attrs.note = "우주 협력의 첫 언급";
  });
  let noted = false;
  const cText = editJson(projectFromState(c), (n) => {
    if (n.type === "segment" && n.attrs && !noted) {
      n.attrs.note = "출처 확인 필요";
      noted = true;
    }
  });
  mkdirSync(join(dir, "2024"));
  writeFileSync(join(dir, "a.dari"), aText);
  writeFileSync(join(dir, "2024", "b.dari"), serializeProject(projectFromState(b)));
  writeFileSync(join(dir, "c.dari"), cText);
  const read = (f: string) => parseProject(readFileSync(join(dir, f), "utf8"));
  return { dir, projects: { "a.dari": read("a.dari"), "2024/b.dari": read("2024/b.dari"), "c.dari": read("c.dari") } };
}

const qdeOf = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(file)))["project.qde"]);

test("dari library export --format qdpx writes one valid REFI-QDA project: six sources, one codebook, every tag a coding, sets per document and month", async () => {
  const { dir, projects } = makeLibrary();
  const out = join(tempFolder(), "library.qdpx");
  const r = await dari("library", "export", dir, "--format", "qdpx", "-o", out);
  assert.deepEqual([r.code, r.err, r.out], [0, "", ""]);
  const qde = qdeOf(out);
  const qdeFile = join(tempFolder(), "project.qde");
  writeFileSync(qdeFile, qde);
  assert.equal(schemaProblems(PROJECT_XSD, qdeFile), "", "project.qde is valid against Project-mrt2019.xsd");
  assert.match(qde, new RegExp(`<Project [^>]*name="${basename(dir)}"`));

  // A Korean and an English source per document, each a text file in the zip.
  const sources = [...qde.matchAll(/<TextSource guid="([^"]+)" name="([^"]+)" plainTextPath="internal:\/\/([^"]+)"/g)];
  assert.deepEqual(sources.map((m) => m[2]), ["첫째 논평 (한국어)", "첫째 논평 (English)", "둘째 논평 (한국어)", "둘째 논평 (English)", "셋째 논평 (한국어)", "셋째 논평 (English)"]);
  const zip = unzipSync(new Uint8Array(readFileSync(out)));
  for (const m of sources) assert.ok(zip[`sources/${m[3]}`]?.length, `sources/${m[3]} is in the zip`);

  // Every tag of every document is one coded selection (each lies in one segment here).
  const tagCount = Object.values(projects).reduce((n, p) => n + tagsOf(p).length, 0);
  assert.equal(tagCount, 5);
  assert.equal((qde.match(/<Coding /g) ?? []).length, tagCount);

  // The space theme once, though b.dari calls it "space-b"; b's tag points at it.
  const spaceLabel = projects["a.dari"].codebook.find((c) => c.id === "space")!.label.ko;
  const spaceCodes = [...qde.matchAll(new RegExp(`<Code guid="([^"]+)" name="${spaceLabel}"`, "g"))];
  assert.equal(spaceCodes.length, 1);
  assert.equal((qde.match(new RegExp(`<CodeRef targetGUID="${spaceCodes[0][1]}"/>`, "g")) ?? []).length, 3);

  // The memo and the note are Notes that a selection refers to.
  for (const memo of ["우주 협력의 첫 언급", "출처 확인 필요"]) {
    const note = new RegExp(`<Note guid="([^"]+)">\\s*<PlainTextContent>${memo}</PlainTextContent>`).exec(qde);
    assert.ok(note, memo);
    assert.match(qde, new RegExp(`<NoteRef targetGUID="${note[1]}"/>`));
  }
  // A set per document (its two sources) and per month of the commentaries' dates.
  const sets = [...qde.matchAll(/<Set guid="[^"]+" name="([^"]+)">([\s\S]*?)<\/Set>/g)].map((m) => [m[1], (m[2].match(/<MemberSource /g) ?? []).length]);
  assert.deepEqual(sets, [["첫째 논평", 2], ["둘째 논평", 2], ["셋째 논평", 2], ["2024-01", 2], ["2024-05", 2], ["2025-02", 2]]);
  // The analyst who exported is the project's user.
  assert.match(qde, /<Users>\s*<User guid="([^"]+)" name="[^"]+"\/>\s*<\/Users>/);
  assert.equal(existsSync(join(dir, "library.qdpx")), false, "nothing is written into the library folder but its index");
});

test("the library's .qdpx reads back with dari import as one project with every document's passages, notes and codings", async () => {
  const { dir, projects } = makeLibrary();
  const out = join(tempFolder(), "library.qdpx");
  assert.equal((await dari("library", "export", dir, "--format", "qdpx", "-o", out)).code, 0);
  const back = join(tempFolder(), "back.dari");
  const r = await dari("import", out, "-o", back);
  // Dari has no sets of documents; the import says so rather than dropping them silently.
  assert.deepEqual([r.code, r.err], [0, `dari import: warning: ${out}: left out: sources and notes in sets (12)\n`]);
  const project = parseProject(readFileSync(back, "utf8"));
  const all = Object.values(projects);
  assert.equal(project.doc.childCount, all.reduce((n, p) => n + p.doc.childCount, 0), "every document's passages");
  assert.equal(segmentList(project.doc).length, all.reduce((n, p) => n + segmentList(p.doc).length, 0), "every document's segments");
  // The same tags on the same text; b's "space-b" comes back as the library's "space".
  const expected = all.flatMap((p) => tagsOf(p)).map((t) => ({ ...t, code: t.code === "space-b" ? "space" : t.code }));
  const key = (t: { id: string; code: string; text: string }) => `${t.id} ${t.code} ${t.text}`;
  assert.deepEqual(tagsOf(project).map(key).sort(), expected.map(key).sort());
  assert.deepEqual(
    segmentList(project.doc).map((s) => s.node.attrs.note).filter(Boolean),
    ["출처 확인 필요"],
  );
  let memo = "";
  project.doc.descendants((n) => void n.marks.forEach((m) => m.attrs.id === "a1" && (memo = m.attrs.note)));
  assert.equal(memo, "우주 협력의 첫 언급");
  assert.deepEqual(project.codebook.filter((c) => c.id.startsWith("space")).map((c) => c.id), ["space"]);
  assert.equal(project.codeSets, undefined, "the sets of documents do not become groups of codes");
});

test("the same library exports to the same project.qde, and guids of two copies of a project do not collide", () => {
  const { projects } = makeLibrary();
  const list = Object.entries(projects).map(([file, project]) => ({ file, project }));
  const options = { name: "library", now: "2026-01-01T00:00:00.000Z" };
  assert.equal(libraryQdpxFiles(list, options).project, libraryQdpxFiles(list, options).project);
  const twice = libraryQdpxFiles([list[0], { file: "copy/a.dari", project: list[0].project }], options);
  const guids = [...twice.project.matchAll(/<(?:TextSource|PlainTextSelection|Note) guid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(guids).size, guids.length);
  assert.equal(twice.textSources, 4);
  // Read back, the copy's tags are tags of their own, not one tag spanning both documents.
  const back = importQdpx("twice.qdpx", exportLibraryQdpx([list[0], { file: "copy/a.dari", project: list[0].project }], options)).project;
  const ids = tagsOf(back).map((t) => t.id);
  assert.equal(ids.length, 2 * tagsOf(list[0].project).length);
  assert.equal(new Set(ids).size, ids.length);
});

test("dari library export --format qdpx names the folder when it holds no projects, and the file it could not read", async () => {
  const empty = tempFolder("dari-library-empty-");
  const out = join(tempFolder(), "x.qdpx");
  const none = await dari("library", "export", empty, "--format", "qdpx", "-o", out);
  assert.equal(none.code, 1);
  assert.match(none.err, new RegExp(`${empty}.*no \\.dari projects`));
  assert.equal(existsSync(out), false);
  const missing = await dari("library", "export", join(empty, "nowhere"), "--format", "qdpx", "-o", out);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nowhere/);

  const { dir } = makeLibrary();
  writeFileSync(join(dir, "broken.dari"), "{ not json");
  const r = await dari("library", "export", dir, "--format", "qdpx", "-o", out);
  assert.equal(r.code, 0);
  assert.match(r.err, /broken\.dari/);
  assert.equal((qdeOf(out).match(/<TextSource /g) ?? []).length, 6, "the readable projects are exported");
  const usage = await dari("library", "export", dir, "--format", "qdp", "-o", out);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /qdpx/);
  const themed = await dari("library", "export", dir, "--format", "qdpx", "--theme", "space", "-o", out);
  assert.deepEqual([themed.code, themed.err], [2, "dari library: --theme does not apply to --format qdpx. Run “dari --help” for usage.\n"]);
});
