// The views of the window that the accessibility test checks and
// `npm run screenshots` photographs: the start screen, the main window on the
// worked sample, each panel, each dialog, the palette, the context menu and
// the memo editor.
// Each scene opens its view from the main window and `close` returns there.
import type { Page } from "playwright-core";
import { PANELS } from "../app/menu";
import type { AppHandle } from "./helpers";

export interface Scene {
  name: string;
  open(app: AppHandle): Promise<void>;
  close(app: AppHandle): Promise<void>;
}

const escape = async ({ page }: AppHandle) => {
  await page.keyboard.press("Escape");
  await page.waitForTimeout(50);
};

async function dialogScene(name: string, open: (app: AppHandle) => Promise<void>): Promise<Scene> {
  return {
    name,
    open: async (app) => {
      await open(app);
      await app.page.locator(".dari-dialog, .dari-palette").first().waitFor();
      await app.page.waitForTimeout(100);
    },
    close: escape,
  };
}

/** Right-clicks the first tagged words of the text. */
async function rightClickTag(page: Page): Promise<void> {
  const tag = page.locator(".dari-ko .dari-themed").first();
  await tag.scrollIntoViewIfNeeded();
  const box = (await tag.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: "right" });
  await page.locator(".dari-context-menu").waitFor();
}

/** Right-clicks the first misspelled English word: the spelling suggestions head the menu. */
async function rightClickMisspelling(page: Page): Promise<void> {
  const word = page.locator(".dari-en .dari-misspelled").first();
  await word.waitFor();
  await word.scrollIntoViewIfNeeded();
  const box = (await word.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: "right" });
  await page.locator(".dari-context-menu").waitFor();
}

export async function scenes(): Promise<Scene[]> {
  const panels: Scene[] = PANELS.map((p) => ({
    name: `panel-${p.id}`,
    open: async ({ page }) => {
      await page.locator(`.dari-toolbar [data-panel="${p.id}"]`).click();
      await page.locator(".dari-sidebar.open").waitFor();
      await page.waitForTimeout(150);
    },
    close: async ({ page }) => {
      await page.locator(`.dari-toolbar [data-panel="${p.id}"]`).click();
      await page.locator(".dari-sidebar.open").waitFor({ state: "detached" });
    },
  }));
  return [
    { name: "main", open: async () => {}, close: async () => {} },
    // Coding stripes beside themes that share lines (segment 6 of the worked sample), one clicked: its span selected.
    {
      name: "stripes",
      open: async ({ page }) => {
        const bar = page.locator(".dari-segment").nth(5).locator('.dari-stripe[data-side="ko"]:not([hidden])').first();
        await bar.scrollIntoViewIfNeeded();
        await page.waitForTimeout(100);
        await bar.click();
        await page.waitForTimeout(100);
      },
      close: async ({ page }) => {
        await page.evaluate(() => (document.querySelector(".dari-editor-scroll")!.scrollTop = 0));
        await page.locator(".ProseMirror").click({ position: { x: 200, y: 30 } });
      },
    },
    ...panels,
    await dialogScene("dialog-export", (app) => app.menu("export")),
    await dialogScene("dialog-import", (app) => app.menu("import")),
    await dialogScene("dialog-preferences", async ({ page }) => void (await page.keyboard.press("Control+,"))),
    await dialogScene("dialog-shortcuts", (app) => app.menu("shortcuts")),
    await dialogScene("dialog-about", (app) => app.menu("about")),
    await dialogScene("palette", async ({ page }) => void (await page.keyboard.press("Control+Shift+P"))),
    { name: "context-menu", open: ({ page }) => rightClickTag(page), close: escape },
    { name: "context-menu-spelling", open: ({ page }) => rightClickMisspelling(page), close: escape },
    { name: "memo-editor", open: ({ page }) => openMemoEditor(page), close: escape },
  ];
}

/** Opens the memo editor from the first memo mark of the text (issue 17.5). */
async function openMemoEditor(page: Page): Promise<void> {
  const mark = page.locator(".dari-memo-mark").first();
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  await page.locator(".dari-memo-editor").waitFor();
}

/** Opens the worked sample from the start screen (the app launched with startScreen). */
export async function openWorkedSample({ page }: AppHandle): Promise<void> {
  await page.locator('[data-action="start-sample"]').click();
  await page.locator(".dari-start").waitFor({ state: "hidden" });
  await page.locator(".dari-ko .dari-themed").first().waitFor();
  await page.locator(".ProseMirror").click({ position: { x: 200, y: 30 } });
}
