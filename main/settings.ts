// The settings store: settings.json in the user-data folder, written
// atomically. A file that cannot be understood is moved aside (kept for the
// curious, never silently overwritten) and the defaults are used.
import { mkdir, readFile, rename } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Settings } from "../app/ipc";
import { isUiLanguage } from "../app/i18n";
import { saveAtomic } from "./files";
import { sanitizeDisplay } from "../app/display-prefs";

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ uiLanguage: null, recentFiles: [], layout: "side-by-side" });

export const MAX_RECENT_FILES = 10;

const LAYOUTS: readonly Settings["layout"][] = ["side-by-side", "stacked"];

export function settingsPath(userData: string): string {
  return join(userData, "settings.json");
}

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, recentFiles: [] };
}

function cleanRecent(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const p of list) if (typeof p === "string" && p && !out.includes(p)) out.push(p);
  return out.slice(0, MAX_RECENT_FILES);
}

/**
 * Settings from untrusted data (the file, or a patch from the renderer):
 * known fields with valid values are kept, anything else falls back to
 * `base` (the defaults unless given).
 */
export function sanitizeSettings(raw: unknown, base: Settings = defaults()): Settings {
  const out: Settings = { ...base, recentFiles: [...base.recentFiles] };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  const r = raw as Record<string, unknown>;
  if (r.uiLanguage === null || isUiLanguage(r.uiLanguage)) out.uiLanguage = r.uiLanguage;
  if (LAYOUTS.includes(r.layout as Settings["layout"])) out.layout = r.layout as Settings["layout"];
  if (r.recentFiles !== undefined) out.recentFiles = cleanRecent(r.recentFiles);
  // A patch may carry some display fields: they change only those. Never chosen: absent (the defaults).
  if (r.display !== undefined || base.display) out.display = sanitizeDisplay(r.display, sanitizeDisplay(base.display));
  return out;
}

/** The settings with `path` first among the recent files (no duplicates, at most 10). */
export function withRecentFile(settings: Settings, path: string): Settings {
  const p = resolve(path);
  return { ...settings, recentFiles: [p, ...settings.recentFiles.filter((f) => f !== p)].slice(0, MAX_RECENT_FILES) };
}

/** A file-name-safe timestamp, e.g. 2026-11-25T21-40-00-000Z. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

/**
 * Reads the settings. Missing file: defaults. A file that is not a JSON
 * object: moved aside as `settings.json.corrupt-<time>`, defaults used.
 */
export async function loadSettings(userData: string, now: Date = new Date()): Promise<Settings> {
  const file = settingsPath(userData);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return defaults();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    raw = undefined;
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    await rename(file, `${file}.corrupt-${stamp(now)}`).catch(() => {});
    return defaults();
  }
  return sanitizeSettings(raw);
}

/** Writes the settings atomically. Throws DariError io.cannotWrite. */
export async function saveSettings(userData: string, settings: Settings): Promise<void> {
  await mkdir(userData, { recursive: true }).catch(() => {}); // a failure shows as the save's error
  await saveAtomic(settingsPath(userData), JSON.stringify(sanitizeSettings(settings), null, 2) + "\n", { backup: false });
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies a patch (invalid values are ignored), saves, returns the result. */
  update(patch: Partial<Settings>): Promise<Settings>;
  /** Puts a file first in the recent files and saves. */
  addRecentFile(path: string): Promise<Settings>;
}

/**
 * The settings of one user-data folder, read once and kept in memory.
 * Changes are applied one after another, so two quick updates never lose
 * each other's change.
 */
export function createSettingsStore(userData: string): SettingsStore {
  let current: Promise<Settings> | null = null;
  const load = () => (current ??= loadSettings(userData));
  const change = (f: (s: Settings) => Settings): Promise<Settings> => {
    const before = load();
    const next = before.then(async (s) => {
      const updated = f(s);
      await saveSettings(userData, updated);
      return updated;
    });
    // A failed save leaves the settings as they were for the next change.
    current = next.catch(() => before);
    return next;
  };
  return {
    get: () => load().then((s) => ({ ...s, recentFiles: [...s.recentFiles] })),
    update: (patch) => change((s) => sanitizeSettings(patch, s)),
    addRecentFile: (path) => change((s) => withRecentFile(s, path)),
  };
}
