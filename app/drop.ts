// Files dropped onto the window (issue 15.4, 12.1): what each one is by its
// extension, and what the window does with a drop of several. Main uses
// dropKind to refuse what Dari cannot take; the renderer plans the drop with
// planDrop and picks the import dialog's side from the text with sideOfText.
// Pure: no DOM, no files.
import { importFormatOf, extensionOf } from "./import/formats";
import { hangulRatio } from "./text/normalize";
import type { Side } from "./schema";

/**
 * project: a .dari, opened as File › Open does; interchange: a TMX, XLIFF or
 * REFI-QDA project, opened as a new project; import: a commentary or its
 * translation, into the import dialog; codebook: a .qdc, merged into the
 * codebook; glossary: a CSV or TBX, merged into the glossary.
 */
export type DropKind = "project" | "interchange" | "import" | "codebook" | "glossary";

/** The extensions main/handlers.ts opens as a new project (app/import/interchange.ts INTERCHANGE_EXTENSIONS; a test keeps them equal). */
export const DROP_INTERCHANGE = ["tmx", "xlf", "xliff", "sdlxliff", "mqxliff", "qdpx"] as const;
const GLOSSARY = ["csv", "tbx"];

/** What a dropped file is, by its name; null when Dari takes no such file (a file without an extension included). */
export function dropKind(fileName: string): DropKind | null {
  const ext = extensionOf(fileName);
  if (ext === "") return null;
  if (ext === "dari") return "project";
  if ((DROP_INTERCHANGE as readonly string[]).includes(ext)) return "interchange";
  if (ext === "qdc") return "codebook";
  if (GLOSSARY.includes(ext)) return "glossary";
  return importFormatOf(fileName) ? "import" : null;
}

/** The extensions a drop accepts, for the message that refuses another. */
export function acceptedExtensions(): string[] {
  return ["dari", ...DROP_INTERCHANGE, "txt", "docx", "html", "htm", "md", "pdf", "hwp", "hwpx", "qdc", ...GLOSSARY];
}

/** Above this share of Hangul among the letters, a text is the Korean side (the import dialog refuses a "Korean" side below 20 %). */
const KOREAN_HANGUL = 0.2;
/** Enough of a text to judge its script without walking a whole book. */
const SAMPLE_CHARS = 20_000;

/** The side a text belongs on by its script; null when it has no letters to tell by. */
export function sideOfText(text: string): Side | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!/\p{L}/u.test(sample)) return null;
  return hangulRatio(sample) >= KOREAN_HANGUL ? "ko" : "en";
}

/** The side of the import dialog a file goes to: the one its script suggests if free, else the other free one; null when both are taken. */
export function sideFor(suggested: Side | null, taken: Readonly<Record<Side, boolean>>): Side | null {
  if (suggested && !taken[suggested]) return suggested;
  if (!taken.ko) return "ko";
  if (!taken.en) return "en";
  return null;
}

export interface DropPlan<F> {
  /** The project to open (a .dari, or a file made into a new project): only one project is open at a time. */
  open: F | null;
  /** Commentaries for the import dialog (at most one per side), when nothing is opened. */
  import: F[];
  /** .qdc files to merge into the codebook, after the project is opened. */
  codebook: F[];
  /** CSV or TBX files to merge into the glossary, after the project is opened. */
  glossary: F[];
  /** Files left aside, and why: another project was dropped with it, or both sides of the import are taken. */
  ignored: { file: F; reason: "oneProject" | "twoSides" }[];
}

/**
 * What to do with the files of one drop, in the order dropped: the first
 * project opens (the others are left aside); without one, up to two
 * commentaries fill the import dialog (a project dropped with commentaries
 * wins, and they are left aside); codebooks and glossaries are merged into
 * the project open afterwards.
 */
export function planDrop<F extends { kind: DropKind }>(files: readonly F[]): DropPlan<F> {
  const plan: DropPlan<F> = { open: null, import: [], codebook: [], glossary: [], ignored: [] };
  for (const f of files) {
    if (f.kind === "project" || f.kind === "interchange") {
      if (plan.open) plan.ignored.push({ file: f, reason: "oneProject" });
      else plan.open = f;
    } else if (f.kind === "codebook") plan.codebook.push(f);
    else if (f.kind === "glossary") plan.glossary.push(f);
    else if (plan.import.length < 2) plan.import.push(f);
    else plan.ignored.push({ file: f, reason: "twoSides" });
  }
  if (plan.open) {
    for (const f of plan.import) plan.ignored.push({ file: f, reason: "oneProject" });
    plan.import = [];
  }
  return plan;
}
