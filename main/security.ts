// The window's security settings and checks, as plain data and functions so
// that a Node test can hold them to Electron's security checklist.

/** webPreferences of every window (the editor adds its preload, the PDF printer turns scripts off). */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Chromium's spellchecker downloads its dictionaries from Google; Dari is
  // offline and checks spelling in the renderer with its own dictionaries.
  spellcheck: false,
} as const;

/** The hidden window that prints the html export to PDF: the same settings, and no scripts at all. */
export const PRINT_WEB_PREFERENCES = { ...WEB_PREFERENCES, javascript: false } as const;

/** The Content-Security-Policy sent with every response: nothing remote, no eval, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The app's own pages: the renderer's origin (app://dari, exactly) or the dev server on loopback. */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const u = new URL(url);
    const own = new URL(rendererUrl);
    // URL.origin is "null" for a scheme Node does not know, so compare its parts.
    if (own.protocol === "app:") return u.protocol === own.protocol && u.host === own.host && u.host !== "" && !u.username && !u.password;
    return u.origin === own.origin && (u.hostname === "localhost" || u.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}

/** An IPC call is accepted only from the app's own top frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, rendererUrl: string): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, rendererUrl);
}

/** What main needs of a web contents to guard it (Electron's WebContents has it). */
export interface GuardedContents {
  on(event: "will-navigate", listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

/** Every window: navigation only to the app's own page (`allowed`), and never a new window. */
export function guardNavigation(contents: GuardedContents, allowed: (url: string) => boolean): void {
  contents.on("will-navigate", (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
}
