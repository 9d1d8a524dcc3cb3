// Rebuilds the bundled sample project (resources/sample/commentary.dari) from
// the sample commentary shipped beside it, the way `dari new` would, with the
// default codebook and glossary. Run: node --import tsx scripts/build-sample.ts
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { importParagraphs, checkSides, importBitext } from "../app/import/index";
import { serializeProject } from "../app/document";
import { saveAtomic } from "../main/files";

const dir = fileURLToPath(new URL("../resources/sample/", import.meta.url));
const ko = await importParagraphs("commentary.ko.pdf.txt", await readFile(join(dir, "commentary.ko.pdf.txt")));
const en = await importParagraphs("commentary.en.txt", await readFile(join(dir, "commentary.en.txt")));
checkSides(ko.paragraphs, en.paragraphs, { ko: "commentary.ko.pdf.txt", en: "commentary.en.txt" });
const project = importBitext({ ko: ko.paragraphs, en: en.paragraphs, title: "북러 정상회담과 우주 협력", source: "commentary.ko.pdf.txt" });
project.meta.author = "강윤희 (국민대학교)";
project.meta.date = "2023-09";
await saveAtomic(join(dir, "commentary.dari"), serializeProject(project, new Date("2026-11-25T00:00:00Z")), { backup: false });
console.log(`sample: ${project.doc.childCount} passages`);
