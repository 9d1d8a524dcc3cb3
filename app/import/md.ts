// Paragraph text of a Markdown file: headings, paragraphs, list items and
// quotes each give one paragraph, soft-wrapped lines are joined, and the
// markup (emphasis, code spans, links, images, HTML tags) is dropped while its
// text is kept. Code blocks, tables' rule rows, link definitions and
// horizontal rules are not prose and are left out.
import { decodeEntities } from "./html";

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+[ \t]*)?$/;
const SETEXT_RULE = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const LINK_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Inline Markdown to plain text. */
export function inlineText(md: string): string {
  let s = md;
  // Images go (their alt text is not prose of the commentary); links keep their text.
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, "");
  s = s.replace(/!\[[^\]]*\]\[[^\]]*\]/g, "");
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1");
  s = s.replace(/<(https?:[^>\s]+)>/g, "$1");
  // Code spans keep their content verbatim.
  s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _t: string, code: string) => code.trim());
  s = s.replace(/<\/?[a-zA-Z][^>]*>/g, "");
  // Emphasis: only paired markers around text; a lone `*` or `_` stays (`강윤희_ 국민대`).
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2");
  s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, "$1$2");
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
  // Backslash escapes.
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, "$1");
  return decodeEntities(s);
}

/** The paragraphs of a Markdown document, in order. */
export function markdownParagraphs(md: string): string[] {
  // HTML comments are not text; a multi-line one keeps its line breaks so paragraphs stay apart.
  const uncommented = md.replace(/^\ufeff/, "").replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ""));
  const lines = uncommented.split(/\r\n|\r|\n/);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    const p = inlineText(current.join(" ")).replace(/[\s\u00a0\u3000]+/g, " ").trim();
    if (p) paragraphs.push(p);
    current = [];
  };
  for (const raw of lines) {
    if (fence) {
      if (raw.trim().startsWith(fence)) fence = null;
      continue;
    }
    const f = FENCE.exec(raw);
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    if (!raw.trim()) {
      flush();
      continue;
    }
    // `Title` underlined with === or --- is a heading.
    if (current.length === 1 && SETEXT_RULE.test(raw) && !LIST_ITEM.test(current[0])) {
      flush();
      continue;
    }
    if (RULE.test(raw) || LINK_DEF.test(raw) || TABLE_RULE.test(raw)) {
      flush();
      continue;
    }
    // Indented code (four spaces) only where it cannot continue a paragraph.
    if (!current.length && /^( {4}|\t)/.test(raw)) continue;
    let line = raw;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      current.push(h[2]);
      flush();
      continue;
    }
    let quoted = false;
    while (QUOTE.test(line)) {
      line = line.replace(QUOTE, "");
      quoted = true;
    }
    if (quoted && !line.trim()) {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      line = line.replace(LIST_ITEM, "");
    }
    // Table rows: the cells' text, one row a paragraph.
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      current.push(line.trim().slice(1, -1).split("|").map((c) => c.trim()).filter(Boolean).join(" "));
      flush();
      continue;
    }
    // A hard break (two trailing spaces or a backslash) is still inside the paragraph.
    current.push(line.replace(/\\$/, "").trim());
  }
  flush();
  return paragraphs;
}
