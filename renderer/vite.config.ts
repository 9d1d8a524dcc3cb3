// Builds the renderer alone (for the e2e tests and benchmarks, which serve it
// to plain Chromium). The desktop build uses electron.vite.config.ts.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  define: { __DARI_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL("../out/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "chrome120",
    sourcemap: true,
  },
  // The spelling worker loads only the dictionaries of the chosen variant (separate chunks): a module worker.
  worker: { format: "es" },
  logLevel: "warn",
});
