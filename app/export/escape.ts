// Escaping shared by the text formats. XML 1.0 cannot carry most C0 control
// characters at all (not even as character references), so each format decides
// what to do with them; these helpers find them and give a visible stand-in.

/** Characters XML 1.0 forbids: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A visible stand-in: the Unicode control picture (U+2400 block) or U+FFFD. */
export function controlPicture(c: string): string {
  const n = c.charCodeAt(0);
  if (n < 0x20) return String.fromCharCode(0x2400 + n);
  if (n === 0x7f) return "\u2421";
  return "\uFFFD";
}

/** Text content for XML/HTML: markup characters escaped, forbidden characters shown as control pictures. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;")).replace(XML_INVALID, controlPicture);
}

/** An attribute value in double quotes; tabs and line breaks kept as character references. */
export function escapeAttr(s: string): string {
  return s
    .replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(XML_INVALID, controlPicture);
}
