// The spelling worker: nspell with the English (US) Hunspell dictionary of
// the dictionary-en package, bundled with the renderer as text (the window's
// CSP allows no fetching, and the app is offline). Reading the dictionary
// takes about 250 ms and suggestions 10–40 ms a word: in a worker, neither
// ever holds up typing.
import nspell from "nspell";
// The package's own entry reads the files with node:fs, and its "exports"
// hides them from a bare import: the renderer takes the files by their path.
import aff from "../../../node_modules/dictionary-en/index.aff?raw";
import dic from "../../../node_modules/dictionary-en/index.dic?raw";
import type { SpellReply, SpellRequest } from "./protocol";

let spell: ReturnType<typeof nspell> | null = null;
const checker = () => (spell ??= nspell(aff, dic));

function answer(req: SpellRequest): SpellReply {
  const s = checker();
  if (req.kind === "check") return { id: req.id, wrong: req.words.filter((w) => !s.correct(w)) };
  if (req.kind === "suggest") return { id: req.id, suggestions: s.suggest(req.word).slice(0, 6) };
  for (const w of req.words) s.add(w);
  return { id: req.id, done: true };
}

// The DOM library types `self` as a window; this is a worker's scope.
const scope = self as unknown as { onmessage: ((e: MessageEvent<SpellRequest>) => void) | null; postMessage(reply: SpellReply): void };

scope.onmessage = (e) => {
  let reply: SpellReply;
  try {
    reply = answer(e.data);
  } catch (err) {
    reply = { id: e.data.id, error: String(err) };
  }
  scope.postMessage(reply);
};
