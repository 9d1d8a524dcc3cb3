// The spelling worker: nspell with the Hunspell dictionaries of the
// dictionary-en (American) and dictionary-en-gb (British) packages, bundled
// with the renderer as text (the window's CSP allows no fetching, and the
// app is offline). The variant comes as the worker's name (SpellClient);
// only its dictionaries are loaded. Reading a dictionary takes about 250 ms
// and suggestions 10–40 ms a word: in a worker, neither ever holds up typing.
import nspell from "nspell";
import type { SpellingVariant } from "../../../app/display-prefs";
import { oxfordChecker, suggestions, type WordChecker } from "../../../app/text/spelling-variants";
import type { SpellReply, SpellRequest } from "./protocol";

// The packages' own entries read the files with node:fs, and their "exports"
// hide them from a bare import: the renderer takes the files by their path.
const american = async (): Promise<WordChecker> => {
  const [aff, dic] = await Promise.all([import("../../../node_modules/dictionary-en/index.aff?raw"), import("../../../node_modules/dictionary-en/index.dic?raw")]);
  return nspell(aff.default, dic.default);
};
const british = async (): Promise<WordChecker> => {
  const [aff, dic] = await Promise.all([import("../../../node_modules/dictionary-en-gb/index.aff?raw"), import("../../../node_modules/dictionary-en-gb/index.dic?raw")]);
  return nspell(aff.default, dic.default);
};

async function load(variant: SpellingVariant): Promise<WordChecker> {
  if (variant === "en-GB") return british();
  if (variant === "en-GB-oxendict") {
    const [gb, us] = await Promise.all([british(), american()]);
    return oxfordChecker(gb, us);
  }
  return american();
}

// The DOM library types `self` as a window; this is a worker's scope.
const scope = self as unknown as { name?: string; onmessage: ((e: MessageEvent<SpellRequest>) => void) | null; postMessage(reply: SpellReply): void };
const variant: SpellingVariant = scope.name === "en-GB" || scope.name === "en-GB-oxendict" ? scope.name : "en-US";
let speller: Promise<WordChecker> | null = null;

async function answer(req: SpellRequest): Promise<SpellReply> {
  const s = await (speller ??= load(variant));
  if (req.kind === "check") return { id: req.id, wrong: req.words.filter((w) => !s.correct(w)) };
  if (req.kind === "suggest") return { id: req.id, suggestions: suggestions(req.word, s) };
  for (const w of req.words) s.add(w);
  return { id: req.id, done: true };
}

scope.onmessage = (e) => {
  answer(e.data).then(
    (reply) => scope.postMessage(reply),
    (err) => scope.postMessage({ id: e.data.id, error: String(err) }),
  );
};
