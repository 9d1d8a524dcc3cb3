// The toolbar's icons: Lucide's SVG files (lucide-static, ISC licence),
// bundled as text by vite so that nothing is fetched at run time.

import arrowDownToLine from "lucide-static/icons/arrow-down-to-line.svg?raw";
import arrowLeftRight from "lucide-static/icons/arrow-left-right.svg?raw";
import arrowRightLeft from "lucide-static/icons/arrow-right-left.svg?raw";
import arrowUpToLine from "lucide-static/icons/arrow-up-to-line.svg?raw";
import bookA from "lucide-static/icons/book-a.svg?raw";
import bookOpen from "lucide-static/icons/book-open.svg?raw";
import bookText from "lucide-static/icons/book-text.svg?raw";
import check from "lucide-static/icons/check.svg?raw";
import checkCheck from "lucide-static/icons/check-check.svg?raw";
import circleCheck from "lucide-static/icons/circle-check.svg?raw";
import command from "lucide-static/icons/command.svg?raw";
import database from "lucide-static/icons/database.svg?raw";
import ellipsis from "lucide-static/icons/ellipsis.svg?raw";
import fileInput from "lucide-static/icons/file-input.svg?raw";
import gitMergeConflict from "lucide-static/icons/git-merge-conflict.svg?raw";
import fileOutput from "lucide-static/icons/file-output.svg?raw";
import filePlus from "lucide-static/icons/file-plus.svg?raw";
import folderOpen from "lucide-static/icons/folder-open.svg?raw";
import languages from "lucide-static/icons/languages.svg?raw";
import listPlus from "lucide-static/icons/list-plus.svg?raw";
import merge from "lucide-static/icons/merge.svg?raw";
import moon from "lucide-static/icons/moon.svg?raw";
import redo2 from "lucide-static/icons/redo-2.svg?raw";
import refreshCw from "lucide-static/icons/refresh-cw.svg?raw";
import save from "lucide-static/icons/save.svg?raw";
import search from "lucide-static/icons/search.svg?raw";
import settings from "lucide-static/icons/settings.svg?raw";
import shieldCheck from "lucide-static/icons/shield-check.svg?raw";
import skipForward from "lucide-static/icons/skip-forward.svg?raw";
import sparkles from "lucide-static/icons/sparkles.svg?raw";
import split from "lucide-static/icons/split.svg?raw";
import stickyNote from "lucide-static/icons/sticky-note.svg?raw";
import tags from "lucide-static/icons/tags.svg?raw";
import triangleAlert from "lucide-static/icons/triangle-alert.svg?raw";
import undo2 from "lucide-static/icons/undo-2.svg?raw";

/** Command id -> SVG markup. */
export const ICONS: Record<string, string> = {
  "new": filePlus,
  "open": folderOpen,
  "save": save,
  "import": fileInput,
  "export": fileOutput,
  "undo": undo2,
  "redo": redo2,
  "align-merge": merge,
  "align-split": split,
  "align-moveUp": arrowUpToLine,
  "align-moveDown": arrowDownToLine,
  "align-insert": listPlus,
  "align-confirm": check,
  "align-confirmAbove": checkCheck,
  "align-nextUnconfirmed": skipForward,
  "align-nextLow": triangleAlert,
  "align-realign": refreshCw,
  "themes-suggestions": sparkles,
  "themes-copy-ko-en": arrowRightLeft,
  "themes-copy-en-ko": arrowLeftRight,
  "themes-memo": stickyNote,
  "translate-mark-translated": circleCheck,
  "translate-glossary-insert": bookA,
  "translate-romanize": languages,
  "find": search,
  "panel:themes": tags,
  "panel:codebook": bookOpen,
  "panel:translate": database,
  "panel:glossary": bookText,
  "panel:qa": shieldCheck,
  "panel:conflicts": gitMergeConflict,
  "more": ellipsis,
  "palette": command,
  "preferences": settings,
  "theme:toggle": moon,
};

/** The icon of a command as an element (decorative: the button carries the name). */
export function iconElement(id: string): Element | null {
  const svg = ICONS[id];
  if (!svg) return null;
  const host = document.createElement("span");
  host.className = "dari-icon";
  host.setAttribute("aria-hidden", "true");
  // The markup is our own bundled file, not user data.
  host.innerHTML = svg.replace(/<!--[\s\S]*?-->/, "");
  host.querySelector("svg")?.setAttribute("focusable", "false");
  return host;
}
