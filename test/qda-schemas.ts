// The REFI-QDA schemas of ../shared/interop and a check of a file against one
// with xmllint (Debian's libxml2-utils), for the .qdc and .qdpx tests.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const INTEROP = fileURLToPath(new URL("../../shared/interop/", import.meta.url));
export const CODEBOOK_XSD = `${INTEROP}refi/Codebook.xsd`;
export const PROJECT_XSD = `${INTEROP}ponte/process/ref_materials/Project-mrt2019.xsd`;
export const ATLAS_SAMPLES = `${INTEROP}ponte/process/ref_materials/samples/`;

/** xmllint's verdict on `file` against `xsd`: "" when valid, else its messages. */
export function schemaProblems(xsd: string, file: string): string {
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return err.stderr?.toString() || err.message;
  }
}
