// American, British and Oxford English spelling over Hunspell checkers
// (issue 15 req. 8; the renderer's worker loads the dictionaries). Pure: a
// checker is anything that says whether a word is right and suggests others.

/** What the spelling worker asks of a dictionary (nspell's surface). */
export interface WordChecker {
  correct(word: string): boolean;
  suggest(word: string): string[];
  add(word: string): void;
}

/** The -ize endings Oxford spelling keeps where the British dictionary has -ise (organize, organization). */
const IZE = /iz(e|es|ed|ing|er|ers|ation|ations|able)$/;
const ISE = /is(e|es|ed|ing|er|ers|ation|ations|able)$/;

/**
 * Oxford spelling (en-GB-oxendict): British, but -ize where the word comes
 * from Greek -izo. A word is right when the British dictionary knows it, or
 * when it is the -ize form of a British -ise word that the American
 * dictionary knows with -ize too (so "advize" stays wrong: no American -ize).
 */
export function oxfordChecker(gb: WordChecker, us: WordChecker): WordChecker {
  const ize = (w: string) => w.replace(ISE, "iz$1");
  return {
    correct: (w) => gb.correct(w) || (IZE.test(w) && us.correct(w) && gb.correct(w.replace(IZE, "is$1"))),
    suggest: (w) => [...new Set(gb.suggest(w).map((s) => (ISE.test(s) && us.correct(ize(s)) ? ize(s) : s)))],
    add: (w) => gb.add(w),
  };
}

/** Where American and British spelling differ (color/colour, center/centre, signaling/signalling, defense/defence, catalog/catalogue). */
const VARIANT_PAIRS: [string, string][] = [["or", "our"], ["ize", "ise"], ["iza", "isa"], ["yze", "yse"], ["er", "re"], ["l", "ll"], ["ense", "ence"], ["og", "ogue"]];

/**
 * The word as the other variant spells it, where the checker knows that
 * spelling: the suggestion an analyst wants first ("color" in a British text
 * is "colour", which nspell's own ranking puts after "colon").
 */
export function otherSpellings(word: string, checker: Pick<WordChecker, "correct">): string[] {
  const out: string[] = [];
  for (const [a, b] of VARIANT_PAIRS) {
    for (const [from, to] of [[a, b], [b, a]]) {
      for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
        const c = word.slice(0, i) + to + word.slice(i + from.length);
        if (!out.includes(c) && checker.correct(c)) out.push(c);
      }
    }
  }
  return out;
}

/** Suggestions for a word: its spelling in the checker's variant first, then the dictionary's, six at most. */
export function suggestions(word: string, checker: WordChecker): string[] {
  return [...new Set([...otherSpellings(word, checker), ...checker.suggest(word)])].slice(0, 6);
}
