// The desktop build: main, preload and renderer to out/.
import { defineConfig } from "electron-vite";
import { resolve } from "node:path";

export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      rollupOptions: { input: { index: resolve(__dirname, "main/index.ts") } },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { preload: resolve(__dirname, "main/preload.ts") }, output: { format: "cjs", entryFileNames: "[name].cjs" } },
    },
  },
  renderer: {
    root: "renderer",
    build: {
      outDir: "out/renderer",
      rollupOptions: { input: { index: resolve(__dirname, "renderer/index.html") } },
    },
  },
});
