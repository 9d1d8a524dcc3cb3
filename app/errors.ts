// Errors the user sees. Each carries an i18n key (namespace "errors" unless the
// key names its own, as in "align:swapped") and its
// parameters, so the renderer shows it in the UI language and the CLI in
// English; `file` and `where` name the file and the place in it.
import { tEnglish } from "./i18n";

export type ErrorParams = Record<string, string | number>;

export class DariError extends Error {
  readonly key: string;
  readonly params: ErrorParams;

  constructor(key: string, params: ErrorParams = {}) {
    super(tEnglish(key.includes(":") ? key : `errors:${key}`, params));
    this.name = "DariError";
    this.key = key;
    this.params = params;
  }

  /** Plain data that survives IPC and JSON. */
  toJSON(): { key: string; params: ErrorParams; message: string } {
    return { key: this.key, params: this.params, message: this.message };
  }
}

export function isDariError(e: unknown): e is DariError {
  return e instanceof DariError;
}
