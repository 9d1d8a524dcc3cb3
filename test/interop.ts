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
    // The complaints, not the warnings (a tool's relative namespace URI, a schema import skipped).
    const lines = String((e as { stderr?: Buffer }).stderr ?? e).split("\n");
    return (lines.filter((l) => /error|fails to validate/.test(l)).join("\n") || lines.join("\n")).slice(0, 2000);
  }
}

/**
 * A schema that imports XLIFF 2 core and every module of a version's schema
 * folder ("xliff-21" for 2.0 and 2.1, "xliff-22"), written to a temp folder,
 * so xmllint validates a document that uses modules. Returns its path.
 */
export function xliff2Driver(folder: "xliff-21" | "xliff-22"): string {
  const dir = interopPath(`schemas/oasis/${folder}/schemas`);
  const xsds: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".xsd") && e.name !== "xml.xsd") xsds.push(join(d, e.name));
    }
  };
  walk(dir);
  // The xml: namespace from a local copy first: the schemas name it by URL, and tests never go to the network.
  const xml = interopPath("schemas/openxliff/catalog/xliff2.0/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd");
  const imports = [`<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="file://${xml}"/>`];
  imports.push(...xsds.map((path) => {
    const ns = /targetNamespace="([^"]+)"/.exec(readFileSync(path, "utf8"))?.[1] ?? "";
    return `<xs:import namespace="${ns}" schemaLocation="file://${path}"/>`;
  }));
  const driver = join(tempFolder("dari-xliff-driver-"), "driver.xsd");
  writeFileSync(driver, `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-dari:driver">\n${imports.join("\n")}\n</xs:schema>\n`);
  return driver;
}

/**
 * The XLIFF 1.2 schema (strict or transitional) behind a driver that first
 * imports the xml: namespace from a local copy: the schema names it by URL,
 * and the tests never go to the network.
 */
export function xliff12Driver(kind: "strict" | "transitional"): string {
  const xml = interopPath("schemas/openxliff/catalog/xliff2.0/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd");
  const core = interopPath(`schemas/openxliff/catalog/xliff/xliff-core-1.2-${kind}.xsd`);
  const driver = join(tempFolder("dari-xliff12-driver-"), "driver.xsd");
  writeFileSync(
    driver,
    `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-dari:driver">\n` +
      `<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="file://${xml}"/>\n` +
      `<xs:import namespace="urn:oasis:names:tc:xliff:document:1.2" schemaLocation="file://${core}"/>\n</xs:schema>\n`,
  );
  return driver;
}
export const TMX14_DTD = interopPath("schemas/openxliff/catalog/tmx/tmx14.dtd");

const INLINE = new Set(["g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "ut", "hi", "sub", "pc", "sc", "ec", "sm", "em", "mrk"]);

/**
 * The inline elements of a document's source/target (XLIFF) or seg (TMX)
 * elements, in document order, as "name id" with their content when they
 * carry native code: what a round trip must keep. Segment markers
 * (<mrk mtype="seg">) are structure, not codes, and are left out.
 */
export function inlineElements(xml: string, parse: (xml: string) => import("../app/import/xml").XElement): string[] {
  const out: string[] = [];
  const inside = (el: import("../app/import/xml").XElement) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (INLINE.has(c.local) && !(c.local === "mrk" && c.attrs.mtype === "seg")) {
        const id = c.attrs.id ?? c.attrs.mid ?? c.attrs.i ?? c.attrs.rid ?? "";
        out.push(`${c.local} ${id}`.trim());
      }
      inside(c);
    }
  };
  const walk = (el: import("../app/import/xml").XElement) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.local === "source" || c.local === "target" || c.local === "seg") inside(c);
      else walk(c);
    }
  };
  walk(parse(xml));
  return out;
}
