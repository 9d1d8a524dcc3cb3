// The `dari` command line (DESIGN.md "The command line"). Users script
// against it: command names, flags and output formats are a contract.
//
// Each command is an entry of COMMANDS: its usage line, its options for
// node:util parseArgs, and a run function over the same app/ modules the
// desktop app uses. Errors go to stderr with a non-zero exit (1: the input
// is bad or a file cannot be written; 2: the command line is wrong), and an
// output file is written atomically, so a failed run never leaves a partial one.
import { basename, extname, resolve } from "node:path";
import { userInfo } from "node:os";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DariError, isDariError } from "../app/errors";
import { tEnglish } from "../app/i18n";
import { parseProject, serializeProject, type Project } from "../app/document";
import { importParagraphs, checkSides, importBitext } from "../app/import/index";
import { exporters, isExportFormat, availableFormats, EXPORT_FORMATS, CHOICE_DEFAULTS, type ExportFormat } from "../app/export/index";
import { projectStats, statsText } from "../app/stats";
import { projectQa } from "../app/translate/qa";
import { writeOutputFile } from "./output";
import { importInterchangeBytes } from "../app/import/interchange";
import type { ImportWarning } from "../app/import/languages";
import { importWarnings } from "../app/import/build-project";
import { importQdpx } from "../app/import/qdpx";
import { readFileBytes, readProjectFile, saveAtomic } from "./files";
import { checkProjectSize } from "../app/import/size";
import { realignProject } from "../app/align/project";
import { lexiconFromMemoryFile } from "../app/align/memory-lexicon";
import { printPdfWithChromium } from "./pdf";
import { readPdfAsset } from "./pdf-assets";
import { mergeProjectTexts } from "../app/merge/merge3";
import { agreement } from "../app/merge/agree";
import { gitSetup } from "./git-setup";
import { openLibrary, readLibraryProjects } from "./library";
import { exportLibraryQdpx } from "../app/export/qdpx-library";
import { libraryStats, libraryCodebook, retrieveSegments } from "../app/library/library";
import { searchLibrary } from "../app/library/search";
import { libraryReport, REPORT_FORMATS, type ReportFormat } from "../app/library/report";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  /** Number of positional arguments the command takes. */
  positionals: string[];
  /** Positional arguments that may follow the required ones. */
  optionalPositionals?: string[];
  run(values: Values, positionals: string[], io: CliIO): Promise<void>;
}

class UsageError extends Error {}

/** `dari library export <folder> --format qdpx -o <file>`: every project of the folder in one REFI-QDA project. */
async function exportLibraryAsQdpx(folder: string, out: string, io: CliIO): Promise<void> {
  const { projects, failed } = await readLibraryProjects(folder);
  for (const f of failed) io.stderr(`dari library: ${f.reason}\n`);
  if (!projects.length) throw new DariError("library:export.noProjects", { folder: resolve(folder) });
  let user = "";
  try {
    user = userInfo().username;
  } catch {
    // No account name (some containers): the export names no user.
  }
  await writeOutputFile(out, exportLibraryQdpx(projects, { name: basename(resolve(folder)), user, now: new Date().toISOString() }));
}

function required(values: Values, name: string, flag = `--${name}`): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(new DariError("cli.missingOption", { option: flag }).message);
  return v;
}

export async function readProject(path: string): Promise<Project> {
  const text = await readInputText(path);
  try {
    return parseProject(text);
  } catch (e) {
    if (isDariError(e)) throw new DariError("file.inFile", { file: path, message: e.message });
    throw e;
  }
}

// Strict UTF-8, as the app reads it: a byte that is not UTF-8 is refused, never replaced (and then written back).
function readInputText(path: string): Promise<string> {
  return readProjectFile(path);
}

/**
 * Writes a command's result. Over one of its own inputs (e.g. `dari align f.dari`
 * without -o) the previous version is kept as `.bak`, as the app's save does;
 * any other output is written whole or not at all.
 */
async function writeResult(out: string, content: string | Uint8Array, ...inputs: string[]): Promise<void> {
  if (inputs.some((i) => resolve(i) === resolve(out))) await saveAtomic(out, content);
  else await writeOutputFile(out, content);
}

function titleFrom(path: string): string {
  return basename(path, extname(path)).replace(/(\.(ko|en|pdf))+$/, "");
}

export const COMMANDS: Record<string, Command> = {
  new: {
    usage: "dari new --ko <file> [--en <file>] [--title <t>] [--password <pw>] -o <project.dari>",
    summary: "Create a project from a Korean text and, optionally, its English translation.",
    options: { ko: { type: "string" }, en: { type: "string" }, title: { type: "string" }, password: { type: "string" }, output: { type: "string", short: "o" } },
    positionals: [],
    async run(values) {
      const koPath = required(values, "ko");
      const out = required(values, "output", "-o");
      const enPath = typeof values.en === "string" ? values.en : null;
      // --password opens an encrypted PDF (on either side); PDFs need pdfjs's bundled CMaps and fonts.
      const read = { pdfAssets: readPdfAsset, password: typeof values.password === "string" ? values.password : undefined };
      const ko = await importParagraphs(basename(koPath), await readFileBytes(koPath), read);
      const en = enPath ? await importParagraphs(basename(enPath), await readFileBytes(enPath), read) : null;
      // A text whose project would pass the 200 MB Dari opens is refused before splitting and aligning it.
      checkProjectSize(basename(koPath), ko.paragraphs.join("\n\n"), "ko");
      if (en && enPath) checkProjectSize(basename(enPath), en.paragraphs.join("\n\n"), "en");
      checkSides(ko.paragraphs, en?.paragraphs ?? null, { ko: koPath, en: enPath ?? "" });
      const title = typeof values.title === "string" ? values.title : titleFrom(koPath);
      const project = importBitext({ ko: ko.paragraphs, en: en?.paragraphs ?? null, title, source: basename(koPath), koNotes: ko.notes, enNotes: en?.notes });
      await writeResult(out, serializeProject(project), koPath, ...(enPath ? [enPath] : []));
    },
  },
  align: {
    usage: "dari align <project.dari> [--memory <file.tmx>] [-o <out.dari>]",
    summary: "Re-align the unconfirmed segments of every passage; confirmed segments stay as they are (without -o, in place). --memory: word pairs learned from a TMX help.",
    options: { output: { type: "string", short: "o" }, memory: { type: "string" } },
    positionals: ["project.dari"],
    async run(values, [input]) {
      const out = typeof values.output === "string" && values.output ? values.output : input;
      const memory = typeof values.memory === "string" && values.memory ? values.memory : null;
      const learned = memory ? lexiconFromMemoryFile(memory, await readFileBytes(memory)) : undefined;
      const project = realignProject(await readProject(input), learned ? { learned } : {});
      await writeResult(out, serializeProject(project), input);
    },
  },
  import: {
    usage: "dari import <file.tmx|file.xlf|file.sdlxliff|file.mqxliff|file.qdpx> -o <project.dari>",
    summary: "Create a project from a translation memory (TMX), an XLIFF 1.2 or 2.x file (ko → en or en → ko) or a REFI-QDA project (.qdpx); Dari's own exports come back whole.",
    options: { output: { type: "string", short: "o" } },
    positionals: ["file.tmx|file.xlf|file.qdpx"],
    async run(values, [input], io) {
      const out = required(values, "output", "-o");
      const bytes = await readFileBytes(input);
      // A .qdpx names what Dari left out (pictures, PDFs, variables…), one warning a line.
      const qdpx = /\.qdpx$/i.test(input) ? importQdpx(input, bytes) : null;
      for (const w of qdpx?.warnings ?? []) io.stderr(`dari import: warning: ${w.message}\n`);
      const warnings: ImportWarning[] = [];
      const project = qdpx ? qdpx.project : importInterchangeBytes(input, bytes, warnings);
      await writeResult(out, serializeProject(project), input);
      // What the import left out (other languages of a memory, unusable tag spans) goes to stderr, one line each.
      for (const w of [...warnings, ...importWarnings(project)]) io.stderr(`dari import: warning: ${tEnglish(w.key, w.params)}\n`);
    },
  },
  export: {
    usage: `dari export <project.dari> --format <${EXPORT_FORMATS.join("|")}> [--side ko|en] -o <file>`,
    summary: "Write the project in another format (txt writes --side, ko by default; tsv is one segment a line, ko<TAB>en).",
    options: { format: { type: "string" }, side: { type: "string" }, output: { type: "string", short: "o" } },
    positionals: ["project.dari"],
    async run(values, [input]) {
      const format = required(values, "format");
      const out = required(values, "output", "-o");
      // pdf is the html export printed by a headless Chromium.
      const available = availableFormats();
      if (!isExportFormat(format) || !available.includes(format)) throw new UsageError(new DariError("cli.unknownFormat", { format, allowed: available.join(", ") }).message);
      const side = values.side ?? CHOICE_DEFAULTS.side;
      if (side !== "ko" && side !== "en") throw new UsageError(new DariError("cli.badValue", { option: "--side", allowed: "ko, en" }).message);
      const project = await readProject(input);
      const content =
        format === "pdf"
          ? await printPdfWithChromium(String(await exporters.html!.run(project, { side, uiLanguage: "en" })), { orientation: "portrait", title: project.meta.title })
          : await exporters[format as ExportFormat]!.run(project, { side, uiLanguage: "en" });
      await writeResult(out, content, input);
    },
  },
  stats: {
    usage: "dari stats <project.dari> [--json]",
    summary: "Print figures about a project: passages, segments, status, characters and words per side.",
    options: { json: { type: "boolean" } },
    positionals: ["project.dari"],
    async run(values, [input], io) {
      const stats = projectStats(await readProject(input));
      if (values.json) {
        io.stdout(JSON.stringify(stats, null, 2) + "\n");
        return;
      }
      io.stdout(statsText(stats));
    },
  },
  qa: {
    usage: "dari qa <project.dari> [--json]",
    summary: "Check the translation (numbers, citations, empty, Hangul, glossary terms, spacing); exits 0 with or without findings.",
    options: { json: { type: "boolean" } },
    positionals: ["project.dari"],
    async run(values, [input], io) {
      const project = await readProject(input);
      const findings = projectQa(project.doc, project.glossary, project.qaIgnored);
      if (values.json) io.stdout(JSON.stringify(findings, null, 2) + "\n");
      // For reading, segments are numbered from 1 as in the app's gutter; --json keeps the index from 0 of the contract.
      else io.stdout(findings.map((f) => `segment ${f.segment + 1}\t${f.kind}\t${f.message}\n`).join(""));
    },
  },
  library: {
    usage: "dari library stats <folder> [--json] | dari library search <folder> <query> [--theme id] [--side ko|en] [--json] | dari library export <folder> --theme id [--theme id …] [--not id] --format html|docx|csv -o <file> | dari library export <folder> --format qdpx -o <file>",
    summary: "A folder of projects as one library (its index kept in <folder>/.dari-library/): figures by document and period, search in both languages, segments by theme as a report, the whole library as one REFI-QDA project (.qdpx) for MAXQDA, ATLAS.ti or NVivo.",
    options: {
      json: { type: "boolean" },
      theme: { type: "string", multiple: true },
      not: { type: "string", multiple: true },
      side: { type: "string" },
      status: { type: "string" },
      author: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      period: { type: "string" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
    },
    positionals: ["stats|search|export", "folder"],
    optionalPositionals: ["query"],
    async run(values, [action, folder, query], io) {
      const side = values.side as string | undefined;
      if (side !== undefined && side !== "ko" && side !== "en") throw new UsageError(new DariError("cli.badValue", { option: "--side", allowed: "ko, en" }).message);
      const themes = (values.theme as unknown as string[] | undefined) ?? [];
      const progress = (done: number, total: number) => {
        if (total > 20 && (done === total || done % 50 === 0)) io.stderr(`\rdari library: indexing ${done}/${total}`);
        if (total > 20 && done === total) io.stderr("\n");
      };
      if (action === "stats") {
        const period = (values.period as string | undefined) ?? "month";
        if (period !== "month" && period !== "quarter") throw new UsageError(new DariError("cli.badValue", { option: "--period", allowed: "month, quarter" }).message);
        const { library, failed } = await openLibrary(folder, progress);
        for (const f of failed) io.stderr(`dari library: ${f.reason}\n`);
        const stats = libraryStats(library.documents, period);
        if (values.json) io.stdout(JSON.stringify(stats, null, 2) + "\n");
        else {
          io.stdout(`documents   ${stats.documents}\nsegments    ${stats.segments}\n`);
          for (const [code, n] of Object.entries(stats.themes).sort((a, b) => b[1] - a[1])) io.stdout(`theme       ${code}\t${n}\n`);
          for (const p of stats.byPeriod) io.stdout(`period      ${p.period}\t${p.documents} documents\t${p.segments} segments\n`);
        }
        return;
      }
      if (action === "search") {
        if (query === undefined) throw new UsageError(new DariError("cli.missingArgument", { argument: "<query>" }).message);
        if (themes.length > 1) throw new UsageError(new DariError("cli.badValue", { option: "--theme", allowed: "one theme id" }).message);
        const { library, failed } = await openLibrary(folder, progress);
        for (const f of failed) io.stderr(`dari library: ${f.reason}\n`);
        const hits = searchLibrary(library.documents, library.search, query, {
          theme: themes[0],
          side: side as "ko" | "en" | undefined,
          status: values.status as never,
          author: values.author as string | undefined,
          from: values.from as string | undefined,
          to: values.to as string | undefined,
        });
        if (values.json) io.stdout(JSON.stringify(hits.map((h) => ({ file: h.file, segment: h.segment, ko: h.ko, en: h.en, themes: h.themes })), null, 2) + "\n");
        else for (const h of hits) for (const [s, k] of Object.entries(h.kwic)) io.stdout(`${h.file}:${h.index + 1}\t${s}\t${k.before}[${k.match}]${k.after}\n`);
        return;
      }
      if (action === "export") {
        const format = required(values, "format");
        const out = required(values, "output", "-o");
        if (format === "qdpx") {
          // The whole library goes: a selection by theme or side would cut codings out of their documents.
          for (const option of ["theme", "not", "side"]) if (values[option] !== undefined) throw new UsageError(new DariError("cli.notWithFormat", { option: `--${option}`, format }).message);
          return exportLibraryAsQdpx(folder, out, io);
        }
        if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(new DariError("cli.unknownFormat", { format, allowed: [...REPORT_FORMATS, "qdpx"].join(", ") }).message);
        if (!themes.length) throw new UsageError(new DariError("cli.missingOption", { option: "--theme" }).message);
        const { library, failed } = await openLibrary(folder, progress);
        for (const f of failed) io.stderr(`dari library: ${f.reason}\n`);
        const query = { all: themes, none: (values.not as unknown as string[] | undefined) ?? [], side: side as "ko" | "en" | undefined };
        const rows = retrieveSegments(library.documents, query);
        await writeOutputFile(out, await libraryReport(format as ReportFormat, { query, rows, codebook: libraryCodebook(library.documents), lang: "en" }));
        return;
      }
      throw new UsageError(new DariError("cli.unknownCommand", { command: `library ${action}` }).message);
    },
  },
  "merge-driver": {
    usage: "dari merge-driver <base> <ours> <theirs>",
    summary: "Git's merge driver for .dari projects (%O %A %B): merges by passage, segment, tag and theme into <ours>; exits 1 when segments were edited differently on both sides (both versions kept, flagged).",
    options: {},
    positionals: ["base", "ours", "theirs"],
    async run(_values, [basePath, oursPath, theirsPath], io) {
      const read = async (path: string) => ({ text: await readInputText(path), file: path });
      const r = mergeProjectTexts(await read(basePath), await read(oursPath), await read(theirsPath));
      await writeOutputFile(oursPath, r.text);
      if (r.conflicts.length) throw new DariError("library:merge.conflicts", { count: r.conflicts.length });
      if (r.kept.length) io.stderr(`dari merge-driver: kept ours for ${r.kept.join(", ")}\n`);
    },
  },
  "git-setup": {
    usage: "dari git-setup [<repository>]",
    summary: "Register Dari's merge driver for *.dari files in a git repository (git config and .gitattributes).",
    options: {},
    positionals: [],
    optionalPositionals: ["repository"],
    async run(_values, positionals, io) {
      const repo = await gitSetup(positionals[0] ?? process.cwd());
      io.stdout(new DariError("library:merge.setupDone", { repo }).message + "\n");
    },
  },
  agree: {
    usage: "dari agree <a.dari> <b.dari> [--json]",
    summary: "Inter-coder agreement of two codings of one bitext, per theme and side: Cohen's kappa, Krippendorff's alpha, character F1.",
    options: { json: { type: "boolean" } },
    positionals: ["a.dari", "b.dari"],
    async run(values, [a, b], io) {
      const { result } = agreement((await readProject(a)).doc, (await readProject(b)).doc);
      if (values.json) {
        io.stdout(JSON.stringify(result, null, 2) + "\n");
        return;
      }
      const rows = result.themes.map((t) => [t.code, t.side, t.kappa.toFixed(3), t.alpha.toFixed(3), t.f1.toFixed(3), String(t.agree), String(t.disagree)]);
      const table = [["theme", "side", "kappa", "alpha", "f1", "agree", "disagree"], ...rows, ["overall", "", result.overall.kappa.toFixed(3), result.overall.alpha.toFixed(3), "", "", ""]];
      const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
      io.stdout(table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n") + "\n");
    },
  },
};

function helpText(): string {
  const lines = ["Dari (다리): align and annotate a Korean commentary with its English translation.", "", "Usage:"];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push("", "Options:", "  -o, --output <file>   where to write (never left half-written on error)", "  -h, --help            show this help", "");
  lines.push("Exit status: 0 on success, 1 when an input is bad or an output cannot be written, 2 when the command line is wrong.");
  return lines.join("\n") + "\n";
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`dari: ${new DariError("cli.usage", { message: new DariError("cli.unknownCommand", { command: name }).message }).message}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`Usage: ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const positionals = parsed.positionals;
    if (positionals.length < command.positionals.length)
      throw new UsageError(new DariError("cli.missingArgument", { argument: `<${command.positionals[positionals.length]}>` }).message);
    const most = command.positionals.length + (command.optionalPositionals?.length ?? 0);
    if (positionals.length > most) throw new UsageError(`unexpected argument “${positionals[most]}”`);
    await command.run(parsed.values as Values, positionals, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`dari ${name}: ${new DariError("cli.usage", { message: e.message }).message}\n`);
      return 2;
    }
    io.stderr(`dari ${name}: ${isDariError(e) ? e.message : String((e as Error)?.stack ?? e)}\n`);
    return 1;
  }
}
