// The IPC handlers in Node with real temporary folders and scripted dialogs.
import { test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandlers, type Dialogs } from "./handlers";
import type { DariApi, Result } from "../app/ipc";
import { parseProject, serializeProject, buildDoc, emptyMeta } from "../app/document";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
let dir: string;
let answers: { open: (string | null)[]; save: (string | null)[]; text: (string | null)[]; exportTo: (string | null)[] };
let api: DariApi;
let startup: string | null;
const state: { title?: string; dirty?: boolean } = {};

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
  const dialogs: Dialogs = {
    openProject: async () => answers.open.shift() ?? null,
    saveProject: async () => answers.save.shift() ?? null,
    openText: async () => answers.text.shift() ?? null,
    exportTo: async () => answers.exportTo.shift() ?? null,
    confirmDiscard: async () => "cancel",
  };
  api = createHandlers({
    userData: join(dir, "user"),
    dialogs,
    samplePath: join(ROOT, "resources/sample/commentary.dari"),
    startupFile: () => startup,
    systemLocale: () => "ko-KR",
    onDocumentState: (s) => Object.assign(state, s),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("the app starts on the bundled sample, untitled, or on the file it was given", async () => {
  const sample = ok(await api.startupProject());
  assert.equal(sample.path, null, "the sample opens untitled so saving never overwrites it");
  const p = parseProject(sample.text);
  assert.equal(p.doc.childCount, 12);
  assert.ok(p.codebook.length > 0 && p.glossary.length > 0, "the sample has the default codebook and glossary");

  const mine = join(dir, "mine.dari");
  await writeFile(mine, projectText());
  startup = mine;
  const opened = ok(await api.startupProject());
  assert.equal(opened.path, mine);
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
  ok(await api.autosave({ path: target, text: projectText("고친 글.") }));
  const opened = ok(await api.openProject(target))!;
  assert.match(opened.recovery!.text, /고친 글/);
  ok(await api.saveProject({ path: target, text: opened.recovery!.text, saveAs: false }));
  assert.equal(ok(await api.openProject(target))!.recovery, null);
});

test("open errors name the file; import reads legacy Korean encodings", async () => {
  const r = await api.openProject(join(dir, "missing.dari"));
  assert.equal(r.ok, false);
  assert.match((r as { error: { message: string } }).error.message, /missing\.dari does not exist/);

  const euckr = join(dir, "legacy.txt");
  // "북러 정상회담" in EUC-KR.
  await writeFile(euckr, Buffer.from([0xba, 0xcf, 0xb7, 0xaf, 0x20, 0xc1, 0xa4, 0xbb, 0xf3, 0xc8, 0xb8, 0xb4, 0xe3]));
  const t = ok(await api.readTextForImport({ path: euckr, side: "ko" }))!;
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
  const opened = ok(await api.openProject(tmx))!;
  assert.equal(opened.path, null, "saving asks where: the TMX is never overwritten");
  assert.equal(opened.madeFrom, tmx);
  const p = parseProject(opened.text);
  assert.equal(p.doc.textContent, "러시아는 6자 회담에도 참여했다.Russia took part in the Six-Party Talks.");
  assert.equal(await readFile(tmx, "utf8"), content);

  // The same memory saved as UTF-16 (as some CAT tools write it) opens the same way.
  const utf16 = join(dir, "memory16.tmx");
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]));
  assert.equal(parseProject(ok(await api.openProject(utf16))!.text).doc.textContent, p.doc.textContent);
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
  // Browse asks main's dialog; the export then writes there, and that file may be opened or shown.
  const chosen = ok(await h.chooseExportPath({ format: "tsv" }));
  assert.equal(chosen, join(dir, "out.tsv"));
  const written = ok(await h.exportProject({ format: "tsv", projectText: projectText(), path: chosen }));
  ok(await h.openExported({ path: written!, reveal: false }));
  ok(await h.openExported({ path: written!, reveal: true }));
  assert.deepEqual(opened, [`open:${written}`, `reveal:${written}`]);
});
