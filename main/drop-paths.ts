// The paths of the files in a drop, as the preload resolves them
// (main/preload.ts passes Electron's webUtils.getPathForFile). Kept apart from
// the preload so a Node test reaches it: only a drop the user really made
// counts (a page script can dispatch a drop event, never a trusted one), and
// a File the page built itself has no path.

/** The part of a DragEvent this looks at. */
export interface DropEventLike {
  isTrusted: boolean;
  dataTransfer: { files: ArrayLike<unknown> } | null;
}

/** The paths of the dropped files; null when the event is not a user's drop of files. */
export function droppedPaths(event: DropEventLike, pathOf: (file: unknown) => string): string[] | null {
  if (!event.isTrusted) return null;
  const files = event.dataTransfer?.files;
  if (!files || files.length === 0) return null;
  const paths: string[] = [];
  for (let i = 0; i < files.length; i++) {
    let path = "";
    try {
      path = pathOf(files[i]);
    } catch {
      // Not a file backed by the disk (dragged out of another program): nothing to open.
    }
    if (path) paths.push(path);
  }
  return paths.length ? paths : null;
}
