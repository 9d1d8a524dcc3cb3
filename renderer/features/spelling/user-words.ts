// The analyst's own spelling words ("Add to dictionary"), kept in the
// renderer's storage beside the user glossary and the learned lexicon
// (translate/user-data.ts): like them they belong to the analyst, not to a
// project, and Electron keeps that storage in the user-data folder. Main's
// settings.json is for the window's preferences; a word list that grows with
// every commentary would make each preference change rewrite it.
import { KnownWords, normalizeWord, readPersonalWords } from "../../../app/text/spelling";
import { loadStoredList } from "../../stored";

const WORDS_KEY = "dari.spellingWords";

export function loadPersonalWords(): string[] {
  return loadStoredList(WORDS_KEY, readPersonalWords);
}

/** Adds a word to the personal dictionary; false when it could not be kept (storage full or refused). */
export function addPersonalWord(word: string): boolean {
  const words = loadPersonalWords();
  const w = normalizeWord(word);
  if (!words.includes(w)) words.push(w);
  try {
    localStorage.setItem(WORDS_KEY, JSON.stringify(readPersonalWords(words)));
    return true;
  } catch {
    return false;
  }
}

/** The personal dictionary and the words ignored in this session. */
export class UserWords {
  personal = new KnownWords(loadPersonalWords());
  readonly ignored = new KnownWords();

  has(word: string): boolean {
    return this.personal.has(word) || this.ignored.has(word);
  }

  add(word: string): boolean {
    const kept = addPersonalWord(word);
    this.personal.add(word);
    return kept;
  }

  ignore(word: string): void {
    this.ignored.add(word);
  }
}
