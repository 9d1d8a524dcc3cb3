// Autosave's idle scheduler: a snapshot is written a few seconds after the
// last edit, never while the analyst is still typing, and writes never
// overlap. Pure (timers are injectable), so the renderer uses it and Node
// tests drive it with a fake clock; main/files.ts writes the recovery copy.
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface AutosaveOptions<T> {
  /** Idle time after the last edit before the copy is written. */
  delayMs?: number;
  write: (snapshot: T) => void | Promise<void>;
  /** Called when a write fails; autosave keeps running. */
  onError?: (error: unknown) => void;
  timers?: Timers;
}

export interface Autosave<T> {
  /** An edit happened: remember the snapshot and restart the idle timer. */
  touch(snapshot: T): void;
  /** Writes the pending snapshot now (if any) and waits for every write to finish. */
  flush(): Promise<void>;
  /** Forgets the pending snapshot (e.g. after a real save). */
  cancel(): void;
  /** Whether a snapshot waits to be written. */
  readonly pending: boolean;
}

/**
 * Idle debounce: the snapshot is written `delayMs` after the last touch.
 * Writes never overlap; a touch during a write is written after it.
 */
export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const { delayMs = 3000, write, onError = () => {}, timers = realTimers } = options;
  let timer: unknown = null;
  let pending: { snapshot: T } | null = null;
  let running: Promise<void> = Promise.resolve();

  const stopTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const writeNow = (): Promise<void> => {
    stopTimer();
    const job = pending;
    pending = null;
    if (!job) return running;
    running = running.then(async () => {
      try {
        await write(job.snapshot);
      } catch (e) {
        onError(e);
      }
    });
    return running;
  };

  return {
    touch(snapshot) {
      pending = { snapshot };
      stopTimer();
      timer = timers.setTimeout(() => {
        timer = null;
        void writeNow();
      }, delayMs);
    },
    flush: () => writeNow(),
    cancel() {
      stopTimer();
      pending = null;
    },
    get pending() {
      return pending !== null;
    },
  };
}
