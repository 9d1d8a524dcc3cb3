// Errors the user sees. Each carries an i18n key (namespace "errors" unless the
// key names its own, as in "align:swapped") and its
// parameters, so the renderer shows it in the UI language and the CLI in
// English; `file` and `where` name the file and the place in it.
import { tEnglish } from "./i18n";

export type ErrorParams = Record<string, string | number>;

/**
 * The message of `key`; with an `inFile` parameter (the file a content error
 * was found in, added where the file is known) it is prefixed with that file.
 */
function messageOf(t: (key: string, params?: Record<string, unknown>) => string, key: string, params: ErrorParams): string {
  const text = t(key.includes(":") ? key : `errors:${key}`, params);
  return typeof params.inFile === "string" ? t("errors:file.inFile", { file: params.inFile, message: text }) : text;
}

export class DariError extends Error {
  readonly key: string;
  readonly params: ErrorParams;

  constructor(key: string, params: ErrorParams = {}) {
    super(messageOf(tEnglish, key, params));
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

/**
 * An error as the user reads it, in the UI language of `t`: a DariError (or
 * one that crossed IPC as {key, params}) through its i18n key, anything else
 * by its message.
 */
export function errorMessage(t: (key: string, params?: Record<string, unknown>) => string, e: unknown): string {
  const err = e as { key?: unknown; params?: ErrorParams } | null;
  if (err && typeof err.key === "string") return messageOf(t, err.key, err.params ?? {});
  return String((e as Error)?.message ?? e);
}
