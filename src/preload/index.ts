// The preload exposes exactly two things to the page: a typed API client with one function per contract
// call, and (desktop only) a subscription to the main process's desktop events plus the path of a dropped
// file. There is no generic invoke, no ipcRenderer and no Node in the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DESKTOP_EVENT_CHANNEL, type DesktopBridge, type DesktopEvent } from '../api/desktop-types';
import { API_CHANNEL, API_METHODS } from '../api/methods';

const api = Object.fromEntries(
  API_METHODS.map(
    (method) => [method, (input: unknown) => ipcRenderer.invoke(API_CHANNEL, method, input)] as const,
  ),
);

contextBridge.exposeInMainWorld(
  'drillbench',
  Object.freeze({ api: Object.freeze(api), platform: process.platform }),
);

const desktop: DesktopBridge = {
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: DesktopEvent) => listener(payload);
    ipcRenderer.on(DESKTOP_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(DESKTOP_EVENT_CHANNEL, forward);
    };
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
  },
};

contextBridge.exposeInMainWorld('drillbenchDesktop', Object.freeze(desktop));
