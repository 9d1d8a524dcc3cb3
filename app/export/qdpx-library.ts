// A library (a folder of .dari projects) as one REFI-QDA project (.qdpx), so
// the whole corpus opens in MAXQDA, ATLAS.ti or NVivo with its coding:
//
// - Each document is written as the single-project export writes a project
//   (app/export/qdpx.ts, qdpxDocument): its Korean and English as two
//   TextSources, a PlainTextSelection per tag, memos and notes as Notes, and
//   its own "Dari alignment" value on its Korean source, so Dari reads the
//   library back as one project with every document's passages and codings.
// - One codebook for the library: a theme is matched across projects by id,
//   then by label (as the library window's codebook matches them), and written
//   once; the first project (in date order) that has it gives its label and
//   colour. A tag of a theme matched by label is written with the library's
//   code. Guids come from the theme's id, so they are the ones a single
//   project's .qdpx or .qdc carries.
// - Sets: the projects' code sets (once each, by guid), a set per document
//   (its two sources) and a set per month of the commentaries' dates.
// - Users: the analyst who exported, when main names one, as the creating
//   user of the project and its sources. Dari keeps no coder per tag, so no
//   coding claims one.
// Guids of sources, selections and notes are seeded with the document's path in
// the library, so two copies of a project in the library never share one and
// the same library exports to the same file.
import type { Project } from "../document/project";
import type { Code, CodeSet } from "../themes/codebook";
import { guidForId } from "../themes/qdc";
import { periodOf } from "../library/library";
import { projectQde, qdpxDocument, zipQdpx, type QdpxDocument, type QdpxFiles, type QdpxSet } from "./qdpx";

export interface LibraryProject {
  /** Path inside the library folder, with "/" between folders. */
  file: string;
  project: Project;
}

export interface LibraryQdpxOptions {
  /** The project's name in the other tool: the library folder's name. */
  name: string;
  /** The analyst who exports (REFI-QDA User); none when unknown. */
  user?: string;
  /** When the export was made (ISO), for the project's dates and the zip's. */
  now: string;
}

export interface LibraryQdpx extends QdpxFiles {
  /** Codes written, PlainTextSelections with a coding, and text sources: for the CLI's summary and the tests. */
  codes: number;
  codings: number;
  textSources: number;
}

const labelKey = (c: Code) => `${c.label.ko.trim()}\u0000${c.label.en.trim().toLowerCase()}`;

/** The library's codebook and, per project, the library id of each of its theme ids. */
function mergeCodebooks(projects: readonly LibraryProject[]): { codebook: Code[]; idMaps: Map<string, string>[] } {
  const codebook: Code[] = [];
  const byId = new Map<string, Code>();
  const byLabel = new Map<string, Code>();
  const idMaps = projects.map(({ project }) => {
    const map = new Map<string, string>();
    const added: Code[] = [];
    for (const c of project.codebook) {
      const known = byId.get(c.id) ?? byLabel.get(labelKey(c));
      if (known) {
        map.set(c.id, known.id);
        continue;
      }
      const code = { ...c };
      codebook.push(code);
      added.push(code);
      byId.set(code.id, code);
      byLabel.set(labelKey(code), code);
      map.set(c.id, c.id);
    }
    // A parent is named by the project's id; the library may know it by another.
    for (const code of added) if (code.parent !== null) code.parent = map.get(code.parent) ?? code.parent;
    return map;
  });
  return { codebook, idMaps };
}

/** The projects' code sets, each once (by guid), their members as library ids. */
function mergeCodeSets(projects: readonly LibraryProject[], idMaps: Map<string, string>[]): QdpxSet[] {
  const byGuid = new Map<string, QdpxSet>();
  projects.forEach(({ project }, i) => {
    for (const s of project.codeSets ?? ([] as CodeSet[])) {
      const key = s.guid.toLowerCase();
      const set = byGuid.get(key) ?? byGuid.set(key, { guid: s.guid, name: s.name, description: s.description, codes: [] }).get(key)!;
      for (const id of s.codes) {
        const lib = idMaps[i].get(id) ?? id;
        if (!set.codes.includes(lib)) set.codes.push(lib);
      }
    }
  });
  return [...byGuid.values()];
}

/** project.qde and the source texts of a library's projects. */
export function libraryQdpxFiles(given: readonly LibraryProject[], options: LibraryQdpxOptions): LibraryQdpx {
  // In date order (undated last), as the library's heat map reads them: the other tool lists the sources so.
  const projects = [...given].sort((a, b) => (a.project.meta.date || "\uffff").localeCompare(b.project.meta.date || "\uffff") || a.file.localeCompare(b.file));
  const { codebook, idMaps } = mergeCodebooks(projects);
  const user = options.user ? { guid: guidForId(`dari-library-user\u0000${options.user}`), name: options.user } : undefined;
  const documents: QdpxDocument[] = projects.map(({ file, project }, i) =>
    qdpxDocument(project, {
      guid: (...parts) => guidForId(`dari-library-qdpx\u0000${file}\u0000${parts.join("\u0000")}`),
      name: project.meta.title || file,
      codeId: (id) => idMaps[i].get(id) ?? id,
      user: user?.guid,
    }),
  );
  // Codes a tag uses that no codebook has still need a Code for the CodeRef to point at.
  const ids = new Set(codebook.map((c) => c.id));
  for (const d of documents)
    for (const c of d.missingCodes)
      if (!ids.has(c.id)) {
        ids.add(c.id);
        codebook.push(c);
      }

  const documentSets: QdpxSet[] = projects.map(({ file, project }, i) => ({
    guid: guidForId(`dari-library-document-set\u0000${file}`),
    name: project.meta.title || file,
    description: file,
    codes: [],
    sources: [documents[i].sourceGuid.ko, documents[i].sourceGuid.en],
  }));
  const periods = new Map<string, string[]>();
  projects.forEach(({ project }, i) => {
    const period = periodOf(project.meta.date, "month");
    if (period) periods.set(period, [...(periods.get(period) ?? []), documents[i].sourceGuid.ko, documents[i].sourceGuid.en]);
  });
  const periodSets: QdpxSet[] = [...periods.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([period, sources]) => ({ guid: guidForId(`dari-library-period-set\u0000${period}`), name: period, codes: [], sources }));

  const project = projectQde({
    name: options.name,
    created: options.now,
    modified: options.now,
    codebook,
    documents,
    sets: [...mergeCodeSets(projects, idMaps), ...documentSets, ...periodSets],
    user,
  });
  return {
    project,
    sources: Object.assign({}, ...documents.map((d) => d.files)),
    codes: codebook.length,
    codings: documents.reduce((n, d) => n + d.codings.ko + d.codings.en, 0),
    textSources: documents.length * 2,
  };
}

/** The library as a .qdpx file. */
export function exportLibraryQdpx(projects: readonly LibraryProject[], options: LibraryQdpxOptions): Uint8Array {
  return zipQdpx(libraryQdpxFiles(projects, options), options.now);
}
