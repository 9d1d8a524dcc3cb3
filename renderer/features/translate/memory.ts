// The translation memory the desk looks in: the open project's segments
// (rebuilt shortly after edits, off the typing path) and the user memory
// (other projects, imported TMX files). The open project is also saved to
// the user memory, so that the next project finds it; the bundled sample only
// when the analyst adds it (app/document/sample.ts). Lookups show each
// translation once, with all the sources that hold it (app/translate/tm-merge.ts).
import type { EditorState } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { TranslationMemory, unitsFromDoc, type TmUnit } from "../../../app/translate/tm";
import { mergeConcordance, mergeMatches, type MergedHit, type MergedMatch } from "../../../app/translate/tm-merge";
import { isBundledSample } from "../../../app/document/sample";
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
/** Candidates asked of each memory per match shown: the same translation may come from several sources and is shown once. */
const MERGE_SPARE = 4;

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

  /**
   * Whether the open project stays out of the user memory until the analyst
   * adds it: the bundled sample, not yet added (in this window or before).
   */
  heldBack(state: EditorState): boolean {
    if (!isBundledSample(projectData(state).meta)) return false;
    const key = projectKey(state);
    return !this.records.some((r) => r.key === key && r.added);
  }

  /** "Add this project to the memory": the analyst's choice, kept with the record. Returns the units added. */
  async addProject(state: EditorState): Promise<number> {
    const units = unitsFromDoc(state.doc, projectData(state).meta.title || "");
    const record = this.store(state, units, true);
    if (record) await saveMemory(record);
    this.onChange();
    return record?.units.length ?? 0;
  }

  /** The project's translated units as its record in the user memory (the sample only when `add` or added before). */
  private store(state: EditorState, units: TmUnit[], add = false): MemoryRecord | null {
    if (!add && this.heldBack(state)) return null;
    const record: MemoryRecord = { key: projectKey(state), origin: projectData(state).meta.title || projectKey(state), units: units.filter((u) => u.ko.trim() && u.en.trim()).map(({ ko, en }) => ({ ko, en })) };
    if (add || this.records.some((r) => r.key === record.key && r.added)) record.added = true;
    if (!record.units.length) return null;
    // Kept here too, so that a project opened later in this window finds it.
    this.records = [...this.records.filter((r) => r.key !== record.key), record];
    this.learn(record);
    if (!add) void saveMemory(record);
    return record;
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

  /** The best matches for a segment, the segment itself left out, each translation once with its sources; origin "" is the open project. */
  lookup(ko: string, segmentId: string, limit = 5): MergedMatch[] {
    const mine = this.project.lookup(ko, { limit: limit * MERGE_SPARE, exclude: (u) => u.segmentId === segmentId });
    const others = this.other.lookup(ko, { limit: limit * MERGE_SPARE });
    return mergeMatches([...mine, ...others], limit);
  }

  concordance(phrase: string, limit = 30): MergedHit[] {
    return mergeConcordance([...this.project.concordance(phrase, limit * MERGE_SPARE), ...this.other.concordance(phrase, limit * MERGE_SPARE)], limit);
  }
}

const memories = new WeakMap<object, DeskMemory>();

/** One memory per app window. */
export function deskMemory(owner: object): DeskMemory {
  let m = memories.get(owner);
  if (!m) memories.set(owner, (m = new DeskMemory()));
  return m;
}
