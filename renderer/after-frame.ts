// Background batches run after the next frame is drawn: the first frame of a
// project that has just opened shows it, and typing meanwhile gets its frames.
import type { Later } from "../app/later";

export const afterNextFrame: Later = (run) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
