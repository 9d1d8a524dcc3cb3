// Paragraph text of an HTML file: headings, paragraphs, list items, quotes,
// table cells and other blocks each give one paragraph; inline markup is
// dropped, entities are decoded, white space collapses as a browser would.
// A small tag-aware scanner (app/ has no DOM): HTML exported from word
// processors and news sites is rarely well-formed XML, so an XML parser would
// refuse much of it.

// Elements whose start and end close the current paragraph.
const BLOCK = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "header", "footer",
  "main", "aside", "nav", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
  "caption", "figure", "figcaption", "pre", "address", "hr", "br", "body", "html", "form", "fieldset", "legend",
  "details", "summary",
]);
// Elements whose content is not text of the document.
const SKIP = new Set(["script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea", "button"]);

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009",
  mdash: "—", ndash: "–", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", middot: "·", bull: "•", copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±",
  times: "×", divide: "÷", frac12: "½", frac14: "¼", frac34: "¾", sect: "§", para: "¶", euro: "€", pound: "£",
  yen: "¥", cent: "¢", prime: "′", Prime: "″", shy: "\u00ad", zwj: "\u200d", zwnj: "\u200c", dagger: "†",
  Dagger: "‡", permil: "‰", larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", minus: "−", le: "≤", ge: "≥",
  ne: "≠", asymp: "≈", infin: "∞", micro: "µ", iexcl: "¡", iquest: "¿", eacute: "é", egrave: "è", aacute: "á",
  agrave: "à", ouml: "ö", uuml: "ü", auml: "ä", szlig: "ß", ccedil: "ç", ntilde: "ñ", oacute: "ó", iacute: "í", uacute: "ú",
};

/** Decodes character references: `&amp;`, `&#54620;`, `&#xD55C;`. Unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
      return whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** The paragraphs of an HTML document, in order. */
export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = "";
  let skipping: string | null = null;
  const flush = () => {
    const p = decodeEntities(current).replace(/[\s\u00a0\u3000]+/g, " ").trim();
    if (p) paragraphs.push(p);
    current = "";
  };
  // Comments, CDATA, doctype/processing instructions, tags, or text up to the next `<`.
  const token = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?|[^<]+|</;
  let pos = 0;
  const re = new RegExp(token.source, "gy");
  while (pos < html.length) {
    re.lastIndex = pos;
    const m = re.exec(html);
    if (!m) break;
    pos = re.lastIndex;
    const t = m[0];
    if (t.startsWith("<!--") || (t.startsWith("<!") && !t.startsWith("<![CDATA[")) || t.startsWith("<?")) continue;
    if (t.startsWith("<![CDATA[")) {
      if (!skipping) current += m[1] ?? "";
      continue;
    }
    const name = m[2]?.toLowerCase();
    if (name) {
      const closing = t[1] === "/";
      if (skipping) {
        if (closing && name === skipping) skipping = null;
        continue;
      }
      if (SKIP.has(name) && !closing && !/\/\s*>$/.test(t)) {
        skipping = name;
        continue;
      }
      if (BLOCK.has(name)) flush();
      continue;
    }
    if (!skipping) current += t;
  }
  flush();
  return paragraphs;
}
