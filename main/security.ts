// The window's security settings and checks, as plain data and functions so
// that a Node test can hold them to Electron's security checklist.

/** webPreferences of the one window. */
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
  spellcheck: true,
} as const;

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

/** The app's own pages: the packaged renderer (file://) or the dev server on loopback. */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const u = new URL(url);
    const own = new URL(rendererUrl);
    if (own.protocol === "file:") return u.protocol === "file:" && u.pathname === own.pathname;
    return u.origin === own.origin && (u.hostname === "localhost" || u.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}

/** An IPC call is accepted only from the app's own top frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, rendererUrl: string): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, rendererUrl);
}
