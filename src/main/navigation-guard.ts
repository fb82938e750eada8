// Keeps every web contents on our own page: no navigation, redirects, new windows or webviews, no
// permissions beyond writing to the clipboard, and no network requests from the renderer at all.
import type { Session } from 'electron';

type Listener = (event: { preventDefault(): void }, ...rest: never[]) => void;

/** The parts of WebContents the guard uses (a test passes a stand-in). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: Listener,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export function guardWebContents(contents: GuardedContents): void {
  const refuse: Listener = (event) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Permissions our own page may have: writing copied cells to the clipboard. Everything else is denied. */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  isOurPage: (url: string) => boolean,
): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isOurPage(requestingUrl);
}

/** Requests the renderer may make: its own files and, in development only, the dev server. */
export function requestAllowed(url: string, devServerOrigin: string | null): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:' || parsed.protocol === 'devtools:' || parsed.protocol === 'data:')
      return true;
    if (devServerOrigin === null) return false;
    const dev = new URL(devServerOrigin);
    // The dev server's hot reload talks over a websocket on the same host and port.
    return parsed.host === dev.host && (parsed.protocol === dev.protocol || parsed.protocol === 'ws:');
  } catch {
    return false;
  }
}

export type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'> };

export function hardenSession(
  session: HardenedSession,
  options: { csp: string; isOurPage: (url: string) => boolean; devServerOrigin: string | null },
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, options.isOurPage)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? requestingOrigin, options.isOurPage),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !requestAllowed(details.url, options.devServerOrigin) }),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [options.csp] } });
  });
}
