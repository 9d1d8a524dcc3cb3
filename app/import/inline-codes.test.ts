// Inline codes as the analyst meets them: atoms in the document that carry
// their original markup, survive saving, leave the plain exports alone, come
// back in place in XLIFF and TMX, and are checked by QA.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { EditorState, TextSelection } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { importInterchange } from "./interchange";
import { parseProject, serializeProject } from "../document/index";
import { exporters } from "../export/index";
import { exportXliff } from "../export/xliff";
import { exportTmx } from "../export/tmx";
import { QaChecker, qaMessage } from "../translate/qa";
import { schema } from "../schema";
import { readText, tempFolder, writeTestFile } from "../../test/support";

const XLF = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko-KR" trgLang="en-US"><file id="f1"><unit id="1">
<segment id="1"><source>북한은 <pc id="1">우주</pc> 개발을<ph id="2" disp="[fn]"/> 했다.</source><target>North Korea worked on <pc id="1">space</pc><ph id="2" disp="[fn]"/>.</target></segment></unit></file></xliff>`;

function codes(side: PMNode): string[] {
  const out: string[] = [];
  side.forEach((n) => {
    if (n.type.name === "code") out.push(`${n.attrs.kind} ${n.attrs.id} ${n.attrs.xml}`);
  });
  return out;
}

const firstSegment = (doc: PMNode) => doc.firstChild!.firstChild!;

test("XLIFF inline codes become atoms with their markup; the text around them is the side's text", () => {
  const p = importInterchange("codes.xlf", XLF);
  const seg = firstSegment(p.doc);
  assert.equal(seg.child(0).textContent, "북한은 우주 개발을 했다.");
  assert.deepEqual(codes(seg.child(0)), ['open 1 <pc id="1">', "close 1 </pc>", 'standalone 2 <ph id="2" disp="[fn]"/>']);
  assert.deepEqual(codes(seg.child(1)), codes(seg.child(0)));
  // A code is an atom: one position, no text, not editable inside.
  seg.child(0).forEach((n) => {
    if (n.type.name === "code") assert.ok(n.isAtom && n.isLeaf && n.nodeSize === 1 && n.textContent === "");
  });
});

test("codes survive a save and a load (.dari version 3), and a version 2 file still opens", () => {
  const dir = tempFolder("dari-codes-");
  const p = importInterchange("codes.xlf", XLF);
  const file = join(dir, "codes.dari");
  writeTestFile(file, serializeProject(p));
  assert.match(readText(file), /"version": 3/);
  const back = parseProject(readText(file));
  assert.deepEqual(codes(firstSegment(back.doc).child(0)), codes(firstSegment(p.doc).child(0)));
  const v2 = readText(file).replace(/"version": 3/, '"version": 2').replace(/\{\s*"type": "code"[^}]*\}\s*\}\s*,?/g, "");
  assert.equal(parseProject(v2).doc.firstChild!.firstChild!.child(0).textContent, "북한은 우주 개발을 했다.");
});

test("moved codes go back where they are now; plain exports leave codes out", async () => {
  const p = importInterchange("codes.xlf", XLF);
  // The analyst drags the footnote marker to the end of the English.
  const seg = firstSegment(p.doc);
  let enStart = 0;
  p.doc.descendants((n, pos) => {
    if (n.type.name === "en") enStart = pos + 1;
    return n.type.name !== "code";
  });
  let phAt = -1;
  seg.child(1).forEach((n, off) => {
    if (n.type.name === "code" && n.attrs.kind === "standalone") phAt = enStart + off;
  });
  const ph = p.doc.nodeAt(phAt)!;
  const end = enStart + seg.child(1).content.size;
  const tr = EditorState.create({ doc: p.doc }).tr.insert(end, ph).delete(phAt, phAt + 1);
  const moved = { ...p, doc: tr.doc };
  const xlf = await exportXliff(moved);
  assert.match(xlf, /<target[^>]*>North Korea worked on <pc id="1">space<\/pc>\.<ph id="2" disp="\[fn\]"\/><\/target>/);
  assert.match(xlf, /<source[^>]*>북한은 <pc id="1">우주<\/pc> 개발을<ph id="2" disp="\[fn\]"\/> 했다\.<\/source>/);
  const txt = String(await exporters.txt!.run(moved, { side: "en" }));
  assert.equal(txt.trim(), "North Korea worked on space.");
  const tmx = await exportTmx(moved);
  assert.match(tmx, /<seg>North Korea worked on <pc id="1">space<\/pc>\.<ph id="2" disp="\[fn\]"\/><\/seg>/);
});

test("a half of a pair deleted alone is not written: the file stays well-formed", async () => {
  const p = importInterchange("codes.xlf", XLF);
  const seg = firstSegment(p.doc);
  let enStart = 0;
  p.doc.descendants((n, pos) => {
    if (n.type.name === "en") enStart = pos + 1;
    return true;
  });
  let closeAt = -1;
  seg.child(1).forEach((n, off) => {
    if (n.type.name === "code" && n.attrs.kind === "close") closeAt = enStart + off;
  });
  const doc = EditorState.create({ doc: p.doc }).tr.delete(closeAt, closeAt + 1).doc;
  const xlf = await exportXliff({ ...p, doc });
  assert.match(xlf, /<target[^>]*>North Korea worked on space<ph id="2" disp="\[fn\]"\/>\.<\/target>/);
  assert.doesNotThrow(() => importInterchange("back.xlf", xlf));
});

test("QA reports a code missing from the English, and one the English added", () => {
  const p = importInterchange("codes.xlf", XLF);
  const qa = new QaChecker([]);
  assert.deepEqual(qa.doc(p.doc).filter((f) => f.kind === "code"), []);
  const seg = firstSegment(p.doc);
  let enStart = 0;
  p.doc.descendants((n, pos) => {
    if (n.type.name === "en") enStart = pos + 1;
    return true;
  });
  let phAt = -1;
  seg.child(1).forEach((n, off) => {
    if (n.type.name === "code" && n.attrs.kind === "standalone") phAt = enStart + off;
  });
  const state = EditorState.create({ doc: p.doc });
  const missing = state.tr.delete(phAt, phAt + 1).doc;
  const found = qa.doc(missing).filter((f) => f.kind === "code");
  assert.equal(found.length, 1);
  assert.equal(qaMessage(found[0]), 'The inline code ph 2 of the Korean is missing from the English');
  const extra = state.tr.insert(enStart, schema.nodes.code.create({ kind: "standalone", id: "9", xml: '<ph id="9"/>', label: "ph 9" })).doc;
  assert.deepEqual(
    qa.doc(extra).filter((f) => f.kind === "code").map((f) => qaMessage(f)),
    ["The English has an inline code the Korean does not: ph 9"],
  );
  // Typing next to a code keeps it whole (a selection cannot enter it).
  const typed = EditorState.create({ doc: p.doc, selection: TextSelection.create(p.doc, phAt) });
  const after = typed.apply(typed.tr.insertText("x"));
  assert.deepEqual(codes(firstSegment(after.doc).child(1)), codes(seg.child(1)));
});

test("find: whole words are judged on the text around the codes", async () => {
  const { findAll, findQuery } = await import("../commands/find");
  const xlf = XLF.replace("<target>North Korea worked on <pc id=\"1\">space</pc><ph id=\"2\" disp=\"[fn]\"/>.</target>", '<target><ph id="2"/>Russia and <pc id="1">Russian</pc> space.</target>');
  const p = importInterchange("find.xlf", xlf);
  const state = EditorState.create({ doc: p.doc });
  const found = findAll(state, findQuery({ search: "Russia", scope: "en", wholeWord: true }));
  assert.equal(found.length, 1);
  assert.equal(state.doc.textBetween(found[0].from, found[0].to + 4), "Russia and");
});

test("glossary terms after an inline code are underlined on the term itself", async () => {
  const { createProjectState } = await import("../project-state");
  const { translateDesk, deskState } = await import("../translate/decorations");
  const { defaultGlossary } = await import("../translate/default-glossary");
  const p = importInterchange("codes.xlf", XLF);
  const s = createProjectState({ ...p, glossary: defaultGlossary() }, [translateDesk({ userGlossary: () => [{ id: "u1", ko: "우주", en: "space", note: "", forbidden: [] }] })]);
  const terms = deskState(s)!
    .set.find()
    .filter((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs?.class === "dari-term")
    .map((d) => s.doc.textBetween(d.from, d.to));
  assert.ok(terms.includes("우주"), `terms: ${terms.join(", ")}`);
});

test("theme suggestions after an inline code cover the keyword itself", async () => {
  const { suggestInSegment } = await import("../themes/suggest");
  const p = importInterchange("codes.xlf", XLF);
  const codebook = [{ id: "space", label: { ko: "우주", en: "Space" }, description: { ko: "", en: "" }, color: "#123456", parent: null, shortcut: "", keywords: { ko: ["우주"], en: ["space"] } }];
  const seg = p.doc.firstChild!.firstChild!;
  const found = suggestInSegment(seg, 1, codebook);
  assert.ok(found.length >= 1);
  for (const s of found) assert.match(p.doc.textBetween(s.from, s.to), /^(우주|space)$/);
});

test("re-alignment leaves a segment with inline codes as it is", async () => {
  const { realignProject } = await import("../align/project");
  // Two beads cut in the wrong place: re-alignment would move a sentence across them.
  const xlf = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"><file id="f"><unit id="u">
<segment id="1"><source>북한은 우주 개발을 했다. 러시아는 기술을 도왔다.</source><target>North Korea worked on space.</target></segment>
<segment id="2"><source>회담은 <ph id="1"/>끝났다.</source><target>Russia helped with technology. The summit <ph id="1"/>ended.</target></segment></unit></file></xliff>`;
  const p = importInterchange("realign.xlf", xlf);
  const all = (doc: PMNode) => {
    const out: string[] = [];
    doc.descendants((n) => {
      if (n.type.name === "code") out.push(n.attrs.xml);
      return true;
    });
    return out;
  };
  assert.equal(all(p.doc).length, 2);
  const back = realignProject(p).doc;
  assert.deepEqual(all(back), all(p.doc));
  // Not a character is lost (re-alignment cuts text by offsets, which codes would shift).
  assert.equal(back.textContent, p.doc.textContent);
});
