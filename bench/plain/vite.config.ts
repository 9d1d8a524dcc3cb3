// Builds the plain-ProseMirror baseline page to out/bench-plain (npm run bench does).
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../../out/bench-plain", import.meta.url)),
    emptyOutDir: true,
    target: "chrome120",
  },
  logLevel: "warn",
});
