// Exposes exactly app/ipc.ts's DariApi as window.dari (no raw ipcRenderer, no
// generic send): one function per method, each invoking its own channel.
import { contextBridge, ipcRenderer } from "electron";
import { IPC_METHODS, IPC_CHANNEL_PREFIX, MENU_CHANNEL, PROGRESS_CHANNEL, type DariBridge, type MenuCommand } from "../app/ipc";

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

contextBridge.exposeInMainWorld("dari", api as unknown as DariBridge);
