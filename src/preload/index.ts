// The preload exposes exactly one thing to the page: a typed API client with one function per contract
// call. There is no generic invoke, no ipcRenderer and no Node in the page.
import { contextBridge, ipcRenderer } from 'electron';
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
