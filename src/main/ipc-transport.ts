// The Electron transport: one IPC channel for API calls, each window dispatching to the router of its
// own project, every message checked to come from our own page in the top frame of one of our windows;
// and one channel the other way for desktop events (menu navigation, notices).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESKTOP_EVENT_CHANNEL, type DesktopEvent } from '../api/desktop-types';
import { API_CHANNEL } from '../api/methods';
import { failure, type ApiResult } from '../api/result';
import type { Router } from '../services/api/router';
import { isTrustedSender, type SenderFrame } from './renderer-origin';

export { isRendererUrl, isTrustedSender } from './renderer-origin';

const routers = new Map<number, Router>();

export function attachRouter(webContentsId: number, router: Router): void {
  routers.set(webContentsId, router);
}

export function detachRouter(webContentsId: number): void {
  routers.delete(webContentsId);
}

export type ApiCallEvent = {
  senderFrame: SenderFrame | null;
  sender: Pick<IpcMainInvokeEvent['sender'], 'id'>;
};

export async function handleApiCall(
  event: ApiCallEvent,
  rendererUrl: string,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event.senderFrame, rendererUrl)) {
    return failure('unauthorized', 'This call did not come from a drillbench window and was refused.');
  }
  const router = routers.get(event.sender.id);
  if (!router) {
    return failure(
      'unauthorized',
      'This call came from a window that has no drillbench project and was refused.',
    );
  }
  // The router checks the method name and validates the input with the call's schema.
  return router.dispatch(method, input);
}

/**
 * Starts answering API calls; returns the function that stops it. `ipcMain` is passed in so this module
 * loads without Electron (tests run it under plain Node).
 */
export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  rendererUrl: string,
): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) =>
    handleApiCall(event, rendererUrl, method, input),
  );
  return () => ipcMain.removeHandler(API_CHANNEL);
}

/** Sends a window a desktop event (the only main-to-renderer message there is). */
export function sendDesktopEvent(
  contents: { send(channel: string, payload: DesktopEvent): void },
  event: DesktopEvent,
): void {
  contents.send(DESKTOP_EVENT_CHANNEL, event);
}
