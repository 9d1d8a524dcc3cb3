// Packaging is locked down (issue 11, requirement 7): the Electron fuses of
// electron-builder.yml, read by electron-builder itself and validated
// against its schema, as `npm run dist` will apply them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// app-builder-lib is electron-builder's own; reach it the way electron-builder does.
const builderRequire = createRequire(createRequire(join(ROOT, "package.json")).resolve("electron-builder/package.json"));

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  files?: unknown;
  asar?: boolean;
}

async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = builderRequire("app-builder-lib/out/util/config/config") as {
    getConfig(dir: string, path: string, options: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = builderRequire("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(ROOT, join(ROOT, "electron-builder.yml"), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

test("the packaged app's fuses: no Node mode, no NODE_OPTIONS or --inspect, only its own checked app.asar, no extra file:// privileges", async () => {
  const config = await builderConfig();
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
  // onlyLoadAppFromAsar needs an app.asar: electron-builder packs one unless told not to.
  assert.notEqual(config.asar, false);
  const files = JSON.stringify(config.files);
  assert.match(files, /out\/\*\*\/\*/);
  assert.match(files, /!out\/cli\/\*\*/, "the command line's build stays out of the desktop app");
});
