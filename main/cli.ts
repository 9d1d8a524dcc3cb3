// The `dari` command line (DESIGN.md "The command line"). Users script
// against it: command names, flags and output formats are a contract.
//
// Each command is an entry of COMMANDS: its usage line, its options for
// node:util parseArgs, and a run function over the same app/ modules the
// desktop app uses. Errors go to stderr with a non-zero exit (1: the input
// is bad or a file cannot be written; 2: the command line is wrong), and an
// output file is written atomically, so a failed run never leaves a partial one.
import { basename, extname } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DariError, isDariError } from "../app/errors";
import { parseProject, serializeProject, type Project } from "../app/document";
import { importParagraphs, checkSides, importBitext } from "../app/import/index";
import { exporters, isExportFormat, availableFormats, EXPORT_FORMATS, CHOICE_DEFAULTS, type ExportFormat } from "../app/export/index";
import { projectStats, statsText } from "../app/stats";
import { projectQa } from "../app/translate/qa";
import { writeOutputFile } from "./output";
import { importInterchangeBytes } from "../app/import/interchange";
import { readFileBytes } from "./files";
import { realignProject } from "../app/align/project";
import { printPdfWithChromium } from "./pdf";

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
  run(values: Values, positionals: string[], io: CliIO): Promise<void>;
}

class UsageError extends Error {}

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

async function readInputText(path: string): Promise<string> {
  return new TextDecoder().decode(await readFileBytes(path));
}

function titleFrom(path: string): string {
  return basename(path, extname(path)).replace(/(\.(ko|en|pdf))+$/, "");
}

export const COMMANDS: Record<string, Command> = {
  new: {
    usage: "dari new --ko <file> [--en <file>] [--title <t>] -o <project.dari>",
    summary: "Create a project from a Korean text and, optionally, its English translation.",
    options: { ko: { type: "string" }, en: { type: "string" }, title: { type: "string" }, output: { type: "string", short: "o" } },
    positionals: [],
    async run(values) {
      const koPath = required(values, "ko");
      const out = required(values, "output", "-o");
      const enPath = typeof values.en === "string" ? values.en : null;
      const ko = await importParagraphs(basename(koPath), await readFileBytes(koPath));
      const en = enPath ? await importParagraphs(basename(enPath), await readFileBytes(enPath)) : null;
      checkSides(ko.paragraphs, en?.paragraphs ?? null, { ko: koPath, en: enPath ?? "" });
      const title = typeof values.title === "string" ? values.title : titleFrom(koPath);
      const project = importBitext({ ko: ko.paragraphs, en: en?.paragraphs ?? null, title, source: basename(koPath) });
      await writeOutputFile(out, serializeProject(project));
    },
  },
  align: {
    usage: "dari align <project.dari> [-o <out.dari>]",
    summary: "Re-align the unconfirmed segments of every passage; confirmed segments stay as they are (without -o, in place).",
    options: { output: { type: "string", short: "o" } },
    positionals: ["project.dari"],
    async run(values, [input]) {
      const out = typeof values.output === "string" && values.output ? values.output : input;
      const project = realignProject(await readProject(input));
      await writeOutputFile(out, serializeProject(project));
    },
  },
  import: {
    usage: "dari import <file.tmx|file.xlf> -o <project.dari>",
    summary: "Create a project from a translation memory (TMX) or an XLIFF 2 file; Dari's own exports come back whole.",
    options: { output: { type: "string", short: "o" } },
    positionals: ["file.tmx|file.xlf"],
    async run(values, [input]) {
      const out = required(values, "output", "-o");
      const project = importInterchangeBytes(input, await readFileBytes(input));
      await writeOutputFile(out, serializeProject(project));
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
      await writeOutputFile(out, content);
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
      const findings = projectQa(project.doc, project.glossary);
      if (values.json) io.stdout(JSON.stringify(findings, null, 2) + "\n");
      // For reading, segments are numbered from 1 as in the app's gutter; --json keeps the index from 0 of the contract.
      else io.stdout(findings.map((f) => `segment ${f.segment + 1}\t${f.kind}\t${f.message}\n`).join(""));
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
    if (positionals.length > command.positionals.length) throw new UsageError(`unexpected argument “${positionals[command.positionals.length]}”`);
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
