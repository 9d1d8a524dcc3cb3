// Renderer entry: window.dari is the bridge to main (preload in Electron, the
// e2e harness in plain Chromium).
import "./styles.css";
import "./theme.css";
import { boot } from "./app";
import type { DariBridge } from "../app/ipc";
import { createI18n, languageForLocale } from "../app/i18n";

declare global {
  interface Window {
    dari: DariBridge;
    /** The running app, for the e2e tests and benchmarks to inspect. */
    dariApp?: import("./app").DariApp;
  }
}

const root = document.getElementById("app")!;
if (!window.dari) {
  root.textContent = createI18n(languageForLocale(navigator.language)).t("dialog.noBridge");
} else {
  boot(window.dari, root).then((app) => (window.dariApp = app));
}
