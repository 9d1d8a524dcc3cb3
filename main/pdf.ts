// PDF from the command line (and tests): the html export printed by a
// headless Chromium found on the machine, through playwright-core. Every
// request the page makes is refused, so printing stays offline.
import { pdfFooterTemplate, PDF_EMPTY_HEADER } from "../app/export/pdf-footer";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Browser } from "playwright-core";
import { DariError } from "../app/errors";

/** Where Chromium-family browsers live on Linux, macOS and Windows. */
function candidates(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.CHROMIUM_PATH) out.push(env.CHROMIUM_PATH);
  const names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "chrome.exe", "msedge.exe"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean)) for (const n of names) out.push(join(dir, n));
  out.push(
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  );
  for (const base of [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(Boolean) as string[]) {
    out.push(join(base, "Google", "Chrome", "Application", "chrome.exe"), join(base, "Chromium", "Application", "chrome.exe"), join(base, "Microsoft", "Edge", "Application", "msedge.exe"));
  }
  return [...new Set(out)];
}

/**
 * The Chromium to print with. $CHROMIUM_PATH, when set, is the only choice
 * (a wrong path is an error, not a silent fallback).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new DariError("export:pdf.noChromium", { looked: env.CHROMIUM_PATH });
  }
  const list = candidates(env);
  const found = list.find((p) => exists(p));
  if (!found) throw new DariError("export:pdf.noChromium", { looked: ["$CHROMIUM_PATH", ...list.filter((p) => !p.includes(delimiter))].slice(0, 12).join(", ") });
  return found;
}

export interface PdfOptions {
  orientation: "portrait" | "landscape";
  /** The document's title, in the footer with the page numbers. */
  title?: string;
  /** The browser to use; found with findChromium when absent. */
  executablePath?: string;
  /** A browser already running (batch printing, tests); left open. */
  browser?: Browser;
}

/** Starts a headless Chromium for printing. */
export async function launchPrinter(executablePath = findChromium()): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  // Chromium refuses to sandbox as root (containers, CI); elsewhere keep it.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  try {
    return await chromium.launch({ executablePath, headless: true, args });
  } catch (e) {
    throw new DariError("export:pdf.failed", { reason: String((e as Error).message).split("\n")[0].slice(0, 300) });
  }
}

export async function printPdfWithChromium(html: string, options: PdfOptions): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchPrinter(options.executablePath ?? findChromium()));
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", landscape: options.orientation === "landscape", printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: PDF_EMPTY_HEADER, footerTemplate: pdfFooterTemplate(options.title ?? "") });
    return new Uint8Array(pdf);
  } catch (e) {
    if (e instanceof DariError) throw e;
    throw new DariError("export:pdf.failed", { reason: String((e as Error).message).split("\n")[0].slice(0, 300) });
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}
