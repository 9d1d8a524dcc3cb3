// The theme annotations as W3C Web Annotations (JSON-LD), one Annotation per
// annotation id: motivation "tagging", the theme's label as Korean and English
// tagging bodies, a "classifying" body pointing at the code, the memo as a
// commenting body, and one target per range, on its segment's side, with a
// TextQuoteSelector and a TextPositionSelector counted in Unicode code points
// (as the Web Annotation model counts characters), not UTF-16 units.
import type { Project } from "../document/project";
import type { ExportOptions } from "./index";
import { collect, type ThemeRange } from "./collect";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const AFFIX = 32;

const iri = (kind: string, id: string) => `urn:dari:${kind}:${encodeURIComponent(id)}`;
const codePoints = (s: string) => [...s].length;

/** Last / first `n` code points. */
const tail = (s: string, n: number) => [...s].slice(-n).join("");
const head = (s: string, n: number) => [...s].slice(0, n).join("");

function target(r: ThemeRange) {
  const text = r.segment.text[r.side];
  const start = codePoints(text.slice(0, r.from));
  return {
    type: "SpecificResource",
    source: `${iri("segment", r.segment.id)}:${r.side}`,
    language: r.side,
    selector: [
      { type: "TextQuoteSelector", exact: r.quote, prefix: tail(text.slice(0, r.from), AFFIX), suffix: head(text.slice(r.to), AFFIX) },
      { type: "TextPositionSelector", start, end: start + codePoints(r.quote) },
    ],
  };
}

export function annotationsJson(project: Project): object {
  const data = collect(project);
  const items = data.annotations.map((a) => {
    const code = data.code(a.code);
    const body: object[] = [
      { type: "TextualBody", purpose: "tagging", value: code.label.ko || code.id, language: "ko", format: "text/plain" },
      { type: "TextualBody", purpose: "tagging", value: code.label.en || code.id, language: "en", format: "text/plain" },
      { type: "SpecificResource", purpose: "classifying", source: iri("code", code.id) },
    ];
    if (a.note) body.push({ type: "TextualBody", purpose: "commenting", value: a.note, format: "text/plain" });
    return { id: iri("annotation", a.id), type: "Annotation", motivation: "tagging", body, target: a.ranges.map(target) };
  });
  return {
    "@context": CONTEXT,
    type: "AnnotationCollection",
    label: project.meta.title,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

export async function exportAnnotations(project: Project, _options: ExportOptions = {}): Promise<string> {
  return JSON.stringify(annotationsJson(project), null, 1) + "\n";
}
