// Long work on the UI thread (reflowing or aligning a book-length import):
// a generator does the work in steps and yields its progress; this runs it in
// slices of about `sliceMs`, giving the event loop a turn between slices so
// the window keeps painting and answering, and reports progress (0..1, never
// going backwards).
export async function runInSlices<T>(steps: Generator<number, T>, onProgress?: (fraction: number) => void, sliceMs = 12): Promise<T> {
  let sliceStart = Date.now();
  let shown = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) {
      onProgress?.(1);
      return r.value;
    }
    if (Date.now() - sliceStart >= sliceMs) {
      shown = Math.max(shown, r.value);
      onProgress?.(shown);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }
}
