// The translation memory the desk looks in: the open project's segments
// (rebuilt shortly after edits, off the typing path) and the user memory
// (other projects, imported TMX files). The open project is also saved to
// the user memory, so that the next project finds it.
import type { EditorState } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { TranslationMemory, unitsFromDoc, type TmMatch, type TmUnit, type ConcordanceHit } from "../../../app/translate/tm";
import { projectData } from "../../../app/project-state";
import { loadMemory, saveMemory, recordUnits, saveLearnedLexicon, type MemoryRecord } from "./user-data";
import { LexiconLearner } from "../../../app/align/learn";

const REBUILD_IDLE_MS = 1200;
/** The pause in typing after which the open project's record in the user memory is brought up to date (a book takes ~0.1 s). */
const REMEMBER_IDLE_MS = 5000;
/** The pause after a change of the user memory before its learned word pairs are stored. */
const LEARN_IDLE_MS = 2000;
/** Units of one record counted into the learned lexicon: enough to learn from, bounded so a huge TMX never freezes the window. */
const LEARN_UNITS = 3000;

export function projectKey(state: EditorState): string {
  const meta = projectData(state).meta;
  return `project:${meta.created}:${meta.title}`;
}

export class DeskMemory {
  private records: MemoryRecord[] = [];
  private other = new TranslationMemory();
  private otherFor = "";
  private project = new TranslationMemory();
  private projectDoc: PMNode | null = null;
  /** The key of the project `project` was built from. */
  private projectFor = "";
  /** The state a pending rebuild will use. */
  private pending: EditorState | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The state whose record waits for a pause in typing (remember). */
  private toRemember: EditorState | null = null;
  private rememberTimer: ReturnType<typeof setTimeout> | null = null;
  readonly ready: Promise<void>;
  /** Called when a rebuild may have changed the matches. */
  onChange: () => void = () => {};
  /** Word pairs learned from the records (issue 14), and the units each record was counted with. */
  private learner = new LexiconLearner();
  private learnedUnits = new Map<string, MemoryRecord["units"]>();
  private learnTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.ready = loadMemory().then((r) => {
      // What was remembered while the store was being read is newer than what it holds.
      this.records = [...r.filter((x) => !this.records.some((y) => y.key === x.key)), ...this.records];
      for (const x of this.records) this.learn(x);
      this.otherFor = "";
      this.onChange();
    });
  }

  get size(): number {
    return this.project.size + this.other.size;
  }

  /** Brings the memory up to date with a state: at once the first time, after a pause later. */
  sync(state: EditorState): void {
    const key = projectKey(state);
    // Another project is open: the last one's pending edits go to the user memory first.
    if (this.toRemember && projectKey(this.toRemember) !== key) this.flushRemembered();
    if (this.pending && projectKey(this.pending) !== key) this.rebuild(this.pending);
    if (key !== this.otherFor) {
      this.other = new TranslationMemory();
      for (const r of this.records) if (r.key !== key) this.other.add(recordUnits(r));
      this.otherFor = key;
    }
    if (state.doc === this.projectDoc) return;
    // At once the first time and for another project: the last project's segments are not this one's.
    if (!this.projectDoc || key !== this.projectFor) return this.rebuild(state);
    if (this.timer) clearTimeout(this.timer);
    this.pending = state;
    this.timer = setTimeout(() => this.rebuild(state), REBUILD_IDLE_MS);
  }

  /**
   * Keeps the open project's record in the user memory up to date after a
   * pause in typing, for the projects opened next. Unlike sync, it leaves the
   * lookup memory alone: nobody may be looking, and rebuilding it for a book
   * would cost as much again.
   */
  remember(state: EditorState): void {
    if (this.rememberTimer) clearTimeout(this.rememberTimer);
    this.toRemember = state;
    this.rememberTimer = setTimeout(() => this.flushRemembered(), REMEMBER_IDLE_MS);
  }

  private flushRemembered(): void {
    if (this.rememberTimer) clearTimeout(this.rememberTimer);
    this.rememberTimer = null;
    const state = this.toRemember;
    this.toRemember = null;
    if (state) this.store(state, unitsFromDoc(state.doc, projectData(state).meta.title || ""));
  }

  private rebuild(state: EditorState): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    const units = unitsFromDoc(state.doc, projectData(state).meta.title || "");
    this.project = new TranslationMemory();
    this.project.add(units.map((u) => ({ ...u, origin: "" })));
    this.projectDoc = state.doc;
    this.projectFor = projectKey(state);
    this.store(state, units);
    this.onChange();
  }

  /** The project's translated units as its record in the user memory. */
  private store(state: EditorState, units: TmUnit[]): void {
    const record: MemoryRecord = { key: projectKey(state), origin: projectData(state).meta.title || projectKey(state), units: units.filter((u) => u.ko.trim() && u.en.trim()).map(({ ko, en }) => ({ ko, en })) };
    if (!record.units.length) return;
    // Kept here too, so that a project opened later in this window finds it.
    this.records = [...this.records.filter((r) => r.key !== record.key), record];
    this.learn(record);
    void saveMemory(record);
  }

  /**
   * Counts a record's units into the learned lexicon, in place of what it
   * held before, and stores the learned pairs after a pause: the aligner of
   * the next import or re-alignment finds them beside the user glossary.
   */
  private learn(record: MemoryRecord): void {
    const before = this.learnedUnits.get(record.key);
    const units = record.units.slice(0, LEARN_UNITS);
    if (before) this.learner.add(before, -1);
    this.learner.add(units);
    this.learnedUnits.set(record.key, units);
    if (this.learnTimer) clearTimeout(this.learnTimer);
    this.learnTimer = setTimeout(() => saveLearnedLexicon(this.learner.pairs()), LEARN_IDLE_MS);
  }

  /** Adds an imported TMX file to the user memory. */
  async addFile(origin: string, units: TmUnit[]): Promise<void> {
    const record: MemoryRecord = { key: `tmx:${origin}`, origin, units: units.map(({ ko, en }) => ({ ko, en })) };
    this.records = [...this.records.filter((r) => r.key !== record.key), record];
    this.learn(record);
    this.otherFor = "";
    await saveMemory(record);
    this.onChange();
  }

  /** The best matches for a segment, the segment itself left out; origin "" is the open project. */
  lookup(ko: string, segmentId: string, limit = 5): TmMatch[] {
    const mine = this.project.lookup(ko, { limit, exclude: (u) => u.segmentId === segmentId });
    const others = this.other.lookup(ko, { limit });
    return [...mine, ...others].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  concordance(phrase: string, limit = 30): ConcordanceHit[] {
    return [...this.project.concordance(phrase, limit), ...this.other.concordance(phrase, limit)].slice(0, limit);
  }
}

const memories = new WeakMap<object, DeskMemory>();

/** One memory per app window. */
export function deskMemory(owner: object): DeskMemory {
  let m = memories.get(owner);
  if (!m) memories.set(owner, (m = new DeskMemory()));
  return m;
}
