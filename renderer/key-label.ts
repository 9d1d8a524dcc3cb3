// The keys of this computer's platform, for tooltips, help and the in-window
// menu. The renderer knows the platform from the browser (the same in Electron
// and in plain Chromium), so the bridge need not tell it.
import { keyLabel, keysLabel, acceleratorLabel, platformOf, type KeyPlatform } from "../app/keys";

/** userAgentData where Chromium has it; navigator.platform is deprecated but everywhere. */
export function keyPlatform(): KeyPlatform {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return platformOf(nav.userAgentData?.platform || navigator.platform);
}

/** A ProseMirror key name ("Mod-Shift-g") as shown here: "Ctrl+Shift+G" or "⇧⌘G". */
export function shownKey(name: string): string {
  return keyLabel(name, keyPlatform());
}

/** Several key names of one command ("Tab / Shift+Tab", "Ctrl+Alt+1…3"). */
export function shownKeys(names: string[]): string {
  return keysLabel(names, keyPlatform());
}

/** An Electron accelerator ("CmdOrCtrl+S") as shown here. */
export function shownAccelerator(accelerator: string): string {
  return acceleratorLabel(accelerator, keyPlatform());
}
