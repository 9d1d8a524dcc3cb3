// The XML of an HWPX part as a small tree (the XElement of xml.ts), read with
// saxes rather than xml.ts's validator and parser: a real press release's
// section0.xml is over 1 MB, which xml.ts reads in more than a second and
// saxes in a tenth of that. The same safety holds: a DOCTYPE that declares
// entities is refused when it is met, before any of it is used (one that only
// names a DTD is read, as xml.ts reads it; saxes expands no entity of it),
// an undefined entity is a well-formedness error, and every error names the
// part and its line and column.
import { SaxesParser } from "saxes";
import { DariError } from "../errors";
import { declaresEntities, type XElement } from "./xml";

/** Hancom nests a table in a cell in a table a few levels deep; thousands of levels is a forged file that would exhaust the stack of the walks over the tree. */
const MAX_DEPTH = 512;

/** Parses an HWPX part; `file` names it in errors ("report.hwpx › Contents/section0.xml"). */
export function readHwpxXml(text: string, file: string): XElement {
  const parser = new SaxesParser({ position: true });
  const root: XElement = { name: "", local: "", attrs: {}, children: [] };
  const open: XElement[] = [root];
  const top = () => open[open.length - 1];
  parser.on("doctype", (doctype) => {
    if (declaresEntities(doctype)) throw new DariError("export:interchange.doctype", { file, line: parser.line });
  });
  const fail = (problem: string) =>
    new DariError("export:interchange.notXml", {
      file,
      reason: `${problem} (line ${parser.line}, column ${parser.column + 1})`,
      problem,
      line: parser.line,
      column: parser.column + 1,
    });
  parser.on("error", (e) => {
    // saxes's message starts with its own "line:column: " position, which the params carry apart.
    throw fail(e.message.replace(/^[^:]*:\d+:\d+: /, ""));
  });
  parser.on("opentag", (tag) => {
    const name = tag.name;
    const el: XElement = { name, local: name.slice(name.indexOf(":") + 1), attrs: tag.attributes as Record<string, string>, children: [] };
    top().children.push(el);
    open.push(el);
    if (open.length > MAX_DEPTH) throw fail(`elements nested more than ${MAX_DEPTH} deep`);
  });
  // saxes closes a self-closing tag too, right after opening it.
  parser.on("closetag", () => {
    open.pop();
  });
  parser.on("text", (t) => {
    if (open.length > 1) top().children.push(t);
  });
  parser.on("cdata", (t) => top().children.push(t));
  parser.write(text.replace(/^\uFEFF/, "")).close();
  const element = root.children.find((c): c is XElement => typeof c !== "string");
  if (!element) throw new DariError("export:interchange.notXml", { file, reason: "no root element", problem: "no root element" });
  return element;
}
