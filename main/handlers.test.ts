// The IPC handlers in Node with real temporary folders and scripted dialogs.
import { test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandlers, type Dialogs } from "./handlers";
import { IPC_METHODS, type DariApi, type Result } from "../app/ipc";
import { IPC_SCHEMAS } from "../app/ipc-schema";
import { createPathGrants } from "./grants";
import { parseProject, serializeProject, buildDoc, emptyMeta } from "../app/document";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
let dir: string;
let answers: { open: (string | null)[]; save: (string | null)[]; text: (string | null)[]; exportTo: (string | null)[] };
let api: DariApi;
let startup: string | null;
let state: { title?: string; dirty?: boolean } = {};
/** The names main's export dialog proposed, in order. */
let exportAsked: string[] = [];
const noDialogs: Dialogs = { openProject: async () => null, saveProject: async () => null, openText: async () => null, exportTo: async () => null, confirmDiscard: async () => "cancel" };

function ok<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.message}`);
  return r.value;
}

function projectText(ko = "가나다.", en = "ABC."): string {
  return serializeProject({ meta: emptyMeta("t"), codebook: [], glossary: [], doc: buildDoc([{ segments: [{ ko, en }] }]) });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dari-handlers-"));
  answers = { open: [], save: [], text: [], exportTo: [] };
  startup = null;
  state = {};
  const dialogs: Dialogs = {
    openProject: async () => answers.open.shift() ?? null,
    saveProject: async () => answers.save.shift() ?? null,
    openText: async () => answers.text.shift() ?? null,
    exportTo: async (name) => (exportAsked.push(name), answers.exportTo.shift() ?? null),
    confirmDiscard: async () => "cancel",
  };
  exportAsked = [];
  api = createHandlers({
    userData: join(dir, "user"),
    dialogs,
    samplePath: join(ROOT, "resources/sample/commentary.dari"),
    startupFile: () => startup,
    systemLocale: () => "ko-KR",
    onDocumentState: (s) => (state = s),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("the app starts on the start screen (no project), on the file it was given, or offers untitled work back; the sample opens untitled", async () => {
  assert.equal(ok(await api.startupProject()), null, "no file: the start screen");
  const sample = ok(await api.openSample());
  assert.equal(sample.path, null, "the sample opens untitled so saving never overwrites it");
  const p = parseProject(sample.text);
  assert.equal(p.doc.childCount, 12);
  assert.ok(p.codebook.length > 0 && p.glossary.length > 0, "the sample has the default codebook and glossary");

  ok(await api.autosave({ path: null, text: projectText("복구할 글.") }));
  const untitled = ok(await api.startupProject());
  assert.equal(untitled?.path, null);
  assert.match(untitled?.recovery?.text ?? "", /복구할 글/, "the untitled work is offered back at start");

  const mine = join(dir, "mine.dari");
  await writeFile(mine, projectText());
  startup = mine;
  const opened = ok(await api.startupProject());
  assert.equal(opened?.path, mine);
});

test("the start screen's recent projects carry title, last change and progress; a vanished file is marked", async () => {
  const a = join(dir, "a.dari");
  answers.save.push(a);
  ok(await api.saveProject({ path: null, text: projectText(), saveAs: false }));
  const gone = join(dir, "gone.dari");
  answers.save.push(gone);
  ok(await api.saveProject({ path: null, text: projectText(), saveAs: false }));
  await rm(gone);
  const list = ok(await api.recentProjects());
  assert.deepEqual(list.map((r) => [r.path, r.title, r.missing]), [[gone, "gone.dari", true], [a, "t", false]]);
  assert.ok(Date.now() - Date.parse(list[1].modified!) < 60_000);
  assert.equal(list[1].percent, 0);
  // Read again only when the file changed: a new title and a reviewed segment show at once.
  const reviewed = serializeProject({ meta: emptyMeta("검토한 논평"), codebook: [], glossary: [], doc: buildDoc([{ segments: [{ ko: "가나다.", en: "ABC.", status: "reviewed" }] }]) });
  ok(await api.saveProject({ path: a, text: reviewed, saveAs: false }));
  const again = ok(await api.recentProjects()).find((r) => r.path === a)!;
  assert.deepEqual([again.title, again.percent], ["검토한 논평", 100]);
  // A file damaged since is listed as missing, not as what was read before.
  await writeFile(a, "{ not a project");
  assert.equal(ok(await api.recentProjects()).find((r) => r.path === a)!.missing, true);
});

test("save asks where when untitled, keeps a .bak, remembers recent files; cancel writes nothing", async () => {
  const target = join(dir, "a.dari");
  assert.equal(ok(await api.saveProject({ path: null, text: projectText(), saveAs: false })), null, "cancelled");
  await assert.rejects(stat(target));
  answers.save.push(target);
  assert.equal(ok(await api.saveProject({ path: null, text: projectText(), saveAs: false })), target);
  assert.equal(ok(await api.saveProject({ path: target, text: projectText("라마바."), saveAs: false })), target);
  assert.match(await readFile(target, "utf8"), /라마바/);
  assert.match(await readFile(target + ".bak", "utf8"), /가나다/);
  assert.deepEqual(ok(await api.getSettings()).recentFiles, [target]);
});

test("a project that would not open again is never written", async () => {
  const target = join(dir, "b.dari");
  await writeFile(target, projectText());
  const r = await api.saveProject({ path: target, text: '{"format":"dari","version":2,"doc":{}}', saveAs: false });
  assert.equal(r.ok, false);
  assert.match(await readFile(target, "utf8"), /가나다/);
});

test("autosave writes a recovery copy that is offered back on open, and dropped after a save", async () => {
  const target = join(dir, "c.dari");
  await writeFile(target, projectText());
  await new Promise((r) => setTimeout(r, 20));
  answers.open.push(target);
  ok(await api.openProject(null));
  ok(await api.autosave({ path: target, text: projectText("고친 글.") }));
  const opened = ok(await api.openProject(target))!;
  assert.match(opened.recovery!.text, /고친 글/);
  ok(await api.saveProject({ path: target, text: opened.recovery!.text, saveAs: false }));
  assert.equal(ok(await api.openProject(target))!.recovery, null);
});

test("open errors name the file; import reads legacy Korean encodings", async () => {
  answers.open.push(join(dir, "missing.dari"));
  const r = await api.openProject(null);
  assert.equal(r.ok, false);
  assert.match((r as { error: { message: string } }).error.message, /missing\.dari does not exist/);

  const euckr = join(dir, "legacy.txt");
  // "북러 정상회담" in EUC-KR.
  await writeFile(euckr, Buffer.from([0xba, 0xcf, 0xb7, 0xaf, 0x20, 0xc1, 0xa4, 0xbb, 0xf3, 0xc8, 0xb8, 0xb4, 0xe3]));
  answers.text.push(euckr);
  const t = ok(await api.readTextForImport({ path: null, side: "ko" }))!;
  assert.equal(t.text, "북러 정상회담");
  assert.equal(t.encoding, "euc-kr");
});

test("export writes through the registry to the chosen file", async () => {
  const target = join(dir, "out.tsv");
  answers.exportTo.push(target);
  const path = ok(await api.exportProject({ format: "tsv", projectText: projectText(), path: null }));
  assert.equal(path, target);
  assert.equal(await readFile(target, "utf8"), "가나다.\tABC.\n");
});

// ------------------------------------------------------------- the export dialog's Browse… (issue 17, requirement 11)

test("Browse… asks main's dialog once; Export then writes to that file without asking again", async () => {
  const target = join(dir, "chosen.tsv");
  answers.exportTo.push(target);
  assert.equal(ok(await api.chooseExportTarget({ format: "tsv", suggestedName: "notes/report.docx" })), target);
  assert.deepEqual(exportAsked, ["report.tsv"], "the dialog proposed the name with this format's extension");
  const written = ok(await api.exportProject({ format: "tsv", projectText: projectText(), path: target }));
  assert.equal(written, target);
  assert.equal(await readFile(target, "utf8"), "가나다.\tABC.\n");
  assert.equal(exportAsked.length, 1, "no second dialog");
  // Exporting there again (the same format) is allowed: the user chose that file for it.
  ok(await api.exportProject({ format: "tsv", projectText: projectText("라마.", "DE."), path: target }));
  assert.equal(await readFile(target, "utf8"), "라마.\tDE.\n");
});

test("Browse… cancelled returns null and grants nothing; Export with no destination asks as before", async () => {
  assert.equal(ok(await api.chooseExportTarget({ format: "html" })), null);
  assert.deepEqual(exportAsked, ["dari.html"]);
  const target = join(dir, "later.html");
  answers.exportTo.push(target);
  assert.equal(ok(await api.exportProject({ format: "html", projectText: projectText(), path: null })), target);
  assert.equal(exportAsked.length, 2, "Export asked where");
  assert.match(await readFile(target, "utf8"), /^<!DOCTYPE html>/);
});

test("Export refuses a path its dialog did not return for this format, and writes nothing", async () => {
  // A file the user has (even one main opened itself, a project) is never an export destination named by the window.
  const project = join(dir, "mine.dari");
  await writeFile(project, projectText());
  const before = await readFile(project, "utf8");
  answers.open.push(project);
  ok(await api.openProject(null));
  const never = join(dir, "never-chosen.tsv");
  const chosenForTsv = join(dir, "chosen.tsv");
  answers.exportTo.push(chosenForTsv);
  ok(await api.chooseExportTarget({ format: "tsv" }));
  for (const [path, format] of [
    [project, "dari"],
    [never, "tsv"],
    // Chosen for TSV, then the format changed: the grant was for .tsv only.
    [chosenForTsv, "html"],
  ] as const) {
    const r = await api.exportProject({ format, projectText: projectText("덮어쓰기.", "Overwrite."), path });
    assert.equal(r.ok, false, path);
    if (!r.ok) {
      assert.equal(r.error.key, "file.notExportTarget");
      assert.ok(r.error.message.includes(path), `the message names the file: ${r.error.message}`);
    }
  }
  assert.equal(await readFile(project, "utf8"), before, "the project is untouched");
  await assert.rejects(stat(never), "nothing was written");
  await assert.rejects(stat(chosenForTsv), "nothing was written");
  assert.equal(exportAsked.length, 1, "no dialog was shown by the refused exports");
});

test("settings and document state", async () => {
  assert.equal(ok(await api.systemLocale()), "ko-KR");
  const s = ok(await api.setSettings({ uiLanguage: "ko", layout: "stacked" }));
  assert.equal(s.uiLanguage, "ko");
  assert.equal(ok(await api.getSettings()).layout, "stacked");
  ok(await api.setDocumentState({ title: "x — Dari", dirty: true }));
  assert.deepEqual(state, { title: "x — Dari", dirty: true });
});

test("a TMX file opens as a new untitled project; the TMX is not touched", async () => {
  const tmx = join(dir, "memory.tmx");
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
    `<tu><tuv xml:lang="ko"><seg>러시아는 6자 회담에도 참여했다.</seg></tuv><tuv xml:lang="en"><seg>Russia took part in the Six-Party Talks.</seg></tuv></tu></body></tmx>`;
  await writeFile(tmx, content);
  answers.open.push(tmx);
  const opened = ok(await api.openProject(null))!;
  assert.equal(opened.path, null, "saving asks where: the TMX is never overwritten");
  assert.equal(opened.madeFrom, tmx);
  const p = parseProject(opened.text);
  assert.equal(p.doc.textContent, "러시아는 6자 회담에도 참여했다.Russia took part in the Six-Party Talks.");
  assert.equal(await readFile(tmx, "utf8"), content);

  // The same memory saved as UTF-16 (as some CAT tools write it) opens the same way.
  const utf16 = join(dir, "memory16.tmx");
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]));
  answers.open.push(utf16);
  assert.equal(parseProject(ok(await api.openProject(null))!.text).doc.textContent, p.doc.textContent);
});

// ------------------------------------------------------------- paths main obtained (issue 11, requirement 4)

/** A Result that failed with `key`, its message naming `file` when given. */
function refused(r: Result<unknown>, key: string, file?: string): void {
  assert.equal(r.ok, false, "expected a refusal");
  if (r.ok) return;
  assert.equal(r.error.key, key, r.error.message);
  if (file) assert.ok(r.error.message.includes(file), r.error.message);
}

test("a path the renderer sends is refused for save, export, open and import unless main obtained it; nothing is read or written", async () => {
  const victim = join(dir, "victim.dari");
  await writeFile(victim, projectText("원래 글."));
  const before = await readFile(victim, "utf8");
  const elsewhere = join(dir, "notes.txt");
  await writeFile(elsewhere, "비밀 메모.");

  refused(await api.saveProject({ path: victim, text: projectText("덮어쓴 글."), saveAs: false }), "ipc.notGranted", victim);
  refused(await api.openProject(victim), "ipc.notGranted", victim);
  refused(await api.readTextForImport({ path: elsewhere, side: "ko" }), "ipc.notGranted", elsewhere);
  refused(await api.autosave({ path: victim, text: projectText() }), "ipc.notGranted", victim);
  // Export takes only a path main's own export dialog returned (Browse…): otherwise it asks.
  const out = join(dir, "out.html");
  refused(await api.exportProject({ format: "html", projectText: projectText(), path: out }), "file.notExportTarget", out);
  refused(await api.exportProject({ format: "dari", projectText: projectText("덮어쓴 글."), path: victim }), "file.notExportTarget", victim);

  assert.equal(await readFile(victim, "utf8"), before, "the file is untouched");
  await assert.rejects(stat(victim + ".bak"), "no backup either: nothing was written");
  await assert.rejects(stat(out));
  assert.deepEqual(ok(await api.getSettings()).recentFiles, [], "nothing entered the recent files");

  // The same files, chosen by the user in main's dialogs, are fine, and may be used again afterwards.
  answers.open.push(victim);
  assert.equal(ok(await api.openProject(null))!.path, victim);
  assert.equal(ok(await api.saveProject({ path: victim, text: projectText("고친 글."), saveAs: false })), victim);
  assert.match(await readFile(victim, "utf8"), /고친 글/);
  answers.text.push(elsewhere);
  assert.equal(ok(await api.readTextForImport({ path: null, side: "ko" }))!.text, "비밀 메모.");
  assert.equal(ok(await api.readTextForImport({ path: elsewhere, side: "ko" }))!.text, "비밀 메모.", "re-reading the file the dialog chose");
  answers.exportTo.push(out);
  assert.equal(ok(await api.exportProject({ format: "html", projectText: projectText(), path: null, suggestedName: "../../../etc/passwd" })), out);
});

test("the recent files and the paths main got from the OS open; the renderer cannot add to the recent files", async () => {
  const mine = join(dir, "mine.dari");
  await writeFile(mine, projectText());
  answers.open.push(mine);
  ok(await api.openProject(null));

  // The next start: a fresh set of handlers on the same user-data folder opens it from the recent files.
  const later = createHandlers({ userData: join(dir, "user"), dialogs: { ...noDialogs }, samplePath: join(ROOT, "resources/sample/commentary.dari"), startupFile: () => null, systemLocale: () => "en-US" });
  assert.equal(ok(await later.openProject(mine))!.path, mine);

  // A file the OS hands main (open-file, second-instance) is granted by main/index.ts.
  const fromOs = join(dir, "from-os.dari");
  await writeFile(fromOs, projectText());
  const grants = createPathGrants();
  const withOs = createHandlers({ userData: join(dir, "user2"), dialogs: { ...noDialogs }, samplePath: join(ROOT, "resources/sample/commentary.dari"), startupFile: () => null, systemLocale: () => "en-US", grants });
  refused(await withOs.openProject(fromOs), "ipc.notGranted");
  grants.grant(fromOs);
  assert.equal(ok(await withOs.openProject(fromOs))!.path, fromOs);

  const evil = join(dir, "evil.dari");
  await writeFile(evil, projectText());
  const s = ok(await api.setSettings({ recentFiles: [evil], layout: "stacked" } as never));
  assert.deepEqual(s.recentFiles, [mine], "the renderer's list is dropped");
  assert.equal(s.layout, "stacked");
  refused(await api.openProject(evil), "ipc.notGranted");
});

test("a project is parsed and validated before it is returned or added to the recent files", async () => {
  const broken = join(dir, "broken.dari");
  await writeFile(broken, '{"format":"dari","version":2,"meta":{},"doc":{"type":"doc","content":[]}}');
  answers.open.push(broken);
  const r = await api.openProject(null);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.key, "file.noPassages", r.error.message);
    assert.match(r.error.message, /broken\.dari: .*no passages/, "the message names the file");
  }
  assert.deepEqual(ok(await api.getSettings()).recentFiles, []);
});

// ------------------------------------------------------------- one schema per method (issue 11, requirement 5)

test("every request is checked against its method's schema: a bad one gets a clear error and has no effect", async () => {
  const target = join(dir, "x.html");
  answers.exportTo.push(target);
  const bad: [string, () => Promise<Result<unknown>>][] = [
    ["export format", () => api.exportProject({ format: "exe" as never, projectText: projectText(), path: null })],
    ["side", () => api.exportProject({ format: "txt", side: "jp" as never, projectText: projectText(), path: null })],
    ["ui language", () => api.exportProject({ format: "html", uiLanguage: '"><script>alert(1)</script>' as never, projectText: projectText(), path: null })],
    ["orientation", () => api.exportProject({ format: "pdf", orientation: "sideways" as never, projectText: projectText(), path: null })],
    ["a number for text", () => api.exportProject({ format: "html", projectText: 42 as never, path: null })],
    ["import side", () => api.readTextForImport({ path: null, side: "fr" as never })],
    ["import layout switch", () => api.readTextForImport({ path: null, side: "ko", options: { tables: "all" as never } })],
    ["import password", () => api.readTextForImport({ path: null, side: "ko", options: { password: 1234 as never } })],
    ["settings language", () => api.setSettings({ uiLanguage: "xx" as never })],
    ["settings layout", () => api.setSettings({ layout: "grid" as never })],
    ["a title too long", () => api.setDocumentState({ title: "x".repeat(100_000), dirty: true })],
    ["a flag that is not a flag", () => api.saveProject({ path: null, text: projectText(), saveAs: "yes" as never })],
    ["no request object", () => api.confirmDiscard(undefined as never)],
    ["extra arguments", () => (api.openProject as (...a: unknown[]) => Promise<Result<unknown>>)(null, "more")],
  ];
  for (const [what, call] of bad) {
    const r = await call();
    assert.equal(r.ok, false, what);
    if (!r.ok) {
      assert.equal(r.error.key, "ipc.badRequest", `${what}: ${r.error.message}`);
      assert.match(r.error.message, /refused a request/, what);
    }
  }
  await assert.rejects(stat(target), "no export was written");
  assert.deepEqual(answers.exportTo, [target], "no dialog was even shown");
  assert.equal(ok(await api.getSettings()).layout, "side-by-side");
  assert.deepEqual(state, {}, "the window state was not touched");
  // Unknown keys are dropped, the rest is used.
  ok(await api.setDocumentState({ title: "y — Dari", dirty: false, evil: "<b>" } as never));
  assert.deepEqual(state, { title: "y — Dari", dirty: false });
});

test("every method of the contract has a schema", () => {
  for (const m of IPC_METHODS) assert.ok(Array.isArray(IPC_SCHEMAS[m]), m);
});

test("a TMX whose theme tags fall outside the text opens with them left out, and says so", async () => {
  const spans = JSON.stringify([{ side: "ko", from: -1, to: 2, code: "space", id: "a1", note: "" }, { side: "ko", from: 0, to: 2, code: "space", id: "a2", note: "" }]).replace(/"/g, "&quot;");
  const tmx = join(dir, "tags.tmx");
  await writeFile(
    tmx,
    `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
      `<tu><prop type="x-dari-themes">${spans}</prop><tuv xml:lang="ko"><seg>북러 회담</seg></tuv><tuv xml:lang="en"><seg>Summit</seg></tuv></tu></body></tmx>`,
  );
  answers.open.push(tmx);
  const opened = ok(await api.openProject(null))!;
  assert.equal(opened.warnings?.length, 1);
  assert.equal(opened.warnings![0].key, "import:droppedSpans");
  assert.match(opened.warnings![0].message, /tags\.tmx: 1 theme tag was left out \(1 outside the text/);
  assert.match(opened.text, /"id": "a2"/);
});

test("main opens only a file it exported in this session", async () => {
  const opened: string[] = [];
  const h = createHandlers({ userData: join(dir, "user"), dialogs: { openProject: async () => null, saveProject: async () => null, openText: async () => null, exportTo: async () => join(dir, "out.tsv"), confirmDiscard: async () => "cancel" }, samplePath: join(ROOT, "resources/sample/commentary.dari"), startupFile: () => null, systemLocale: () => "en-US", openPath: async (p, reveal) => void opened.push(`${reveal ? "reveal" : "open"}:${p}`) });
  // A path main never wrote is refused, even an existing file.
  const other = join(dir, "other.tsv");
  await writeFile(other, "x");
  const refused = await h.openExported({ path: other, reveal: false });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.key, "file.notExported");
  // The export asks main's dialog where to write; that file may then be opened or shown.
  const written = ok(await h.exportProject({ format: "tsv", projectText: projectText(), path: null }));
  assert.equal(written, join(dir, "out.tsv"));
  ok(await h.openExported({ path: written!, reveal: false }));
  ok(await h.openExported({ path: written!, reveal: true }));
  assert.deepEqual(opened, [`open:${written}`, `reveal:${written}`]);
});
