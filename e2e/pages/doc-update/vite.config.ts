// Builds the page of e2e/doc-update.e2e.ts to out/e2e-doc-update (the test does).
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../../../out/e2e-doc-update", import.meta.url)),
    emptyOutDir: true,
    target: "chrome120",
    minify: false,
  },
  logLevel: "warn",
});
