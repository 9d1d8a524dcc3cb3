// `dari new` with bad input (issue 3, requirement 9): a binary file, an empty
// file, an undecodable encoding, sides that look swapped. Each gives a clear
// message naming the file, a non-zero exit, and no project file; an existing
// project at the output path is left as it was. Good legacy and Word input
// makes a project.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, access } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph } from "docx";
import { dari } from "../test/support";
import { parseProject } from "../app/document";

const CORPUS = join(fileURLToPath(new URL("..", import.meta.url)), "../shared/corpus");
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "dari-cli-import-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});


const exists = (p: string) => access(p).then(() => true, () => false);

async function put(name: string, content: string | Uint8Array): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
}

test("bad input: a clear message naming the file, exit 1, and no project file", async () => {
  const en = join(CORPUS, "commentary.en.txt");
  const ko = join(CORPUS, "commentary.ko.txt");
  const cases: { args: string[]; message: RegExp }[] = [
    { args: ["--ko", await put("scan.txt", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]))], message: /scan\.txt is not a text file \(PDF data\)/ },
    { args: ["--ko", await put("photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]))], message: /photo\.txt is not a text file/ },
    { args: ["--ko", await put("nul.txt", new Uint8Array([0xea, 0xb0, 0x80, 0x00, 0x01, 0x02, 0x00]))], message: /nul\.txt is not a text file/ },
    { args: ["--ko", await put("empty.txt", "")], message: /empty\.txt is empty/ },
    { args: ["--ko", ko, "--en", await put("blank.txt", "\n  \n")], message: /blank\.txt is empty/ },
    { args: ["--ko", await put("latin1.txt", Buffer.from("Le café crème à Genève.", "latin1"))], message: /latin1\.txt is not in an encoding Dari can read/ },
    { args: ["--ko", en, "--en", ko], message: /sides look swapped.*commentary\.en\.txt is 0% Hangul/ },
    { args: ["--ko", en], message: /commentary\.en\.txt has almost no Hangul/ },
    { args: ["--ko", ko, "--en", ko], message: /commentary\.ko\.txt is mostly Hangul/ },
    { args: ["--ko", await put("commentary.key", "x")], message: /commentary\.key: Dari imports \.txt, \.docx, \.html, \.md, \.pdf, \.hwp and \.hwpx files/ },
    { args: ["--ko", await put("commentary.hwp", "x")], message: /commentary\.hwp is damaged or is not a Hangul document/ },
    { args: ["--ko", await put("broken.docx", "not a zip")], message: /broken\.docx cannot be read as a Word document/ },
  ];
  for (const c of cases) {
    const out = join(dir, "out.dari");
    const r = await dari("new", ...c.args, "-o", out);
    assert.equal(r.code, 1, `${c.args.join(" ")}: ${r.err}`);
    assert.match(r.err, c.message);
    assert.equal(await exists(out), false, `no project file after ${c.args.join(" ")}`);
  }
  // An existing project at the output path survives a failed run unchanged.
  const keep = join(dir, "keep.dari");
  assert.equal((await dari("new", "--ko", ko, "-o", keep)).code, 0);
  const before = await readFile(keep, "utf8");
  const r = await dari("new", "--ko", en, "--en", ko, "-o", keep);
  assert.equal(r.code, 1);
  assert.equal(await readFile(keep, "utf8"), before);
});

test("legacy CP949 and Word input make the same 12 passages", async () => {
  const paragraphs = (await readFile(join(CORPUS, "commentary.ko.txt"), "utf8")).split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  const cp949 = await put("legacy.txt", new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", "CP949", join(CORPUS, "commentary.ko.pdf.txt")])));
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ text: p })) }] });
  const docx = await put("commentary.docx", new Uint8Array(await Packer.toBuffer(doc)));
  const en = await put("en.md", (await readFile(join(CORPUS, "commentary.en.txt"), "utf8")).replace(/^/, "<!-- translation -->\n\n"));
  for (const ko of [cp949, docx]) {
    const out = join(dir, "good.dari");
    await rm(out, { force: true });
    const r = await dari("new", "--ko", ko, "--en", en, "-o", out);
    assert.equal(r.code, 0, r.err);
    const p = parseProject(await readFile(out, "utf8"));
    assert.equal(p.doc.childCount, 12);
    const koText = (i: number) => {
      const parts: string[] = [];
      p.doc.child(i).forEach((seg) => parts.push(seg.child(0).textContent));
      return parts.join(" ");
    };
    assert.equal(koText(0), paragraphs[0]);
    assert.equal(koText(11), paragraphs[11]);
  }
});
