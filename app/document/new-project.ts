// A new project starts with the default codebook and glossary, so the analyst
// can tag themes and see term hits from the first minute; both are the
// project's own copies, edited freely afterwards.
import type { Node as PMNode } from "prosemirror-model";
import { emptyMeta, type Project } from "./project";
import { buildDoc } from "./build";
import { defaultCodebook } from "../themes/default-codebook";
import { defaultGlossary } from "../translate/default-glossary";

export function newProject(title = "", doc: PMNode = buildDoc([]), source = ""): Project {
  return { meta: { ...emptyMeta(title), source }, codebook: defaultCodebook(), glossary: defaultGlossary(), doc };
}
