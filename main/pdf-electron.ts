// PDF in the desktop app: the html export loaded in a hidden, script-less
// window and printed with Chromium's own printToPDF (A4, the export's print
// CSS, backgrounds so theme highlights print). Thin and Electron-bound; the
// same HTML is printed by headless Chromium in main/pdf.ts for the CLI.
import { pdfFooterTemplate, PDF_EMPTY_HEADER } from "../app/export/pdf-footer";
import { BrowserWindow } from "electron";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PRINT_WEB_PREFERENCES, guardNavigation } from "./security";

export async function printPdfInWindow(html: string, options: { orientation: "portrait" | "landscape"; title?: string }): Promise<Uint8Array> {
  // A file, not a data: URL: large documents exceed data: URL limits.
  const dir = await mkdtemp(join(tmpdir(), "dari-pdf-"));
  const file = join(dir, "export.html");
  const win = new BrowserWindow({ show: false, webPreferences: { ...PRINT_WEB_PREFERENCES } });
  // The export's links must not take the printer anywhere.
  guardNavigation(win.webContents, () => false);
  try {
    await writeFile(file, html, "utf8");
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({
      pageSize: "A4",
      landscape: options.orientation === "landscape",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_EMPTY_HEADER,
      footerTemplate: pdfFooterTemplate(options.title ?? ""),
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
