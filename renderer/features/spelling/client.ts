// The renderer's side of the spelling worker: what the worker said of each
// word is remembered (a project repeats its words), so only words never seen
// are sent, and the decorations can be drawn at once from the answers.
import type { SpellingVariant } from "../../../app/display-prefs";
import type { SpellReply, SpellRequest } from "./protocol";

type Pending = { kind: Ask["kind"]; resolve(reply: SpellReply): void; reject(e: Error): void };
type Ask = { kind: "check"; words: string[] } | { kind: "suggest"; word: string } | { kind: "add"; words: string[] };

export class SpellClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** Each word the worker has judged: true when correct. */
  private readonly verdicts = new Map<string, boolean>();
  /** Set once the worker failed (it cannot start, or the dictionary cannot be read): spelling then stays off. */
  failed: string | null = null;
  /** Bumped when the dictionary changes: verdicts asked of the one before are not kept. */
  private generation = 0;

  constructor(private variant: SpellingVariant = "en-US") {}

  /**
   * Checks with another variant's dictionaries from now on: a new worker,
   * every verdict forgotten. What the old worker was still asked is answered
   * as if by nobody (no misspelling, no suggestion), so nothing waits on it.
   */
  setVariant(variant: SpellingVariant): void {
    if (variant === this.variant) return;
    this.variant = variant;
    this.generation++;
    this.verdicts.clear();
    this.worker?.terminate();
    this.worker = null;
    for (const [id, p] of this.pending) p.resolve(p.kind === "check" ? { id, wrong: [] } : p.kind === "suggest" ? { id, suggestions: [] } : { id, done: true });
    this.pending.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The worker reads its variant from its name (worker.ts).
    const w = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: this.variant });
    w.onmessage = (e: MessageEvent<SpellReply>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (!p) return;
      if ("error" in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data);
    };
    w.onerror = (e) => this.fail(e.message || "the spelling worker stopped");
    return (this.worker = w);
  }

  private fail(message: string): void {
    this.failed = message;
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private ask(req: Ask): Promise<SpellReply> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    let worker: Worker;
    try {
      worker = this.start();
    } catch (e) {
      // A worker refused outright (a stricter CSP, no Worker at all): spelling stays off, and says so once.
      this.fail(String(e));
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind: req.kind, resolve, reject });
      worker.postMessage({ id, ...req } as SpellRequest);
    });
  }

  /** The worker's word on a word, if it has been asked: true correct, false misspelled, undefined not yet known. */
  verdict(word: string): boolean | undefined {
    return this.verdicts.get(word);
  }

  /** Has the worker judge the words not judged yet (resolves when their verdicts are known). */
  async check(words: Iterable<string>): Promise<void> {
    const unknown = [...new Set(words)].filter((w) => !this.verdicts.has(w));
    if (!unknown.length) return;
    const generation = this.generation;
    const reply = await this.ask({ kind: "check", words: unknown });
    if (generation !== this.generation) return;
    const wrong = new Set("wrong" in reply ? reply.wrong : []);
    for (const w of unknown) this.verdicts.set(w, !wrong.has(w));
  }

  async suggest(word: string): Promise<string[]> {
    const reply = await this.ask({ kind: "suggest", word });
    return "suggestions" in reply ? reply.suggestions : [];
  }

  /** Teaches the worker the analyst's words, so that suggestions offer them too. */
  async learn(words: readonly string[]): Promise<void> {
    if (!words.length) return;
    await this.ask({ kind: "add", words: [...words] });
  }
}
