// The vite config of a small test or benchmark page served to plain Chromium
// (bench/plain, e2e/pages/*): built from its own folder into out/<name>.
import { defineConfig, type UserConfig } from "vite";
import { fileURLToPath } from "node:url";

export function pageConfig(pageDir: URL, name: string, build: UserConfig["build"] = {}): UserConfig {
  return defineConfig({
    root: fileURLToPath(pageDir),
    base: "./",
    build: {
      outDir: fileURLToPath(new URL(`out/${name}`, new URL("..", import.meta.url))),
      emptyOutDir: true,
      target: "chrome120",
      ...build,
    },
    logLevel: "warn",
  });
}
