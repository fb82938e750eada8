// Every web contents stays on our page (navigation, redirects, new windows and webviews refused), the
// session denies permissions (but clipboard writes from our own page) and blocks network requests.
import { describe, expect, it } from 'vitest';
import { isRendererUrl } from '../../src/main/renderer-origin';
import {
  guardWebContents,
  hardenSession,
  permissionAllowed,
  requestAllowed,
  type GuardedContents,
  type HardenedSession,
} from '../../src/main/navigation-guard';

const RENDERER = 'file:///opt/drillbench/resources/app.asar/out/renderer/index.html';
const isOurPage = (url: string) => isRendererUrl(url, RENDERER);

describe('guardWebContents', () => {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: (() => { action: string }) | undefined;
  const contents: GuardedContents = {
    on(event, listener) {
      listeners.set(event, listener as (event: { preventDefault(): void }) => void);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  guardWebContents(contents);

  it('refuses every navigation, frame navigation, redirect and webview', () => {
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      const listener = listeners.get(name);
      expect(listener, name).toBeDefined();
      listener?.({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
  });

  it('denies window.open', () => {
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('grants our own page clipboard writes only', () => {
    expect(permissionAllowed('clipboard-sanitized-write', RENDERER, isOurPage)).toBe(true);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'midiSysex',
      'unknown',
    ]) {
      expect(permissionAllowed(permission, RENDERER, isOurPage), permission).toBe(false);
    }
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isOurPage)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'file:///tmp/other.html', isOurPage)).toBe(false);
  });

  it('are wired into the session with device access denied, requests filtered and the CSP header set', () => {
    const recorded: Record<string, unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: unknown) => (recorded.request = handler),
      setPermissionCheckHandler: (handler: unknown) => (recorded.check = handler),
      setDevicePermissionHandler: (handler: unknown) => (recorded.device = handler),
      webRequest: {
        onBeforeRequest: (filter: unknown, handler: unknown) => (recorded.before = { filter, handler }),
        onHeadersReceived: (handler: unknown) => (recorded.headers = handler),
      },
    } as unknown as HardenedSession;
    hardenSession(session, { csp: "default-src 'self'", isOurPage, devServerOrigin: null });

    const answers: boolean[] = [];
    const request = recorded.request as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    request(null, 'media', (ok) => answers.push(ok), { requestingUrl: RENDERER });
    request(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: RENDERER });
    request(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), {
      requestingUrl: 'https://evil.example/',
    });
    expect(answers).toEqual([false, true, false]);
    const check = recorded.check as (
      c: unknown,
      p: string,
      origin: string,
      d: { requestingUrl?: string },
    ) => boolean;
    expect(check(null, 'geolocation', 'file:///', { requestingUrl: RENDERER })).toBe(false);
    expect((recorded.device as () => boolean)()).toBe(false);

    const before = recorded.before as {
      filter: { urls: string[] };
      handler: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    };
    expect(before.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const outcomes: boolean[] = [];
    before.handler({ url: 'https://tracker.example/x.js' }, (r) => outcomes.push(r.cancel));
    expect(outcomes).toEqual([true]);

    let headers: Record<string, string[]> = {};
    (
      recorded.headers as (
        d: { responseHeaders: Record<string, string[]> },
        cb: (r: { responseHeaders: Record<string, string[]> }) => void,
      ) => void
    )({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});

describe('requestAllowed', () => {
  it('lets the renderer load its own files and, in development, the dev server only', () => {
    expect(requestAllowed(RENDERER, null)).toBe(true);
    expect(requestAllowed('https://cdn.example/react.js', null)).toBe(false);
    expect(requestAllowed('http://localhost:5173/src/main.tsx', null)).toBe(false);
    expect(requestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(requestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(requestAllowed('ws://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(requestAllowed('http://evil.example:5173/', 'http://localhost:5173')).toBe(false);
    expect(requestAllowed('not a url', null)).toBe(false);
  });
});
