// The desktop build: main, preload and renderer to out/.
import { defineConfig } from "electron-vite";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const root = fileURLToPath(new URL(".", import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));

export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      // CommonJS: __dirname is native, and no ESM shim is spliced into the bundle.
      rollupOptions: { input: { index: resolve(root, "main/index.ts"), "import-worker": resolve(root, "main/import-worker.ts") }, output: { format: "cjs", entryFileNames: "[name].cjs" } },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { preload: resolve(root, "main/preload.ts") }, output: { format: "cjs", entryFileNames: "[name].cjs" } },
    },
  },
  renderer: {
    root: "renderer",
    define: { __DARI_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: "out/renderer",
      rollupOptions: { input: { index: resolve(root, "renderer/index.html") } },
    },
    // The spelling worker loads only the dictionaries of the chosen variant (separate chunks): a module worker.
    worker: { format: "es" },
  },
});
