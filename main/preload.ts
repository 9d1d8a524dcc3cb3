// Exposes exactly app/ipc.ts's DariApi as window.dari (no raw ipcRenderer, no
// generic send): one function per method, each invoking its own channel.
// Files dropped onto the window are heard here, in the isolated world, where
// webUtils resolves their paths; the page only ever gets main's answer, so it
// cannot name a path for main to grant (PreloadApi is not exposed).
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { IPC_METHODS, IPC_CHANNEL_PREFIX, MENU_CHANNEL, PROGRESS_CHANNEL, type DariBridge, type DropResult, type MenuCommand, type PreloadApi, type Result } from "../app/ipc";
import { droppedPaths } from "./drop-paths";

const api: Record<string, unknown> = { nativeMenu: true };
for (const method of IPC_METHODS) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, ...args);
}
api.onMenuCommand = (listener: (command: MenuCommand) => void) => {
  ipcRenderer.on(MENU_CHANNEL, (_event, command: MenuCommand) => listener(command));
};

api.onProgress = (listener: (fraction: number) => void) => {
  ipcRenderer.on(PROGRESS_CHANNEL, (_event, fraction: number) => listener(fraction));
};

const dropListeners: ((drop: Result<DropResult>) => void)[] = [];
api.onFilesDropped = (listener: (drop: Result<DropResult>) => void) => void dropListeners.push(listener);
const filesDropped: PreloadApi["filesDropped"] = (paths) => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}filesDropped`, paths);
// Capture phase: heard before the page's own handlers, whatever they do with the event.
window.addEventListener(
  "drop",
  (event) => {
    const paths = droppedPaths(event, (file) => webUtils.getPathForFile(file as File));
    if (!paths) return;
    void filesDropped(paths).then(
      (r) => dropListeners.forEach((l) => l(r)),
      (e: unknown) => dropListeners.forEach((l) => l({ ok: false, error: { key: "unexpected", params: { reason: String(e) }, message: String(e) } })),
    );
  },
  true,
);

contextBridge.exposeInMainWorld("dari", api as unknown as DariBridge);
