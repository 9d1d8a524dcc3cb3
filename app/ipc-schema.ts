// One schema per IPC method (app/ipc.ts): main checks every request against
// it before a handler runs, because the renderer shows files from anywhere and
// must not be able to make main do more than the UI asks. Types and
// enumerations are checked, strings capped, keys the schema does not name are
// dropped; anything else is refused with a clear error, with no effect.
//
// Pure: the enumerations come from the modules that own them, so a new export
// format or UI language is accepted as soon as it exists.
import { DariError } from "./errors";
import { EXPORT_FORMATS } from "./export/index";
import { UI_LANGUAGES } from "./i18n";
import { SEGMENT_STATUSES, SIDES } from "./schema";
import { REPORT_FORMATS } from "./library/report";
import { FONT_SIZE, LINE_HEIGHT, SPELLING_VARIANTS } from "./display-prefs";
import type { DariApi, PreloadApi } from "./ipc";

/** Longest path main accepts (Windows' long paths are 32,767 UTF-16 units). */
export const MAX_PATH_CHARS = 32_767;
/** A project's text: the 200 MB Dari opens, as UTF-16 units (a JS string's length). */
export const MAX_PROJECT_CHARS = 200 * 1024 * 1024;
/** Window titles, file names, labels. */
export const MAX_NAME_CHARS = 1024;

export type Schema =
  | { kind: "string"; max: number; nullable?: boolean; optional?: boolean }
  | { kind: "boolean"; optional?: boolean }
  | { kind: "number"; min: number; max: number; optional?: boolean }
  | { kind: "null" }
  | { kind: "enum"; values: readonly string[]; nullable?: boolean; optional?: boolean }
  | { kind: "object"; fields: Record<string, Schema>; optional?: boolean }
  /** A list of at most `max` items; `of` may be a function, for a schema that contains itself (a menu's submenus). */
  | { kind: "list"; of: Schema | (() => Schema); max: number; optional?: boolean };

const str = (max: number, more: { nullable?: boolean; optional?: boolean } = {}): Schema => ({ kind: "string", max, ...more });
const oneOf = (values: readonly string[], more: { nullable?: boolean; optional?: boolean } = {}): Schema => ({ kind: "enum", values, ...more });
const bool = (optional = false): Schema => ({ kind: "boolean", optional });
const num = (min: number, max: number, optional = false): Schema => ({ kind: "number", min, max, optional });
const obj = (fields: Record<string, Schema>, optional = false): Schema => ({ kind: "object", fields, optional });
const path = str(MAX_PATH_CHARS, { nullable: true });
const list = (of: Schema | (() => Schema), max: number, optional = false): Schema => ({ kind: "list", of, max, optional });

/** Which segments of a library to retrieve: all of these themes, none of those, on a side or either. */
const themeQuery: Schema = obj({ all: list(str(MAX_NAME_CHARS), 100), none: list(str(MAX_NAME_CHARS), 100, true), side: oneOf(SIDES, { optional: true }) });

/** An item of the window's context menu, shown natively by main (app/ipc.ts ContextMenuItem). */
const menuItem: Schema = obj({
  id: str(MAX_NAME_CHARS, { nullable: true }),
  label: str(MAX_NAME_CHARS),
  enabled: bool(true),
  checked: bool(true),
  accelerator: str(64, { optional: true }),
  role: oneOf(["cut", "copy", "paste"], { optional: true }),
  submenu: list(() => menuItem, 200, true),
});

/** The arguments of each method, in order. The type makes a method without a schema a compile error. */
export const IPC_SCHEMAS: { readonly [M in keyof DariApi | keyof PreloadApi]: readonly Schema[] } = {
  openProject: [path],
  startupProject: [],
  openSample: [],
  recentProjects: [],
  showContextMenu: [list(menuItem, 200)],
  // A library's folder comes from main's dialog; documents are named by their file inside it, which main checks.
  openLibrary: [],
  searchLibrary: [
    obj({
      query: str(MAX_NAME_CHARS),
      options: obj({
        theme: str(MAX_NAME_CHARS, { optional: true }),
        side: oneOf(SIDES, { optional: true }),
        status: oneOf(SEGMENT_STATUSES, { optional: true }),
        author: str(MAX_NAME_CHARS, { optional: true }),
        from: str(32, { optional: true }),
        to: str(32, { optional: true }),
      }),
    }),
  ],
  openLibraryDocument: [str(MAX_PATH_CHARS)],
  makeLibraryCodebookConsistent: [],
  retrieveLibrary: [themeQuery],
  exportLibraryReport: [obj({ query: themeQuery, format: oneOf(REPORT_FORMATS), uiLanguage: oneOf(UI_LANGUAGES) })],
  libraryThemes: [obj({ by: oneOf(["month", "quarter"]) })],
  // A picture of the library (SVG text, PNG as a data URL, or CSV) written where main's save dialog says.
  saveLibraryPicture: [obj({ name: str(MAX_NAME_CHARS), format: oneOf(["svg", "png", "csv"]), data: str(64 * 1024 * 1024) })],
  readCodingToCompare: [],
  saveProject: [obj({ path, text: str(MAX_PROJECT_CHARS), saveAs: bool() })],
  autosave: [obj({ path, text: str(MAX_PROJECT_CHARS) })],
  discardRecovery: [path],
  readTextForImport: [
    obj({
      path,
      side: oneOf(SIDES),
      // The analyst's switches of a layout-aware import (app/import/index.ts LayoutOptions).
      options: obj(
        {
          removeHeaders: bool(true),
          columns: bool(true),
          footnotes: bool(true),
          tables: oneOf(["passages", "skip"], { optional: true }),
          password: str(MAX_NAME_CHARS, { optional: true }),
        },
        true,
      ),
    }),
  ],
  exportProject: [
    obj({
      format: oneOf(EXPORT_FORMATS),
      projectText: str(MAX_PROJECT_CHARS),
      side: oneOf(SIDES, { optional: true }),
      uiLanguage: oneOf(UI_LANGUAGES, { optional: true }),
      showStatus: bool(true),
      showConfidence: bool(true),
      orientation: oneOf(["portrait", "landscape"], { optional: true }),
      // null asks where; a path is used only if chooseExportTarget's dialog returned it (checked by the handler).
      path,
      suggestedName: str(MAX_NAME_CHARS, { optional: true }),
    }),
  ],
  chooseExportTarget: [obj({ format: oneOf(EXPORT_FORMATS), suggestedName: str(MAX_NAME_CHARS, { optional: true }) })],
  cancelImport: [],
  // main opens only a file it exported in this session (checked by the handler).
  openExported: [obj({ path: str(MAX_PATH_CHARS), reveal: bool() })],
  getSettings: [],
  // The recent files are main's own list: the renderer cannot add to it.
  setSettings: [
    obj({
      uiLanguage: oneOf(UI_LANGUAGES, { nullable: true, optional: true }),
      layout: oneOf(["side-by-side", "stacked"], { optional: true }),
      // The reading preferences (app/display-prefs.ts), any of them; main's store sanitises the values again.
      display: obj(
        {
          theme: oneOf(["system", "light", "dark"], { optional: true }),
          fontSize: num(FONT_SIZE.min, FONT_SIZE.max, true),
          lineHeight: num(LINE_HEIGHT.min, LINE_HEIGHT.max, true),
          koFont: str(60, { optional: true }),
          enFont: str(60, { optional: true }),
          tagStyle: oneOf(["underline", "highlight"], { optional: true }),
          stripes: bool(true),
          suggestions: bool(true),
          spelling: bool(true),
          spellingVariant: oneOf(SPELLING_VARIANTS, { optional: true }),
        },
        true,
      ),
    }),
  ],
  systemLocale: [],
  setDocumentState: [obj({ title: str(MAX_NAME_CHARS), dirty: bool() })],
  confirmDiscard: [obj({ fileName: str(MAX_NAME_CHARS) })],
  // Paths the preload resolved from a drop (never from the page); main checks each file before granting it.
  filesDropped: [list(str(MAX_PATH_CHARS), 100)],
};

function refuse(method: string, where: string, reason: string): DariError {
  return new DariError("ipc.badRequest", { method, where, reason });
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "string" ? `text of ${v.length} characters` : typeof v;
}

function check(method: string, where: string, schema: Schema, v: unknown): unknown {
  if (v === undefined && "optional" in schema && schema.optional) return undefined;
  if (v === null && "nullable" in schema && schema.nullable) return null;
  switch (schema.kind) {
    case "null":
      if (v !== null && v !== undefined) throw refuse(method, where, `expected nothing, got ${describe(v)}`);
      return null;
    case "boolean":
      if (typeof v !== "boolean") throw refuse(method, where, `expected true or false, got ${describe(v)}`);
      return v;
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) throw refuse(method, where, `expected a number, got ${describe(v)}`);
      if (v < schema.min || v > schema.max) throw refuse(method, where, `${v} is not from ${schema.min} to ${schema.max}`);
      return v;
    case "string":
      if (typeof v !== "string") throw refuse(method, where, `expected text, got ${describe(v)}`);
      if (v.length > schema.max) throw refuse(method, where, `text of ${v.length} characters is longer than ${schema.max}`);
      return v;
    case "enum":
      if (typeof v !== "string" || !schema.values.includes(v)) throw refuse(method, where, `expected one of ${schema.values.join(", ")}, got ${typeof v === "string" ? `“${v.slice(0, 40)}”` : describe(v)}`);
      return v;
    case "list": {
      if (!Array.isArray(v)) throw refuse(method, where, `expected a list, got ${describe(v)}`);
      if (v.length > schema.max) throw refuse(method, where, `a list of ${v.length} items is longer than ${schema.max}`);
      const of = typeof schema.of === "function" ? schema.of() : schema.of;
      return v.map((item, i) => check(method, `${where}[${i}]`, of, item));
    }
    case "object": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw refuse(method, where, `expected an object, got ${describe(v)}`);
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(schema.fields)) {
        const value = check(method, `${where}.${key}`, field, (v as Record<string, unknown>)[key]);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
  }
}

/**
 * The request as the handler may take it: the arguments checked against the
 * method's schema, unknown keys dropped. Throws DariError "ipc.badRequest"
 * naming the method and the place.
 */
export function validateRequest(method: string, args: readonly unknown[]): unknown[] {
  const schemas = (IPC_SCHEMAS as Record<string, readonly Schema[] | undefined>)[method];
  if (!schemas || !Object.prototype.hasOwnProperty.call(IPC_SCHEMAS, method)) throw refuse(method, "method", "not a method of Dari's IPC");
  if (args.length > schemas.length) throw refuse(method, "arguments", `expected ${schemas.length}, got ${args.length}`);
  return schemas.map((s, i) => check(method, `argument ${i + 1}`, s, args[i]));
}
