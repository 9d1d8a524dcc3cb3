// Migration of older .dari files, one step per version. Each step takes the raw
// JSON of version n and returns version n+1; files are migrated on load and
// written in the current version on the next save (never silently on load).
import { FORMAT_VERSION } from "./project";

type Raw = Record<string, unknown>;
type Step = (file: Raw) => Raw;

function mapSegments(doc: unknown, f: (attrs: Raw) => Raw): unknown {
  if (!doc || typeof doc !== "object") return doc;
  const d = doc as Raw;
  if (!Array.isArray(d.content)) return doc;
  return {
    ...d,
    content: d.content.map((p: unknown) => {
      if (!p || typeof p !== "object" || !Array.isArray((p as Raw).content)) return p;
      return {
        ...(p as Raw),
        content: ((p as Raw).content as unknown[]).map((s) =>
          s && typeof s === "object" ? { ...(s as Raw), attrs: f({ ...(((s as Raw).attrs as Raw) ?? {}) }) } : s,
        ),
      };
    }),
  };
}

/** steps[n] migrates version n+1 to n+2 (steps[0]: 1 -> 2). */
const steps: Step[] = [
  // 1 -> 2: segments gained the aligner's `confidence`; meta gained the language pair.
  (file) => ({
    ...file,
    version: 2,
    meta: { srcLang: "ko", tgtLang: "en", ...((file.meta as Raw) ?? {}) },
    doc: mapSegments(file.doc, (attrs) => ({ confidence: null, ...attrs })),
  }),
  // 2 -> 3: a side may hold inline codes of imported TMX/XLIFF files; older files have none.
  (file) => ({ ...file, version: 3 }),
];

export function migrate(file: Raw, from: number): Raw {
  let out = file;
  for (let v = from; v < FORMAT_VERSION; v++) out = steps[v - 1](out);
  return out;
}
