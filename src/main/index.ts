// The Electron main process: a thin shell that opens a project (the demo when none is given), creates
// a hardened window and serves the API over IPC. Everything else lives in services that also run
// outside Electron.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApiSession } from '../services/api/api-session';
import { openOrCreateDemo } from '../services/demo/demo-writer';
import { attachRouter, detachRouter, registerIpcTransport } from './ipc-transport';
import { RENDERER_CSP, secureWindowOptions } from './window-options';

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}

function createWindow(projectPath: string | undefined): void {
  const project = openOrCreateDemo(projectPath, (text) => console.log(text));
  const window = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  const id = window.webContents.id;
  const session = openApiSession(project, 'grid');
  attachRouter(id, session.router);
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    detachRouter(id);
    void session.close();
  });
  window.setTitle(`drillbench - ${project.path}`);
  void window.loadURL(rendererUrl);
}

app.enableSandbox();
void app.whenReady().then(() => {
  hardenSession();
  registerIpcTransport(ipcMain, rendererUrl);
  const projectArgument = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => !arg.startsWith('-'));
  createWindow(projectArgument);
});

app.on('window-all-closed', () => app.quit());
