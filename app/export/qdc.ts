// The qdc export: the project's codebook and its code sets as a REFI-QDA codebook (app/themes/qdc.ts).
import type { Exporter } from "./index";
import { exportQdc } from "../themes/qdc";

export const qdcExporter: Exporter = {
  extension: "qdc",
  mime: "application/xml",
  options: {},
  run: async (project) => exportQdc(project.codebook, project.codeSets),
};
