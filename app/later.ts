// When a plugin's background work (decorating a large document in batches)
// runs: one batch a task. The window runs each batch after the next frame is
// drawn (renderer/after-frame.ts), so a project that has just opened is shown
// before it is decorated further; without a window (tests), on a timer.
export type Later = (run: () => void) => () => void;

/** Runs `run` in a task of its own; returns what cancels it. */
export const nextTask: Later = (run) => {
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
};
