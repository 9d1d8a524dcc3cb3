// Checks of a Content-Security-Policy for an offline app, shared by
// main/security.test.ts (the policy main sends) and e2e/security.e2e.ts (the
// policy the page carries).

/** The directives of a CSP as a map from name to its source list. */
export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** What a strict CSP for an offline app must say; returns the problems found. */
export function cspProblems(csp: string): string[] {
  const d = parseCsp(csp);
  const problems: string[] = [];
  const only = (name: string, allowed: string[]) => {
    const v = d.get(name);
    if (!v) return problems.push(`${name} missing`);
    for (const s of v) if (!allowed.includes(s)) problems.push(`${name} allows ${s}`);
  };
  only("default-src", ["'none'"]);
  only("script-src", ["'self'"]);
  only("connect-src", ["'none'"]);
  only("object-src", ["'none'"]);
  only("base-uri", ["'none'"]);
  only("form-action", ["'none'"]);
  only("frame-src", ["'none'"]);
  for (const [name, sources] of d) {
    for (const s of sources) {
      // Nothing remote: no scheme sources but data:, no hosts, no wildcards; never eval.
      if (/^(https?|wss?|ftp|blob|filesystem):?/i.test(s) || s.includes("*") || /^[a-z0-9.-]+\.[a-z]{2,}/i.test(s)) problems.push(`${name} allows remote ${s}`);
      if (s === "'unsafe-eval'" || s === "'wasm-unsafe-eval'" || s === "'unsafe-hashes'") problems.push(`${name} allows ${s}`);
    }
  }
  return problems;
}
