// Codebook edits as pure functions: each takes a codebook and returns a new
// one, leaving the old untouched (the editor keeps it in EditorState, so undo
// is just the previous value). Invalid edits throw a DariError naming the code.
import { DariError } from "../errors";
import { newId } from "../ids";
import { PALETTE, paletteColor } from "./default-codebook";
import type { Bilingual, Code, Codebook, CodeSet } from "./codebook";

export function findCode(codebook: Codebook, id: string): Code | undefined {
  return codebook.find((c) => c.id === id);
}

function must(codebook: Codebook, id: string): Code {
  const c = findCode(codebook, id);
  if (!c) throw new DariError("themes:error.unknownCode", { id });
  return c;
}

/** A new code with both labels, the next palette colour and no parent. */
export function makeCode(codebook: Codebook, label: Partial<Bilingual>, fields: Partial<Omit<Code, "id">> = {}): Code {
  return {
    id: newId("c"),
    label: { ko: label.ko ?? "", en: label.en ?? "" },
    description: { ko: "", en: "" },
    color: paletteColor(codebook.length),
    parent: null,
    shortcut: "",
    keywords: { ko: [], en: [] },
    ...fields,
  };
}

export function addCode(codebook: Codebook, code: Code, index = codebook.length): Codebook {
  if (findCode(codebook, code.id)) throw new DariError("themes:error.duplicateCode", { id: code.id });
  if (code.parent !== null) must(codebook, code.parent);
  const out = codebook.slice();
  out.splice(Math.max(0, Math.min(index, out.length)), 0, code);
  return out;
}

/** Changes the fields of one code; labels and descriptions may change one language at a time. */
export function updateCode(
  codebook: Codebook,
  id: string,
  patch: { label?: Partial<Bilingual>; description?: Partial<Bilingual>; color?: string; shortcut?: string; keywords?: Partial<Code["keywords"]> },
): Codebook {
  const old = must(codebook, id);
  if (patch.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(patch.color)) throw new DariError("themes:error.badColor", { value: patch.color });
  const next: Code = {
    ...old,
    label: { ...old.label, ...patch.label },
    description: { ...old.description, ...patch.description },
    color: patch.color ?? old.color,
    shortcut: patch.shortcut === undefined ? old.shortcut : normalizeShortcut(patch.shortcut),
    keywords: { ...old.keywords, ...patch.keywords },
  };
  return codebook.map((c) => (c.id === id ? next : c));
}

export function renameCode(codebook: Codebook, id: string, label: Partial<Bilingual>): Codebook {
  return updateCode(codebook, id, { label });
}

export function recolorCode(codebook: Codebook, id: string, color: string): Codebook {
  return updateCode(codebook, id, { color });
}

/** Ids of a code's descendants (children, grandchildren, ...). */
export function descendants(codebook: Codebook, id: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codebook) {
      if (c.parent !== null && (c.parent === id || out.has(c.parent)) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Puts a code under another (or at the top level with null); a code cannot go under itself or its descendants. */
export function nestCode(codebook: Codebook, id: string, parent: string | null): Codebook {
  must(codebook, id);
  if (parent !== null) {
    must(codebook, parent);
    if (parent === id || descendants(codebook, id).has(parent)) throw new DariError("themes:error.cycle", { id, parent });
  }
  return codebook.map((c) => (c.id === id ? { ...c, parent } : c));
}

/** Moves a code to a new position in the list (the order of the panel and of keys 1–9). */
export function moveCode(codebook: Codebook, id: string, toIndex: number): Codebook {
  const from = codebook.findIndex((c) => c.id === id);
  if (from < 0) throw new DariError("themes:error.unknownCode", { id });
  const out = codebook.slice();
  const [code] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(toIndex, out.length)), 0, code);
  return out;
}

/** Removes a code; its children move up to its parent. (The tagged spans are handled by the delete command.) */
export function removeCode(codebook: Codebook, id: string): Codebook {
  const old = must(codebook, id);
  return codebook.filter((c) => c.id !== id).map((c) => (c.parent === id ? { ...c, parent: old.parent } : c));
}

/** Codes in display order: each parent followed by its children, with their depth. */
export function codeTree(codebook: Codebook): { code: Code; depth: number }[] {
  const ids = new Set(codebook.map((c) => c.id));
  const out: { code: Code; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of codebook) {
      const p = c.parent !== null && ids.has(c.parent) ? c.parent : null;
      if (p === parent) {
        out.push({ code: c, depth });
        if (depth < 32) walk(c.id, depth + 1);
      }
    }
  };
  walk(null, 0);
  return out;
}

/**
 * The label in a language, falling back to the other language, then to the
 * id (`id` stands in for a code the codebook lacks). The one label rule: the
 * exports' bilingual label (app/export/labels.ts) starts with it.
 */
export function codeLabel(code: Code | undefined, lang: "ko" | "en", id = ""): string {
  if (!code) return id;
  return code.label[lang] || code.label[lang === "ko" ? "en" : "ko"] || code.id;
}

/**
 * A theme's own key: one Latin letter (pressed with Alt), or "" for none.
 * Digits belong to the panel order, and other characters (ㄱ, -) cannot be
 * typed with Alt on every keyboard, so they are not kept.
 */
export function normalizeShortcut(value: string): string {
  const c = value.trim().toLowerCase();
  return /^[a-z]$/.test(c) ? c : "";
}

/**
 * Merges themes from elsewhere (a .qdc from a colleague or another tool) into
 * the project's codebook. An incoming theme is the project's theme with the
 * same id or, failing that, the first one left with the same label in either
 * language (another tool knows only one name and its own ids); the project's
 * theme keeps its id, so its tags stay, and its place, parent and colour, so
 * the analyst's tree and underlines stay. Its text takes the file's where the
 * file has some (empty never erases), its keywords gain the file's, and it
 * takes the file's key if no other theme has that key. Every other incoming
 * theme is added at the end, under the theme its parent became; its colour is
 * the file's unless a theme already has it, then the first unused palette
 * colour, so no two themes look alike; its key only if free. Whether a theme
 * can be applied (isCodable in REFI-QDA) is the file's.
 */
export function mergeCodebook(codebook: Codebook, incoming: Codebook): Codebook {
  return mergeCodebookMapped(codebook, incoming).codebook;
}

/** mergeCodebook, and which project theme each incoming id became (for the file's code sets). */
export function mergeCodebookMapped(codebook: Codebook, incoming: Codebook): { codebook: Codebook; idOf: Map<string, string> } {
  const same = (a: string, b: string) => a.trim() !== "" && a.normalize("NFC").trim().toLowerCase() === b.normalize("NFC").trim().toLowerCase();
  // Which project theme each incoming one merges into: ids first, then labels.
  const into = new Map<Code, Code>();
  const fromFile = new Map<string, Code>();
  const pair = (c: Code, own: Code | undefined) => {
    if (!own || fromFile.has(own.id)) return;
    into.set(c, own);
    fromFile.set(own.id, c);
  };
  for (const c of incoming) pair(c, findCode(codebook, c.id));
  for (const c of incoming) {
    if (!into.has(c)) pair(c, codebook.find((o) => !fromFile.has(o.id) && (same(c.label.ko, o.label.ko) || same(c.label.en, o.label.en))));
  }
  const idOf = new Map(incoming.map((c) => [c.id, into.get(c)?.id ?? c.id]));
  const keys = new Map(codebook.filter((c) => c.shortcut).map((c) => [c.shortcut, c.id]));
  const keyFor = (c: Code, id: string, fallback: string) => {
    const key = normalizeShortcut(c.shortcut);
    if (!key || (keys.has(key) && keys.get(key) !== id)) return fallback;
    keys.set(key, id);
    return key;
  };
  const text = (own: Bilingual, file: Bilingual): Bilingual => ({ ko: file.ko.trim() || own.ko, en: file.en.trim() || own.en });
  const words = (own: string[], file: string[]) => [...new Set([...own, ...file])];

  const merged = codebook.map((own) => {
    const c = fromFile.get(own.id);
    if (!c) return own;
    const { codable: _was, ...rest } = own;
    return {
      ...rest,
      label: text(own.label, c.label),
      description: text(own.description, c.description),
      shortcut: keyFor(c, own.id, own.shortcut),
      keywords: { ko: words(own.keywords.ko, c.keywords.ko), en: words(own.keywords.en, c.keywords.en) },
      ...(c.codable === false ? { codable: false as const } : {}),
    };
  });
  const ids = new Set(merged.map((c) => c.id));
  const added: Code[] = [];
  for (const c of incoming) {
    if (into.has(c) || ids.has(c.id)) continue;
    ids.add(c.id);
    added.push(c);
  }
  const colors = new Set(merged.map((c) => c.color.toUpperCase()));
  for (const c of added) {
    const color = colors.has(c.color.toUpperCase()) ? (PALETTE.find((p) => !colors.has(p)) ?? c.color) : c.color;
    colors.add(color.toUpperCase());
    const parent = c.parent === null ? null : (idOf.get(c.parent) ?? c.parent);
    merged.push({ ...c, color, parent: parent !== null && ids.has(parent) ? parent : null, shortcut: keyFor(c, c.id, "") });
  }
  return { codebook: merged, idOf };
}

/**
 * The project's code sets with a file's: a set with the same guid takes the
 * file's name, description and members (the other tool is where sets are
 * edited), a new one is added. `idOf` maps the file's code ids to the
 * project's (mergeCodebookMapped).
 */
export function mergeCodeSets(own: readonly CodeSet[] | undefined, incoming: readonly CodeSet[], idOf: Map<string, string>): CodeSet[] {
  const key = (g: string) => g.replace(/[{}]/g, "").toLowerCase();
  const out = [...(own ?? [])];
  for (const s of incoming) {
    const set = { ...s, codes: [...new Set(s.codes.map((id) => idOf.get(id) ?? id))] };
    const at = out.findIndex((o) => key(o.guid) === key(s.guid));
    if (at >= 0) out[at] = set;
    else out.push(set);
  }
  return out;
}
