// The command registry with its run functions: app/command-registry.ts's
// entries (the window's own commands) and the features' toolbar items, each
// turned into one runnable command. The toolbar, the palette and the context
// menu take their commands from here, so a command has one name and one key.
import type { Command } from "prosemirror-state";
import type { MenuCommand } from "../app/ipc";
import { APP_COMMANDS, entryKey } from "../app/command-registry";
import { features } from "./features";
import { keyPlatform } from "./key-label";

export interface RunnableCommand {
  id: string;
  labelKey: string;
  /** The key on this platform, a ProseMirror key name. */
  key?: string;
  run(): void;
}

/** What the window offers the commands (renderer/app.ts implements it). */
export interface Shell {
  runMenu(cmd: MenuCommand): Promise<void>;
  /** Runs an editor command on the editor and gives it back the focus. */
  command(cmd: Command): boolean;
  /** The window's own commands without a menu entry (palette, preferences, zoom, …). */
  runUi(id: string): void;
}

export function commandRegistry(shell: Shell): RunnableCommand[] {
  const mac = keyPlatform() === "mac";
  const seen = new Set<string>();
  const out: RunnableCommand[] = [];
  const add = (c: RunnableCommand) => {
    // A duplicate id would make one of the two unreachable from the palette.
    if (seen.has(c.id)) throw new Error(`duplicate command id ${c.id}`);
    seen.add(c.id);
    out.push(c);
  };
  for (const e of APP_COMMANDS) {
    add({ id: e.id, labelKey: e.labelKey, key: entryKey(e, mac), run: () => (e.menu ? void shell.runMenu(e.menu) : shell.runUi(e.id)) });
  }
  for (const f of features)
    for (const item of f.toolbar ?? []) add({ id: item.id, labelKey: item.labelKey, key: item.shortcut, run: () => void shell.command(item.command) });
  return out;
}
