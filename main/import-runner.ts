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

type Reply = { id: number; ok: true; value: ImportedFileText } | { id: number; ok: false; error: { key: string; params: Record<string, string | number> } };

interface Job {
  fileName: string;
  resolve(v: ImportedFileText): void;
  reject(e: DariError): void;
}

interface Running {
  worker: Worker;
  jobs: Map<number, Job>;
}

const running = new Map<string, Running>();
let nextId = 1;

function defaultWorkerFile(): string {
  return fileURLToPath(new URL("./import-worker.ts", import.meta.url));
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
    self.jobs.delete(m.id);
    if (self.jobs.size === 0) worker.unref();
    if (m.ok) job.resolve(m.value);
    else job.reject(new DariError(m.error.key, m.error.params));
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
export function importInWorker(fileName: string, bytes: Uint8Array, lang: TextLang, options: LayoutOptions = {}, runner: ImportRunnerOptions = {}): Promise<ImportedFileText> {
  const file = runner.workerFile ?? defaultWorkerFile();
  const heapMb = runner.heapMb ?? IMPORT_HEAP_MB;
  const key = `${heapMb}:${file}`;
  let r = running.get(key);
  if (!r) running.set(key, (r = start(file, heapMb, key)));
  const id = nextId++;
  const { worker, jobs } = r;
  return new Promise((resolve, reject) => {
    jobs.set(id, { fileName, resolve, reject });
    worker.ref();
    // The bytes are handed over, not copied: main does not need them again.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ id, fileName, bytes: own, options, lang }, [own.buffer as ArrayBuffer]);
  });
}
