// The spelling worker: nspell with the Hunspell dictionaries of the
// dictionary-en (American) and dictionary-en-gb (British) packages, bundled
// with the renderer as text (the window's CSP allows no fetching, and the
// app is offline). The variant comes as the worker's name (SpellClient);
// only its dictionaries are loaded. Reading a dictionary takes about 250 ms
// and suggestions 10–40 ms a word: in a worker, neither ever holds up typing.
import nspell from "nspell";
import type { SpellingVariant } from "../../../app/display-prefs";
import type { SpellReply, SpellRequest } from "./protocol";

type Checker = ReturnType<typeof nspell>;

// The packages' own entries read the files with node:fs, and their "exports"
// hide them from a bare import: the renderer takes the files by their path.
const american = async (): Promise<Checker> => {
  const [aff, dic] = await Promise.all([import("../../../node_modules/dictionary-en/index.aff?raw"), import("../../../node_modules/dictionary-en/index.dic?raw")]);
  return nspell(aff.default, dic.default);
};
const british = async (): Promise<Checker> => {
  const [aff, dic] = await Promise.all([import("../../../node_modules/dictionary-en-gb/index.aff?raw"), import("../../../node_modules/dictionary-en-gb/index.dic?raw")]);
  return nspell(aff.default, dic.default);
};

/** The -ize endings Oxford spelling keeps where the British dictionary has -ise (organize, organization). */
const IZE = /iz(e|es|ed|ing|er|ers|ation|ations|able)$/;
const ISE = /is(e|es|ed|ing|er|ers|ation|ations|able)$/;

interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  add(word: string): void;
}

/**
 * Oxford spelling (en-GB-oxendict): British, but -ize where the word comes
 * from Greek -izo. A word is right when the British dictionary knows it, or
 * when it is the -ize form of a British -ise word that the American
 * dictionary knows with -ize too (so "advize" stays wrong: no American -ize).
 */
function oxford(gb: Checker, us: Checker): Speller {
  const ize = (w: string) => w.replace(ISE, "iz$1");
  return {
    correct: (w) => gb.correct(w) || (IZE.test(w) && us.correct(w) && gb.correct(w.replace(IZE, "is$1"))),
    suggest: (w) => [...new Set(gb.suggest(w).map((s) => (ISE.test(s) && us.correct(ize(s)) ? ize(s) : s)))],
    add: (w) => gb.add(w),
  };
}

async function load(variant: SpellingVariant): Promise<Speller> {
  if (variant === "en-GB") return british();
  if (variant === "en-GB-oxendict") {
    const [gb, us] = await Promise.all([british(), american()]);
    return oxford(gb, us);
  }
  return american();
}

// The DOM library types `self` as a window; this is a worker's scope.
const scope = self as unknown as { name?: string; onmessage: ((e: MessageEvent<SpellRequest>) => void) | null; postMessage(reply: SpellReply): void };
const variant: SpellingVariant = scope.name === "en-GB" || scope.name === "en-GB-oxendict" ? scope.name : "en-US";
let speller: Promise<Speller> | null = null;

/** Where American and British spelling differ (color/colour, center/centre, signaling/signalling, defense/defence, catalog/catalogue). */
const VARIANT_PAIRS: [string, string][] = [["or", "our"], ["ize", "ise"], ["iza", "isa"], ["yze", "yse"], ["er", "re"], ["l", "ll"], ["ense", "ence"], ["og", "ogue"]];

/**
 * The word as the other variant spells it, where this dictionary knows
 * that spelling: the suggestion an analyst wants first ("color" in a British
 * text is "colour", which the dictionary's own ranking puts after "colon").
 */
function otherSpellings(word: string, s: Speller): string[] {
  const out: string[] = [];
  for (const [a, b] of VARIANT_PAIRS) {
    for (const [from, to] of [[a, b], [b, a]]) {
      for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
        const c = word.slice(0, i) + to + word.slice(i + from.length);
        if (!out.includes(c) && s.correct(c)) out.push(c);
      }
    }
  }
  return out;
}

async function answer(req: SpellRequest): Promise<SpellReply> {
  const s = await (speller ??= load(variant));
  if (req.kind === "check") return { id: req.id, wrong: req.words.filter((w) => !s.correct(w)) };
  if (req.kind === "suggest") return { id: req.id, suggestions: [...new Set([...otherSpellings(req.word, s), ...s.suggest(req.word)])].slice(0, 6) };
  for (const w of req.words) s.add(w);
  return { id: req.id, done: true };
}

scope.onmessage = (e) => {
  answer(e.data).then(
    (reply) => scope.postMessage(reply),
    (err) => scope.postMessage({ id: e.data.id, error: String(err) }),
  );
};
