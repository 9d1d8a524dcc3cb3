// The `dari` command built to JavaScript (out/cli/dari.mjs), so that a call
// starts like a compiled tool instead of compiling TypeScript first. It is
// the same main/cli.ts over the same app/ modules as the desktop app. The
// packages it uses are bundled too: resolving and reading their hundreds of
// small files is most of a cold start (0.32 s against 0.24 s bundled). Left
// outside, and loaded from node_modules when a command needs them: playwright
// (PDF export) and pdf.js (PDF import), which find their own files on disk.
// Next to the bundle, inputs.json lists the project's source files it was
// built from, so that bin/dari.js can tell a stale build from a fresh one.
import { defineConfig, type Plugin } from "vite";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinModules } from "node:module";

const root = fileURLToPath(new URL("..", import.meta.url));
const LOADED_AT_RUN_TIME = ["playwright-core", "pdfjs-dist"];

function sourceList(): Plugin {
  return {
    name: "dari-cli-inputs",
    generateBundle() {
      const inputs = [...this.getModuleIds()]
        .filter((id) => id.startsWith(root) && !id.includes("node_modules") && !id.includes("\0"))
        .map((id) => relative(root, id).split("\\").join("/"))
        .sort();
      this.emitFile({ type: "asset", fileName: "inputs.json", source: JSON.stringify(inputs, null, 1) + "\n" });
    },
  };
}

export default defineConfig({
  root,
  logLevel: "warn",
  plugins: [sourceList()],
  ssr: { noExternal: true },
  build: {
    ssr: resolve(root, "main/cli.ts"),
    outDir: resolve(root, "out/cli"),
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: (id) => id.startsWith("node:") || builtinModules.includes(id) || LOADED_AT_RUN_TIME.some((p) => id === p || id.startsWith(p + "/")),
      output: { format: "es", entryFileNames: "dari.mjs", chunkFileNames: "[name]-[hash].mjs" },
    },
  },
});
