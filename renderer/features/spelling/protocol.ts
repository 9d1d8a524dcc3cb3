// The messages between the renderer and the spelling worker (worker.ts).
/** To the worker: check words, suggest for one, or learn the personal words. */
export type SpellRequest =
  | { id: number; kind: "check"; words: string[] }
  | { id: number; kind: "suggest"; word: string }
  | { id: number; kind: "add"; words: string[] };

/** From the worker: the misspelled words of a check, the suggestions, or an error (the dictionary could not be read). */
export type SpellReply = { id: number; wrong: string[] } | { id: number; suggestions: string[] } | { id: number; done: true } | { id: number; error: string };
