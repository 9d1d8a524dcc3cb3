// Renderer entry: window.dari is the bridge to main (preload in Electron, the
// e2e harness in plain Chromium).
import "./styles.css";
import { boot } from "./app";
import type { DariBridge } from "../app/ipc";

declare global {
  interface Window {
    dari: DariBridge;
    /** The running app, for the e2e tests and benchmarks to inspect. */
    dariApp?: import("./app").DariApp;
  }
}

const root = document.getElementById("app")!;
if (!window.dari) {
  root.textContent = "Dari: the bridge to the main process is missing (window.dari).";
} else {
  boot(window.dari, root).then((app) => (window.dariApp = app));
}
