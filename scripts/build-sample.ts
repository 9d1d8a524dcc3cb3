// Rebuilds the bundled sample project (resources/sample/commentary.dari) from
// the sample commentary shipped beside it, the way `dari new` would, with the
// default codebook and glossary, and the worked example of
// resources/sample/worked.json on top (scripts/sample-project.ts).
// Run: node --import tsx scripts/build-sample.ts
import { join } from "node:path";
import { serializeProject } from "../app/document";
import { saveAtomic } from "../main/files";
import { plainSample, readWorkedExample, applyWorkedExample, SAMPLE_DIR } from "./sample-project";

const project = applyWorkedExample(await plainSample(), await readWorkedExample());
await saveAtomic(join(SAMPLE_DIR, "commentary.dari"), serializeProject(project, new Date("2026-11-25T00:00:00Z")), { backup: false });
console.log(`sample: ${project.doc.childCount} passages`);
