// The real documents of ../shared/sources (PROVENANCE.md there says what each
// holds and how it opens), for the import tests; never copied into the project.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SOURCES = fileURLToPath(new URL("../../shared/sources/", import.meta.url));

/** The names of the files of ../shared/sources that match a pattern. */
export const sourceNames = (pattern: RegExp) => readdirSync(SOURCES).filter((f) => pattern.test(f));

/** The bytes of one file of ../shared/sources. */
export const source = (name: string) => new Uint8Array(readFileSync(join(SOURCES, name)));

/** Checks that consecutive paragraphs open with the given texts, starting with the paragraph that opens with the first. */
export function assertOpening(paragraphs: string[], expected: string[], file: string): void {
  const first = paragraphs.findIndex((p) => p.startsWith(expected[0]));
  assert.ok(first >= 0, `${file}: no paragraph opens with “${expected[0]}”; the first are:\n${paragraphs.slice(0, 5).join("\n")}`);
  expected.forEach((e, i) => assert.ok(paragraphs[first + i]?.startsWith(e), `${file}: paragraph ${first + i} should open with “${e}”, not “${paragraphs[first + i]}”`));
}
