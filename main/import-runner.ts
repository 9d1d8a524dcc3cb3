// Runs imports in a worker thread (main/import-worker.ts) with a heap limit,
// so that parsing a hostile or huge file neither freezes the window (main's
// event loop stays free) nor crashes the app (the worker dies alone, and the
// user reads why). The worker is started once and kept while it is healthy:
// a new one is started after one dies.
import { Worker } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DariError } from "../app/errors";
import type { ImportedFileText, LayoutOptions } from "../app/import/index";
import type { TextLang } from "../app/text/sentences";

/** The worker's heap: far above what a 200 MB text or a 128 MB Word document needs, far below what would take the app down. */
export const IMPORT_HEAP_MB = 1536;

export interface ImportRunnerOptions {
  /** The worker script: out/main/import-worker.cjs in the build, the .ts beside this file under tsx. */
  workerFile?: string;
  heapMb?: number;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { key: string; params: Record<string, string | number> } }
  | { id: number; progress: number };

/** What a long import reports and how it is stopped. */
export interface ImportWatch {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

interface Job extends ImportWatch {
  fileName: string;
  /** A large input: the worker is ended after it, handing its memory back at once instead of collecting it alongside main. */
  large: boolean;
  resolve(v: unknown): void;
  reject(e: DariError): void;
}

interface Running {
  worker: Worker;
  jobs: Map<number, Job>;
  retired?: boolean;
}

const running = new Map<string, Running>();
let nextId = 1;

function defaultWorkerFile(): string {
  return fileURLToPath(new URL("./import-worker.ts", import.meta.url));
}

/** Inputs above this end their worker afterwards (a new one starts for the next import). */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

/** No new job goes to this worker; it ends once its jobs are answered. */
function retire(self: Running, key: string): void {
  if (running.get(key) === self) running.delete(key);
  self.retired = true;
}

function start(file: string, heapMb: number, key: string): Running {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, heapMb / 8)) } };
  // Under tsx (tests, e2e) the worker is TypeScript: it registers tsx's loader first. The build's worker is plain JavaScript.
  const worker = file.endsWith(".ts")
    ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, { eval: true, ...limits })
    : new Worker(file, limits);
  const self: Running = { worker, jobs: new Map() };
  // An idle worker does not keep the process alive.
  worker.unref();
  const fail = (error: (job: Job) => DariError) => {
    if (running.get(key) === self) running.delete(key);
    for (const job of self.jobs.values()) job.reject(error(job));
    self.jobs.clear();
    void worker.terminate();
  };
  worker.on("message", (m: Reply) => {
    const job = self.jobs.get(m.id);
    if (!job) return;
    if ("progress" in m) return job.onProgress?.(m.progress);
    self.jobs.delete(m.id);
    if (job.large) retire(self, key);
    const answer = () => (m.ok ? job.resolve(m.value) : job.reject(new DariError(m.error.key, m.error.params)));
    if (self.jobs.size > 0) return answer();
    worker.unref();
    // A retired worker is ended before the answer goes out, so that freeing its heap does not compete with what main does next.
    if (self.retired) void worker.terminate().then(answer, answer);
    else answer();
  });
  worker.on("error", (e: Error & { code?: string }) =>
    fail((job) =>
      e.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new DariError("import:outOfMemory", { file: job.fileName, limit: heapMb })
        : new DariError("import:failed", { file: job.fileName, reason: String(e.message).slice(0, 500) }),
    ),
  );
  worker.on("exit", (code) => fail((job) => new DariError("import:failed", { file: job.fileName, reason: `the import stopped (exit code ${code})` })));
  return self;
}

/** Parses `bytes` (the file `fileName`, imported as `lang`) in the worker. Throws DariError naming the file. */
export function importInWorker(
  fileName: string,
  bytes: Uint8Array,
  lang: TextLang,
  options: LayoutOptions = {},
  runner: ImportRunnerOptions = {},
  watch: ImportWatch = {},
): Promise<ImportedFileText> {
  return run(fileName, bytes, { options, lang }, runner, watch) as Promise<ImportedFileText>;
}

/**
 * Checks a .dari file's bytes in the worker (strict UTF-8, then parseProject's
 * whole validation) and gives its text. Main's own heap and event loop stay out
 * of a large or hostile project. Throws DariError naming the file and the place.
 */
/** A .dari's title and translation progress, read in the worker (the start screen's recent projects). Throws DariError. */
export function summarizeProjectInWorker(path: string, bytes: Uint8Array, runner: ImportRunnerOptions = {}): Promise<{ title: string; percent: number }> {
  return run(path, bytes, { kind: "summary" }, runner) as Promise<{ title: string; percent: number }>;
}

export function checkProjectInWorker(path: string, bytes: Uint8Array, runner: ImportRunnerOptions = {}): Promise<string> {
  return run(path, bytes, { kind: "project" }, runner) as Promise<string>;
}

function run(fileName: string, bytes: Uint8Array, job: Record<string, unknown>, runner: ImportRunnerOptions, watch: ImportWatch = {}): Promise<unknown> {
  const file = runner.workerFile ?? defaultWorkerFile();
  const heapMb = runner.heapMb ?? IMPORT_HEAP_MB;
  const key = `${heapMb}:${file}`;
  let r = running.get(key);
  if (!r) running.set(key, (r = start(file, heapMb, key)));
  const id = nextId++;
  const { worker, jobs } = r;
  return new Promise((resolve, reject) => {
    jobs.set(id, { fileName, resolve, reject, large: bytes.length > LARGE_INPUT_BYTES, ...watch });
    // The window's Stop: the worker aborts the read, which answers import:cancelled.
    watch.signal?.addEventListener("abort", () => worker.postMessage({ cancel: id }), { once: true });
    worker.ref();
    // The bytes are handed over, not copied: main does not need them again.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ ...job, id, fileName, bytes: own }, [own.buffer as ArrayBuffer]);
  });
}
