// The files main has obtained itself: chosen in a dialog it showed, given on
// the command line or by the OS (second-instance, open-file), or opened at
// start. A path the renderer sends is acted on only when it is one of these
// (or in main's own recent-files list): a compromised page cannot make main
// read or overwrite a file the user never chose.
import { resolve } from "node:path";

export interface PathGrants {
  /** Main obtained this path itself (a dialog, argv, the OS). */
  grant(path: string): void;
  has(path: string): boolean;
}

export function createPathGrants(): PathGrants {
  const granted = new Set<string>();
  return {
    grant: (path) => void granted.add(resolve(path)),
    has: (path) => granted.has(resolve(path)),
  };
}
