// The IPC handler refuses every call that does not come from the top frame of our page in a window we
// made, and dispatches the rest to that window's own router. A stand-in ipcMain captures the registered
// handler, which the tests call with fake events.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/api/result';
import type { Router } from '../../src/services/api/router';

import { DESKTOP_EVENT_CHANNEL } from '../../src/api/desktop-types';
import { API_CHANNEL } from '../../src/api/methods';
import * as transport from '../../src/main/ipc-transport';

type Handler = (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>;

/** A stand-in for Electron's ipcMain that keeps the handler registered on each channel. */
const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

const RENDERER = 'file:///opt/drillbench/resources/app.asar/out/renderer/index.html';

function recordingRouter(name: string) {
  const calls: { method: unknown; input: unknown }[] = [];
  const router: Router = {
    async dispatch(method, input) {
      calls.push({ method, input });
      return { ok: true, value: name };
    },
  };
  return { router, calls };
}

const first = recordingRouter('first window');
const second = recordingRouter('second window');
let handler: (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>;

beforeAll(() => {
  transport.registerIpcTransport(ipcMain as never, RENDERER);
  const registered = ipcMain.handlers.get(API_CHANNEL);
  if (!registered) throw new Error('the transport registered no handler');
  handler = registered;
  transport.attachRouter(1, first.router);
  transport.attachRouter(2, second.router);
});

const topFrame = (url: string) => ({ url, parent: null });
const call = (event: unknown) => handler(event, 'project.info', {});

function refused(result: ApiResult<unknown>): string {
  if (result.ok) throw new Error('the call was not refused');
  expect(result.error.code).toBe('unauthorized');
  return result.error.message;
}

describe('the API handler', () => {
  it('dispatches a call from our page to the router of the window it came from', async () => {
    expect(await call({ senderFrame: topFrame(RENDERER), sender: { id: 2 } })).toEqual({
      ok: true,
      value: 'second window',
    });
    expect(await call({ senderFrame: topFrame(`${RENDERER}#/samples`), sender: { id: 1 } })).toEqual({
      ok: true,
      value: 'first window',
    });
    expect(second.calls).toEqual([{ method: 'project.info', input: {} }]);
  });

  it('refuses a frame showing a foreign page', async () => {
    const before = first.calls.length;
    for (const url of [
      'https://evil.example/',
      'file:///tmp/downloaded.html',
      'file:///opt/drillbench/resources/app.asar/out/renderer/other.html',
      'http://localhost:5173/',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(refused(await call({ senderFrame: topFrame(url), sender: { id: 1 } })), url).toMatch(
        /did not come from a drillbench window/,
      );
    }
    expect(first.calls.length).toBe(before);
  });

  it('refuses a missing frame (the frame navigated away or was destroyed)', async () => {
    refused(await call({ senderFrame: null, sender: { id: 1 } }));
    refused(await call({ sender: { id: 1 } }));
  });

  it('refuses a sub-frame even when it shows our page', async () => {
    refused(await call({ senderFrame: { url: RENDERER, parent: topFrame(RENDERER) }, sender: { id: 1 } }));
  });

  it("refuses another window's contents that has no project of ours", async () => {
    const message = refused(await call({ senderFrame: topFrame(RENDERER), sender: { id: 99 } }));
    expect(message).toMatch(/window that has no drillbench project/);
  });

  it('stops answering a window once its router is detached', async () => {
    const third = recordingRouter('third');
    transport.attachRouter(3, third.router);
    expect((await call({ senderFrame: topFrame(RENDERER), sender: { id: 3 } })).ok).toBe(true);
    transport.detachRouter(3);
    refused(await call({ senderFrame: topFrame(RENDERER), sender: { id: 3 } }));
  });

  it('trusts the dev server by origin in development', () => {
    expect(
      transport.isTrustedSender(topFrame('http://localhost:5173/index.html'), 'http://localhost:5173/'),
    ).toBe(true);
    expect(transport.isTrustedSender(topFrame('http://localhost:5174/'), 'http://localhost:5173/')).toBe(
      false,
    );
  });
});

describe('desktop events', () => {
  it('go out on their own channel', () => {
    const sent: unknown[][] = [];
    transport.sendDesktopEvent(
      { send: (...args: unknown[]) => sent.push(args) },
      { type: 'navigate', view: 'import', files: ['/d/a.csv'] },
    );
    expect(sent).toEqual([
      [DESKTOP_EVENT_CHANNEL, { type: 'navigate', view: 'import', files: ['/d/a.csv'] }],
    ]);
  });
});

describe('registration', () => {
  it('can be undone', () => {
    const local = {
      handlers: new Map<string, unknown>(),
      handle(c: string, h: unknown) {
        this.handlers.set(c, h);
      },
      removeHandler(c: string) {
        this.handlers.delete(c);
      },
    };
    const stop = transport.registerIpcTransport(local as never, RENDERER);
    expect(local.handlers.has(API_CHANNEL)).toBe(true);
    stop();
    expect(local.handlers.has(API_CHANNEL)).toBe(false);
  });
});
