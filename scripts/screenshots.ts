// `npm run screenshots`: PNGs of the start screen, the main window on the
// worked sample, each panel, each dialog, the palette and the context menu
// (on a tag, and on a misspelled word),
// in both UI languages and both themes, at 1280×800, into out/screenshots/
// (ignored by git). The views are e2e/scenes.ts's, so they are the ones the
// accessibility test checks.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, launchApp, stopServer, ROOT } from "../e2e/helpers";
import { scenes, openWorkedSample } from "../e2e/scenes";

const OUT = join(ROOT, "out/screenshots");
await mkdir(OUT, { recursive: true });
const browser = await launchBrowser();
let count = 0;
try {
  for (const [lang, locale] of [["en", "en-US"], ["ko", "ko-KR"]] as const)
    for (const scheme of ["light", "dark"] as const) {
      const app = await launchApp({ browser, startScreen: true, locale, viewport: { width: 1280, height: 800 } });
      try {
        await app.page.emulateMedia({ colorScheme: scheme });
        const shot = async (name: string) => {
          await app.page.screenshot({ path: join(OUT, `${lang}-${scheme}-${name}.png`) });
          count++;
        };
        await app.page.waitForTimeout(150);
        await shot("start");
        await openWorkedSample(app);
        for (const scene of await scenes()) {
          await scene.open(app);
          await shot(scene.name);
          await scene.close(app);
        }
      } finally {
        await app.close();
      }
    }
} finally {
  await browser.close();
  await stopServer();
}
console.log(`${count} screenshots in ${OUT}`);
