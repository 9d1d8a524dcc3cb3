// Glossary as TBX-Basic (ISO 30042), the termbase exchange format of CAT
// tools. Writes TBX v3 (tbx/conceptEntry/langSec/termSec); reads v3 and the
// older v2 files (martif/termEntry/langSet/tig|ntig) that many tools still
// write. A deprecated or "forbidden" English term becomes a forbidden
// rendering; the note is the entry's <note> or definition. Concept ids come
// back as entry ids, so an export read back keeps them. The XML is read by
// app/import/xml.ts: no DOCTYPE, no entity expansion.
import type { GlossaryEntry } from "./glossary-entry";
import { DariError } from "../errors";
import { newId } from "../ids";
import { elements, langOf, parseXml, textOf, type XElement } from "../import/xml";
import { escapeText } from "../export/escape";

/** An XML name (NCName): what TBX requires of a concept id. */
const XML_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u;

/** Concept ids TBX tools accept: the entry's id where it is an XML name not
 *  used before, otherwise c1, c2, ... (hand-edited or twice-imported entries
 *  may carry anything, or the same id). */
function conceptIds(entries: readonly GlossaryEntry[]): string[] {
  const used = new Set<string>();
  const own = entries.map((e) => {
    if (!XML_NAME.test(e.id) || used.has(e.id)) return null;
    used.add(e.id);
    return e.id;
  });
  let n = 0;
  const fresh = (): string => {
    while (used.has(`c${++n}`));
    return `c${n}`;
  };
  return own.map((id) => id ?? fresh());
}

export function glossaryToTbx(entries: readonly GlossaryEntry[]): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">`,
    `  <tbxHeader><fileDesc><sourceDesc><p>Dari glossary</p></sourceDesc></fileDesc></tbxHeader>`,
    `  <text>`,
    `    <body>`,
  ];
  const ids = conceptIds(entries);
  entries.forEach((e, i) => {
    out.push(`      <conceptEntry id="${ids[i]}">`);
    if (e.note.trim()) out.push(`        <note>${escapeText(e.note)}</note>`);
    out.push(`        <langSec xml:lang="ko"><termSec><term>${escapeText(e.ko)}</term></termSec></langSec>`);
    out.push(`        <langSec xml:lang="en">`);
    out.push(`          <termSec><term>${escapeText(e.en)}</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>`);
    for (const f of e.forbidden.filter((f) => f.trim())) {
      out.push(`          <termSec><term>${escapeText(f)}</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>`);
    }
    out.push(`        </langSec>`, `      </conceptEntry>`);
  });
  out.push(`    </body>`, `  </text>`, `</tbx>`, ``);
  return out.join("\n");
}

/** Every descendant element with one of the local names, in document order. */
function all(el: XElement, names: readonly string[]): XElement[] {
  const out: XElement[] = [];
  for (const c of elements(el)) {
    if (names.includes(c.local)) out.push(c);
    else out.push(...all(c, names));
  }
  return out;
}

interface Term {
  text: string;
  deprecated: boolean;
}

function termsOf(langSec: XElement): Term[] {
  const out: Term[] = [];
  for (const sec of all(langSec, ["termSec", "tig", "ntig"])) {
    const term = all(sec, ["term"])[0];
    if (!term) continue;
    const status = all(sec, ["termNote"])
      .filter((n) => /administrativeStatus|normativeAuthorization/i.test(n.attrs.type ?? ""))
      .map((n) => textOf(n).toLowerCase())
      .join(" ");
    out.push({ text: textOf(term).trim(), deprecated: /deprecated|superseded|forbidden|notrecommended/.test(status.replace(/\s/g, "")) });
  }
  return out.filter((t) => t.text);
}

/** Ids Dari gives glossary entries: "g-" before the default glossary's number
 *  or an imported id, or newId("g") ("g" and lower-case base 36). */
const DARI_ID = /^g-|^g[0-9a-z]{16,}$/;

/** The entry id for a concept id: another tool's id gets "g-" once, and Dari's
 *  own comes back as it was, so export and re-import keep the ids. */
function entryId(conceptId: string | undefined): string {
  const id = (conceptId ?? "").trim();
  if (!id) return newId("g");
  return DARI_ID.test(id) ? id : `g-${id}`;
}

/** Reads a TBX file; throws a DariError naming the file (and entry) on bad input. */
export function glossaryFromTbx(text: string, file = "glossary.tbx"): GlossaryEntry[] {
  const root = parseXml(text, file);
  const concepts = all(root, ["conceptEntry", "termEntry"]);
  // A termbase with no entries (an empty glossary exported) is an empty glossary,
  // as a CSV with only its header is; any other XML without entries is the wrong file.
  if (concepts.length === 0 && (root.local === "tbx" || root.local === "martif")) return [];
  if (concepts.length === 0) throw new DariError("translate:errors.tbxNoEntries", { file });
  return concepts.map((c, i) => {
    const secs = all(c, ["langSec", "langSet"]);
    const lang = (code: string) => secs.filter((s) => langOf(s).split(/[-_]/)[0] === code).flatMap(termsOf);
    const ko = lang("ko").find((t) => !t.deprecated) ?? lang("ko")[0];
    const en = lang("en");
    const preferred = en.find((t) => !t.deprecated);
    if (!ko) throw new DariError("translate:errors.tbxEntry", { file, entry: i + 1, lang: "Korean (ko)" });
    if (!preferred) throw new DariError("translate:errors.tbxEntry", { file, entry: i + 1, lang: "English (en)" });
    // Concept-level notes and definitions only; notes inside term sections describe that term.
    const notes = elements(c).filter((n) => n.local === "note" || (n.local === "descrip" && /definition/i.test(n.attrs.type ?? "")));
    const descripGrp = elements(c, "descripGrp").flatMap((g) => elements(g, "descrip"));
    const note = [...notes, ...descripGrp].map((n) => textOf(n).trim()).filter(Boolean).join("\n");
    return {
      id: entryId(c.attrs.id),
      ko: ko.text,
      en: preferred.text,
      note,
      forbidden: en.filter((t) => t.deprecated).map((t) => t.text),
    };
  });
}
