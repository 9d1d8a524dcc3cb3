// HWPX (.hwpx, KS X 6101 "OWPML"): a zip whose Contents/content.hpf lists the
// sections in reading order and whose Contents/section*.xml hold paragraphs
// (<hp:p>) of runs (<hp:run>) of text (<hp:t>), with footnotes, tables,
// headers and drawing objects as elements inside the runs. The XML goes
// through hwpx-xml.ts (DOCTYPE and entity declarations refused) and the
// document into the same model as HWP 5.0 (hwp-layout.ts), so both formats of
// one document import to the same paragraphs.
import { unzipSync } from "fflate";
import { DariError } from "../errors";
import { checkDocxSize } from "./docx";
import { DEFAULT_NUMBERING, layOut, type DocParagraph, type HangulDocument, type LaidOutText, type NoteKind, type NoteNumbering } from "./hwp-layout";
import { child, elements, type XElement } from "./xml";
import { readHwpxXml } from "./hwpx-xml";
import type { LayoutOptions } from "./index";

const CONTENT = "Contents/content.hpf";
const utf8 = new TextDecoder("utf-8");

/** What a character element inside <hp:t> stands for. */
const INLINE_TEXT: Record<string, string> = { tab: " ", lineBreak: " ", nbSpace: " ", fwSpace: " ", hyphen: "-" };

/** Every element named `local` below `el`, not looking inside the ones found. */
function below(el: XElement, local: string): XElement[] {
  const out: XElement[] = [];
  for (const c of elements(el)) {
    if (c.local === local) out.push(c);
    else out.push(...below(c, local));
  }
  return out;
}

class SectionReader {
  readonly numbering: Record<NoteKind, NoteNumbering> = { footnote: DEFAULT_NUMBERING, endnote: DEFAULT_NUMBERING };
  private numberingRead = false;

  paragraph(p: XElement): DocParagraph {
    const parts: DocParagraph = [];
    for (const run of elements(p, "run")) for (const item of elements(run)) this.runItem(item, parts);
    return parts;
  }

  private runItem(item: XElement, parts: DocParagraph): void {
    switch (item.local) {
      case "t": {
        const text = item.children.map((c) => (typeof c === "string" ? c : (INLINE_TEXT[c.local] ?? ""))).join("");
        if (text) parts.push({ text });
        return;
      }
      case "secPr":
        this.sectionProperties(item);
        return;
      case "ctrl":
        for (const c of elements(item)) this.control(c, parts);
        return;
      case "tbl": {
        // A caption first, as HWP 5.0 stores it before the cells.
        const cells = [...elements(item, "caption"), ...below(item, "tc")].map((cell) => this.listOf(cell));
        parts.push({ table: cells });
        return;
      }
      case "switch": {
        // Compatibility wrapper: the <hp:default> branch is what every reader understands.
        const fallback = child(item, "default");
        if (fallback) for (const c of elements(fallback)) this.runItem(c, parts);
        return;
      }
      default: {
        // Pictures, shapes, containers, equations: only a text box or caption (a <hp:subList>) carries running text;
        // <hp:shapeComment> is Hancom's description of the object, not the author's text.
        const lists = below(item, "subList");
        const paragraphs = lists.flatMap((l) => elements(l, "p").map((p) => this.paragraph(p)));
        if (paragraphs.length) parts.push({ box: paragraphs });
      }
    }
  }

  private control(c: XElement, parts: DocParagraph): void {
    if (c.local === "footNote" || c.local === "endNote") parts.push({ note: c.local === "footNote" ? "footnote" : "endnote", paragraphs: this.listOf(c) });
    else if (c.local === "header" || c.local === "footer") parts.push({ margin: this.listOf(c) });
  }

  /** The paragraphs of an element's <hp:subList>. */
  private listOf(el: XElement): DocParagraph[] {
    return below(el, "subList").flatMap((l) => elements(l, "p").map((p) => this.paragraph(p)));
  }

  /** The first section's properties say how footnotes and endnotes are numbered. */
  private sectionProperties(secPr: XElement): void {
    if (this.numberingRead) return;
    this.numberingRead = true;
    const read = (pr: XElement | undefined): NoteNumbering => {
      const format = pr && child(pr, "autoNumFormat");
      if (!format) return DEFAULT_NUMBERING;
      const start = Number(child(pr, "numbering")?.attrs.newNum ?? 1);
      return { prefix: format.attrs.prefixChar ?? "", suffix: format.attrs.suffixChar ?? "", start: Number.isFinite(start) && start > 0 ? start : 1 };
    };
    this.numbering.footnote = read(child(secPr, "footNotePr"));
    this.numbering.endnote = read(child(secPr, "endNotePr"));
  }
}

/** The section parts in the order content.hpf's spine gives (by number if it names none). */
function sectionOrder(fileName: string, files: Record<string, Uint8Array>): string[] {
  const byNumber = Object.keys(files)
    .filter((n) => /^Contents\/section\d+\.xml$/i.test(n))
    .sort((a, b) => Number(/\d+/.exec(a.slice(9))![0]) - Number(/\d+/.exec(b.slice(9))![0]));
  const hpf = files[CONTENT];
  if (!hpf) return byNumber;
  const pkg = readHwpxXml(utf8.decode(hpf), `${fileName} › ${CONTENT}`);
  const hrefs = new Map<string, string>();
  for (const item of below(pkg, "item")) if (item.attrs.id && item.attrs.href) hrefs.set(item.attrs.id, item.attrs.href);
  const spine = below(pkg, "itemref")
    .map((r) => hrefs.get(r.attrs.idref ?? "") ?? "")
    .filter((href) => /section\d+\.xml$/i.test(href))
    // Hancom writes paths from the package root; a path relative to Contents/ is read too.
    .map((href) => (!files[href] && files[`Contents/${href}`] ? `Contents/${href}` : href));
  return spine.length ? spine : byNumber;
}

/** Reads a .hwpx file into Hangul's document model; throws DariError naming the file and what is wrong. */
export function readHwpx(fileName: string, bytes: Uint8Array): HangulDocument {
  checkDocxSize(fileName, bytes);
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts that carry the text are unpacked; images stay packed.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|hpf)$/i.test(f.name) || f.name === "mimetype" });
  } catch {
    throw new DariError("import:hwpxNotZip", { file: fileName });
  }
  const manifest = files["META-INF/manifest.xml"];
  // A document saved with a password lists its encrypted parts in the manifest.
  if (manifest && below(readHwpxXml(utf8.decode(manifest), `${fileName} › META-INF/manifest.xml`), "encryption-data").length)
    throw new DariError("import:hwpPassword", { file: fileName });
  const sections = sectionOrder(fileName, files);
  if (!sections.length) throw new DariError("import:hwpMissing", { file: fileName, where: "Contents/section0.xml" });
  const reader = new SectionReader();
  const paragraphs: DocParagraph[] = [];
  for (const where of sections) {
    const part = files[where];
    if (!part) throw new DariError("import:hwpMissing", { file: fileName, where });
    const root = readHwpxXml(utf8.decode(part), `${fileName} › ${where}`);
    for (const p of elements(root, "p")) paragraphs.push(reader.paragraph(p));
  }
  return { paragraphs, numbering: reader.numbering };
}

/** The paragraphs, notes and layout report of a .hwpx file. */
export function hwpxText(fileName: string, bytes: Uint8Array, options: LayoutOptions = {}): LaidOutText {
  return layOut(readHwpx(fileName, bytes), options);
}
