// Issue 15 req. 9: axe-core on the start screen, the main window, every panel
// and every dialog, in both UI languages and both themes: no serious or
// critical violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useBrowser, launchApp, type AppHandle } from "./helpers";
import { scenes, openWorkedSample } from "./scenes";

const browser = useBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function serious(app: AppHandle, where: string): Promise<string[]> {
  // Evaluated through DevTools, as a test tool: the page's CSP does not apply, and the app ships nothing of it.
  await app.page.evaluate(AXE);
  const violations = (await app.page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)`)) as Violation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + (process.env.AXE_DEBUG ? ` [${n.failureSummary}]` : "")).join(" | ")}`);
}

for (const locale of ["en-US", "ko-KR"])
  for (const scheme of ["light", "dark"] as const)
    test(`no serious or critical axe violation: ${locale}, ${scheme}`, async () => {
      const app = await launchApp({ browser: browser(), startScreen: true, locale, viewport: { width: 1280, height: 800 } });
      try {
        await app.page.emulateMedia({ colorScheme: scheme });
        const problems = await serious(app, "start screen");
        await openWorkedSample(app);
        for (const scene of await scenes()) {
          await scene.open(app);
          problems.push(...(await serious(app, scene.name)));
          await scene.close(app);
        }
        assert.deepEqual(problems, []);
      } finally {
        await app.close();
      }
    });
