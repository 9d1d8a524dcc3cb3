// The qdc export: the project's codebook as a REFI-QDA codebook (app/themes/qdc.ts).
import type { Exporter } from "./index";
import { exportQdc } from "../themes/qdc";
import { XML_INVALID } from "./escape";

export const qdcExporter: Exporter = {
  extension: "qdc",
  mime: "application/xml",
  options: {},
  // A label or description may hold characters XML 1.0 cannot carry at all (C0 controls, U+FFFE/FFFF, lone
  // surrogates): they are left out, so the file stays well-formed for the tools that read it.
  run: async (project) => exportQdc(project.codebook).replace(XML_INVALID, ""),
};
