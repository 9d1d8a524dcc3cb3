// The PDF's footer (issue 17.11): the document's title and "page n / total",
// as Chromium's print header/footer template (its pageNumber and totalPages
// classes are filled in by the printer). Shared by the window's printToPDF
// and the CLI's headless Chromium, so both print the same footer.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pdfFooterTemplate(title: string): string {
  const style = "width:100%;margin:0 12mm;font-size:8px;color:#555;display:flex;justify-content:space-between;font-family:'Noto Sans CJK KR','Noto Sans KR',sans-serif";
  return `<div style="${style}"><span>${escape(title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

/** The (empty) header that goes with it: Chromium prints a date and URL without one. */
export const PDF_EMPTY_HEADER = "<span></span>";
