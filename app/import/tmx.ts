// TMX (1.4b, and the 1.1–1.4 files CAT tools write) -> project. A tu becomes a
// segment; tus that carry Dari's x-dari-passage prop are grouped back into
// their passages, others go into the passage before them (one passage when
// none says). Inline codes (bpt, ept, it, ph, ut) are native markup, not text,
// and are dropped; <hi> keeps its text; Dari's own x-dari-cp placeholder gives
// back the control character it stands for.
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { isSegmentStatus } from "../schema";
import { child, decodeEntities, elements, langOf, parseXml, textOf, type XElement } from "./xml";
import { buildImportedProject, defaultStatus, parseConfidence, parseSpans, type ImportedPassage, type ImportedProject } from "./build-project";
import { META_FIELDS } from "../export/meta";

function segText(el: XElement): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") out += c;
    else if (c.local === "hi") out += segText(c);
    else if (c.local === "ph" && c.attrs.type === "x-dari-cp") out += decodeEntities(textOf(c));
  }
  return out;
}

function props(el: XElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of elements(el, "prop")) {
    const type = p.attrs.type ?? "";
    out.set(type, [...(out.get(type) ?? []), textOf(p)]);
  }
  return out;
}

export function importTmx(text: string, file: string): Project {
  const root = parseXml(text, file);
  if (root.local !== "tmx") throw new DariError("export:interchange.notTmx", { file, found: root.name });
  const header = child(root, "header");
  const srclang = (header?.attrs.srclang ?? "").toLowerCase();
  const body = child(root, "body");
  const hp = header ? props(header) : new Map<string, string[]>();
  const imp: ImportedProject = { meta: {}, codebook: hp.get("x-dari-codebook")?.[0], glossary: hp.get("x-dari-glossary")?.[0], passages: [] };
  for (const f of META_FIELDS) {
    const v = hp.get(`x-dari-${f}`)?.[0];
    if (v !== undefined) imp.meta[f] = v;
  }
  let current: ImportedPassage | null = null;
  let lastLangs = "";
  for (const tu of body ? elements(body, "tu") : []) {
    const tuvs = elements(tu, "tuv");
    const pick = (prefix: string) => tuvs.find((v) => langOf(v).split(/[-_]/)[0] === prefix);
    const ko = pick("ko");
    const en = pick("en");
    if (!ko && !en) {
      // Neither side is ours: a memory of another language pair.
      lastLangs = tuvs.map(langOf).join(" → ") || srclang;
      continue;
    }
    const p = props(tu);
    const passageId = p.get("x-dari-passage")?.[0];
    if (!current || (passageId !== undefined && passageId !== current.id)) {
      current = { id: passageId ?? "", segments: [] };
      imp.passages.push(current);
    }
    const koText = ko ? segText(child(ko, "seg") ?? ko) : "";
    const enText = en ? segText(child(en, "seg") ?? en) : "";
    const status = p.get("x-dari-status")?.[0];
    const note = elements(tu, "note").map(segText).join("\n");
    current.segments.push({
      id: tu.attrs.tuid ?? "",
      ko: koText,
      en: enText,
      status: isSegmentStatus(status) ? status : defaultStatus(enText),
      confirmed: p.get("x-dari-confirmed")?.[0] === "true",
      confidence: parseConfidence(p.get("x-dari-confidence")?.[0]),
      note,
      themes: parseSpans(p.get("x-dari-themes")?.[0]),
    });
  }
  if (!imp.passages.length && lastLangs) throw new DariError("export:interchange.wrongLanguages", { file, src: lastLangs, tgt: "" });
  return buildImportedProject(imp, file);
}
