// Files dropped onto the window, in main: the preload's paths (main/drop-paths.ts)
// and what main grants of them (main/drop.ts through the handlers).
import { test, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandlers, type Dialogs } from "./handlers";
import { droppedPaths } from "./drop-paths";
import { IPC_SCHEMAS } from "../app/ipc-schema";
import { PRELOAD_METHODS, IPC_METHODS, type Result } from "../app/ipc";
import { serializeProject, buildDoc, emptyMeta } from "../app/document";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INTEROP = resolve(ROOT, "../shared/interop");
const noDialogs: Dialogs = { openProject: async () => null, saveProject: async () => null, openText: async () => null, exportTo: async () => null, confirmDiscard: async () => "cancel" };
let dir: string;
let api: ReturnType<typeof createHandlers>;

function ok<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.message}`);
  return r.value;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dari-drop-"));
  api = createHandlers({ userData: join(dir, "user"), dialogs: noDialogs, samplePath: join(ROOT, "resources/sample/commentary.dari"), startupFile: () => null, systemLocale: () => "en-US" });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("only a user's drop of files gives paths: a page's synthetic event, a drop of text and a File built in the page give none", () => {
  const files = [{ name: "a.dari" }, { name: "built-in-page.txt" }, { name: "b.txt" }];
  const pathOf = (f: unknown) => ({ "a.dari": "/home/a/a.dari", "b.txt": "/home/a/b.txt" })[(f as { name: string }).name] ?? "";
  assert.deepEqual(droppedPaths({ isTrusted: true, dataTransfer: { files } }, pathOf), ["/home/a/a.dari", "/home/a/b.txt"]);
  assert.equal(droppedPaths({ isTrusted: false, dataTransfer: { files } }, pathOf), null, "a script's drop event is not the user's");
  assert.equal(droppedPaths({ isTrusted: true, dataTransfer: { files: [] } }, pathOf), null, "a span dragged in the text has no files");
  assert.equal(droppedPaths({ isTrusted: true, dataTransfer: null }, pathOf), null);
  assert.equal(droppedPaths({ isTrusted: true, dataTransfer: { files: [{ name: "built-in-page.txt" }] } }, pathOf), null);
  const throws = () => {
    throw new TypeError("not a File");
  };
  assert.equal(droppedPaths({ isTrusted: true, dataTransfer: { files } }, throws), null);
});

test("filesDropped is a call of its own with a schema, not one the page's window.dari has", () => {
  for (const m of PRELOAD_METHODS) {
    assert.ok(Array.isArray(IPC_SCHEMAS[m]), m);
    assert.ok(!(IPC_METHODS as readonly string[]).includes(m), `${m} is not exposed to the page`);
  }
});

test("a dropped .dari is granted and then opens by its path; the same path not dropped is refused", async () => {
  const dropped = join(dir, "dropped.dari");
  const other = join(dir, "other.dari");
  const text = serializeProject({ meta: emptyMeta("떨어뜨린 프로젝트"), codebook: [], glossary: [], doc: buildDoc([{ segments: [{ ko: "가나다.", en: "ABC." }] }]) });
  await writeFile(dropped, text);
  await writeFile(other, text);
  const before = await api.openProject(dropped);
  assert.equal(before.ok, false);
  assert.equal(!before.ok && before.error.key, "ipc.notGranted", "not dropped yet: refused");

  const drop = ok(await api.filesDropped([dropped]));
  assert.deepEqual(drop.refused, []);
  assert.deepEqual(drop.files, [{ path: dropped, name: "dropped.dari", kind: "project" }]);
  assert.equal(ok(await api.openProject(dropped))?.path, dropped);

  const still = await api.openProject(other);
  assert.equal(!still.ok && still.error.key, "ipc.notGranted", "a file beside it was not dropped");
});

test("a dropped commentary is read for import by its path; a TMX opens as a new project; a codebook and a glossary come with their text", async () => {
  const ko = join(dir, "논평.txt");
  await writeFile(ko, "누리호가 발사되었다.\n");
  const csv = join(dir, "terms.csv");
  await writeFile(csv, "ko,en\n누리호,Nuri\n");
  const qdc = join(INTEROP, "refi/refi-qda-1.5-annexA1-example.qdc");
  const tmx = join(INTEROP, "disfr/UnitTestDisfrDoc/Samples/XuanZang.tmx");
  const drop = ok(await api.filesDropped([ko, csv, qdc, tmx]));
  assert.deepEqual(drop.refused, []);
  assert.deepEqual(drop.files.map((f) => [f.name, f.kind]), [["논평.txt", "import"], ["terms.csv", "glossary"], ["refi-qda-1.5-annexA1-example.qdc", "codebook"], ["XuanZang.tmx", "interchange"]]);
  assert.equal(drop.files[1].text, "ko,en\n누리호,Nuri\n");
  assert.match(drop.files[2].text ?? "", /<CodeBook/);
  assert.equal(drop.files[0].text, undefined, "a commentary is read by the import, not here");
  assert.equal(ok(await api.readTextForImport({ path: ko, side: "ko" }))?.text.trim(), "누리호가 발사되었다.");
  const opened = ok(await api.openProject(tmx));
  assert.equal(opened?.path, null, "a memory opens as a new, untitled project");
  assert.equal(opened?.madeFrom, tmx);
});

test("what Dari cannot take is refused, naming the file, and not granted: another extension, a folder, a missing file, a relative path", async () => {
  const png = join(dir, "photo.png");
  await writeFile(png, "not really a picture");
  const folder = join(dir, "folder.dari");
  await mkdir(folder);
  const missing = join(dir, "gone.txt");
  const link = join(dir, "dangling.txt");
  await symlink(join(dir, "nowhere.txt"), link);
  const good = join(dir, "good.md");
  await writeFile(good, "# 제목\n\n본문.\n");
  const drop = ok(await api.filesDropped([png, folder, missing, link, "relative/notes.txt", good]));
  assert.deepEqual(drop.files.map((f) => f.name), ["good.md"], "the good file of the drop still comes through");
  assert.deepEqual(drop.refused.map((e) => e.key), ["drop.unsupported", "io.isDirectory", "io.notFound", "io.notFound", "drop.notAFile"]);
  assert.match(drop.refused[0].message, /photo\.png/);
  assert.match(drop.refused[0].message, /\.hwpx/, "the message says what Dari takes");
  assert.match(drop.refused[1].message, /folder\.dari/);
  assert.match(drop.refused[2].message, /gone\.txt/);
  for (const path of [png, missing]) {
    const r = await api.readTextForImport({ path, side: "ko" });
    assert.equal(!r.ok && r.error.key, "ipc.notGranted", `${path} was not granted`);
  }
});

test("the request is checked like any other: not a list of paths is refused with no effect", async () => {
  const r = await api.filesDropped("/etc/passwd" as never);
  assert.equal(!r.ok && r.error.key, "ipc.badRequest");
  const many = await api.filesDropped(Array.from({ length: 101 }, (_, i) => `/tmp/${i}.txt`));
  assert.equal(!many.ok && many.error.key, "ipc.badRequest");
});
