// The Electron transport: one IPC channel, each window dispatching to the router of its own project,
// and every message checked to come from our own page in one of our windows.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { API_CHANNEL } from '../api/methods';
import { failure, type ApiResult } from '../api/result';
import type { Router } from '../services/api/router';

const routers = new Map<number, Router>();

/** True when the frame shows our renderer: the packaged file or, in development, the dev server. */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url'> | null | undefined,
  rendererUrl: string,
): boolean {
  if (!frame) return false;
  try {
    const url = new URL(frame.url);
    const expected = new URL(rendererUrl);
    if (expected.protocol === 'file:') return url.protocol === 'file:' && url.pathname === expected.pathname;
    return url.origin === expected.origin;
  } catch {
    return false;
  }
}

export function attachRouter(webContentsId: number, router: Router): void {
  routers.set(webContentsId, router);
}

export function detachRouter(webContentsId: number): void {
  routers.delete(webContentsId);
}

export async function handleApiCall(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  rendererUrl: string,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event.senderFrame, rendererUrl)) {
    return failure('unauthorized', 'This call did not come from a drillbench window and was refused.');
  }
  const router = routers.get(event.sender.id);
  if (!router) return failure('not-found', 'This window has no open project.');
  return router.dispatch(method, input);
}

/** `ipcMain` is passed in so this module loads without Electron (tests run it under plain Node). */
export function registerIpcTransport(ipcMain: IpcMain, rendererUrl: string): void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) =>
    handleApiCall(event, rendererUrl, method, input),
  );
}
