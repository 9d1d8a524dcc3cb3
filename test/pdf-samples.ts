// PDFs of the sample commentary in real layouts, made for the tests and the
// bench (never stored in the project): LibreOffice prints a flat ODT (A4, a
// running header with the institute's name, page numbers in the footer, two
// footnotes, one page in two columns); Chromium prints an HTML page with a
// header and page numbers; and a 100-page text PDF for the bench. Each is
// made once and kept in a temporary folder named after its inputs, since
// LibreOffice takes several seconds.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { findChromium } from "../main/pdf";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CORPUS = resolve(ROOT, "../shared/corpus");
/** Bump when the documents below change, so a stale cached PDF is not used. */
const VERSION = "5";

export const INSTITUTE = "한국국제정치연구소 · 정세와 분석";
/** The two footnotes of the LibreOffice document: the paragraph (0-based) and the sentence they follow. */
export const FOOTNOTES = [
  { paragraph: 0, after: "충분한 중요한 사건이었다.", text: "보스토치니 우주기지는 러시아 극동 아무르주에 있는 우주 발사 기지이다." },
  { paragraph: 6, after: "입장을 급선회했는가?", text: "러시아는 2022년 2월 우크라이나를 전면 침공하였다." },
];
/** The paragraphs (0-based) set in two columns, on a page of their own. */
export const TWO_COLUMN = [3, 4];

export async function commentaryParagraphs(): Promise<string[]> {
  const text = await readFile(join(CORPUS, "commentary.ko.txt"), "utf8");
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function cacheDir(): Promise<string> {
  const source = await readFile(join(CORPUS, "commentary.ko.txt"));
  const hash = createHash("sha256").update(VERSION).update(source).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `dari-pdf-samples-${hash}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Makes `file` once: `make` writes a temporary file that is renamed into place, so a half-made PDF is never reused. */
async function once(file: string, make: (tmp: string) => Promise<void>): Promise<string> {
  if (existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  await make(tmp);
  await rename(tmp, file);
  return file;
}

function fodt(paragraphs: string[]): string {
  const body = paragraphs.map((p, i) => {
    let inner = esc(p);
    for (const [n, fn] of FOOTNOTES.entries()) {
      if (fn.paragraph !== i) continue;
      const at = inner.indexOf(esc(fn.after)) + esc(fn.after).length;
      if (at < esc(fn.after).length) throw new Error(`The sample no longer has "${fn.after}" in paragraph ${i + 1}`);
      const note = `<text:note text:id="ftn${n + 1}" text:note-class="footnote"><text:note-citation>${n + 1}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${esc(fn.text)}</text:p></text:note-body></text:note>`;
      inner = inner.slice(0, at) + note + inner.slice(at);
    }
    const style = i === paragraphs.length - 1 ? "Author" : TWO_COLUMN.includes(i) && i === TWO_COLUMN[0] ? "BodyNewPage" : i === TWO_COLUMN[TWO_COLUMN.length - 1] + 1 ? "BodyNewPage" : "Body";
    return `<text:p text:style-name="${style}">${inner}</text:p>`;
  });
  const first = TWO_COLUMN[0];
  const last = TWO_COLUMN[TWO_COLUMN.length - 1];
  const text = [
    ...body.slice(0, first),
    `<text:section text:style-name="TwoColumns" text:name="TwoColumns">${body.slice(first, last + 1).join("")}</text:section>`,
    ...body.slice(last + 1),
  ].join("\n");
  const font = "Noto Sans CJK KR";
  const size = (pt: number) => `fo:font-size="${pt}pt" style:font-size-asian="${pt}pt"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="'${font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:text-autospace="none"/><style:text-properties style:font-name="${font}" style:font-name-asian="${font}" ${size(10.5)} fo:language="ko" fo:country="KR" style:language-asian="ko" style:country-asian="KR"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties style:text-autospace="none" fo:text-align="justify" fo:text-indent="0.6cm" fo:margin-bottom="0.25cm" fo:line-height="150%"/></style:style>
<style:style style:name="BodyNewPage" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Author" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-top="0.5cm"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:text-properties ${size(8.5)}/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties ${size(8)}/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${size(9)}/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="TwoColumns" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">
<style:header><text:p text:style-name="Header">${esc(INSTITUTE)}</text:p></style:header>
<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
${text}
</office:text></office:body>
</office:document>
`;
}

/** The commentary printed by LibreOffice from a flat ODT. */
export async function libreOfficePdf(): Promise<string> {
  const dir = await cacheDir();
  return once(join(dir, "commentary-libreoffice.pdf"), async (tmp) => {
    const work = join(dir, `lo-${process.pid}`);
    await mkdir(work, { recursive: true });
    try {
      const src = join(work, "commentary-libreoffice.fodt");
      await writeFile(src, fodt(await commentaryParagraphs()));
      // A profile of its own: another LibreOffice running on the machine must not take the job over.
      await run("soffice", [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, src], { timeout: 120_000 });
      await rename(join(work, "commentary-libreoffice.pdf"), tmp);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

function html(paragraphs: string[], repeat = 1): string {
  const ps: string[] = [];
  for (let r = 0; r < repeat; r++) paragraphs.forEach((p, i) => ps.push(`<p class="${i === paragraphs.length - 1 ? "author" : ""}">${esc(p)}</p>`));
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>
body { font-family: "Noto Sans CJK KR", sans-serif; font-size: 10.5pt; line-height: 1.6; }
p { text-align: justify; text-indent: 1em; margin: 0 0 0.6em; }
p.author { text-align: right; text-indent: 0; }
</style></head><body>${ps.join("\n")}</body></html>`;
}

async function printWithChromium(page: string, tmp: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
  try {
    const tab = await browser.newPage();
    await tab.setContent(page);
    await tab.pdf({
      path: tmp,
      format: "A4",
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:right;margin:0 2.5cm;font-family:'Noto Sans CJK KR'">${esc(INSTITUTE)}</div>`,
      footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'Noto Sans CJK KR'"><span class="pageNumber"></span></div>`,
      margin: { top: "2cm", bottom: "2cm", left: "2.5cm", right: "2.5cm" },
    });
  } finally {
    await browser.close();
  }
}

/** The commentary printed by Chromium (print to PDF) with a running header and page numbers. */
export async function chromiumPdf(): Promise<string> {
  const dir = await cacheDir();
  return once(join(dir, "commentary-chromium.pdf"), async (tmp) => printWithChromium(html(await commentaryParagraphs()), tmp));
}

/** Times the commentary is printed for the bench's PDF: it fills a little under two A4 pages. */
const BENCH_REPEAT = 60;

/** A text PDF of at least 100 pages: the commentary printed again and again (for the bench). */
export async function hundredPagePdf(): Promise<string> {
  const dir = await cacheDir();
  return once(join(dir, `commentary-${BENCH_REPEAT}x.pdf`), async (tmp) => printWithChromium(html(await commentaryParagraphs(), BENCH_REPEAT), tmp));
}
