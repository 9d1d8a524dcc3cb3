// The files other tools wrote (../shared/interop, see its README), and
// xmllint to validate Dari's own exports against the official schemas.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempFolder } from "./support";

export const INTEROP = fileURLToPath(new URL("../../shared/interop/", import.meta.url));

export const interopPath = (rel: string): string => join(INTEROP, rel);
export const interopBytes = (rel: string): Uint8Array => new Uint8Array(readFileSync(interopPath(rel)));

/** Files of an interop folder whose names match. */
export function interopFiles(dir: string, re: RegExp): string[] {
  return readdirSync(interopPath(dir))
    .filter((f) => re.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/**
 * xmllint's verdict on a document: "" when valid, else its complaints.
 * `how` is ["--dtdvalid", dtd] or ["--schema", xsd]; the document goes through a temp file.
 */
export function xmllint(xml: string, how: string[], name = "export.xml"): string {
  const file = join(tempFolder("dari-xmllint-"), name);
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--nonet", ...how, file], { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 2000);
  }
}
