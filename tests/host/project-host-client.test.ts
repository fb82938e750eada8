// The parent's side of the host protocol against a scripted stand-in process: messages wait for the
// host to be ready, desktop requests are answered only from the list, an unexpected end answers every
// call with the stopped message (once), and closing ends a host that does not answer.
import { describe, expect, it } from 'vitest';
import type { DesktopShell } from '../../src/services/desktop/desktop-shell';
import type { FromHost, HostExit, ToHost } from '../../src/services/host/host-protocol';
import { ProjectHostClient, type HostProcess } from '../../src/services/host/project-host-client';

function standIn() {
  const sent: ToHost[] = [];
  let deliver: (message: FromHost) => void = () => undefined;
  let end: (exit: HostExit) => void = () => undefined;
  let kills = 0;
  const process: HostProcess = {
    post: (message) => sent.push(message),
    onMessage: (listener) => {
      deliver = listener;
    },
    onExit: (listener) => {
      end = listener;
    },
    kill: () => {
      kills++;
      end({ code: null, signal: 'SIGTERM' });
    },
  };
  return {
    process,
    sent,
    from: (message: FromHost) => deliver(message),
    exit: (exit: HostExit) => end(exit),
    kills: () => kills,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ProjectHostClient', () => {
  it('holds messages until the host is ready, then sends them in order and matches the replies by id', async () => {
    const host = standIn();
    const client = new ProjectHostClient(host.process);
    const first = client.call('project.info', {});
    const second = client.call('holes.ids', {});
    expect(host.sent).toEqual([]);
    host.from({ type: 'ready', pid: 4242 });
    expect(client.hostPid).toBe(4242);
    expect(host.sent).toEqual([
      { type: 'call', id: 1, method: 'project.info', input: {} },
      { type: 'call', id: 2, method: 'holes.ids', input: {} },
    ]);
    host.from({ type: 'result', id: 2, result: { ok: true, value: ['A'] } });
    host.from({ type: 'result', id: 1, result: { ok: true, value: 'info' } });
    expect(await first).toEqual({ ok: true, value: 'info' });
    expect(await second).toEqual({ ok: true, value: ['A'] });
  });

  it('answers desktop requests from the shell, and refuses a method that is not on the list', async () => {
    const host = standIn();
    const folders: string[] = [];
    const shell = {
      chooseFolder: async (options: { title: string }) => {
        folders.push(options.title);
        return '/chosen';
      },
      ask: async () => {
        throw new Error('No window to ask in.');
      },
      exit: () => 'must never run',
    } as unknown as DesktopShell;
    const client = new ProjectHostClient(host.process, { desktop: shell });
    host.from({ type: 'ready', pid: 1 });
    host.from({ type: 'desktop', id: 7, request: { method: 'chooseFolder', args: [{ title: 'Pick' }] } });
    host.from({
      type: 'desktop',
      id: 8,
      request: { method: 'exit', args: [] } as unknown as Extract<FromHost, { type: 'desktop' }>['request'],
    });
    host.from({
      type: 'desktop',
      id: 9,
      request: { method: 'ask', args: [{ message: '?', buttons: ['OK'], cancelId: 0 }] },
    });
    await tick();
    expect(folders).toEqual(['Pick']);
    // Each reply goes out when its answer is ready; the ids pair them with the requests.
    expect([...host.sent].sort((a, b) => a.id - b.id)).toEqual([
      { type: 'desktop-reply', id: 7, outcome: { ok: true, value: '/chosen' } },
      {
        type: 'desktop-reply',
        id: 8,
        outcome: { ok: false, message: 'exit needs the drillbench desktop app.' },
      },
      { type: 'desktop-reply', id: 9, outcome: { ok: false, message: 'No window to ask in.' } },
    ]);
    client.desktop = undefined;
    host.from({ type: 'desktop', id: 10, request: { method: 'chooseFolder', args: [{ title: 'Again' }] } });
    await tick();
    expect(host.sent.at(-1)).toEqual({
      type: 'desktop-reply',
      id: 10,
      outcome: { ok: false, message: 'chooseFolder needs the drillbench desktop app.' },
    });
  });

  it('answers every waiting and later call when the host ends unasked, and says so once', async () => {
    const host = standIn();
    const stopped: HostExit[] = [];
    const client = new ProjectHostClient(host.process, { onStopped: (exit) => stopped.push(exit) });
    host.from({ type: 'ready', pid: 1 });
    const waiting = client.call('table.paste', {});
    const opening = client.open({
      path: '/p.drillbench',
      purpose: 'desktop',
      force: false,
      source: 'grid',
      osUser: 'u',
      desktop: true,
    });
    host.exit({ code: 134, signal: null });
    const message =
      "drillbench's process for this project stopped (it ended with exit code 134). The project file is safe: every change is written in one transaction, so it holds each change that was confirmed and nothing half-written. Reopen the project to carry on.";
    expect(await waiting).toEqual({ ok: false, error: { code: 'internal', message } });
    expect(await opening).toEqual({ ok: false, error: { code: 'internal', message } });
    expect(await client.call('project.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message },
    });
    expect(stopped).toEqual([{ code: 134, signal: null }]);
    expect(client.stopped).toBe(true);
    await client.close();
    expect(host.kills()).toBe(0);
  });

  it('closes: asks the host, then ends it, without calling that a stop', async () => {
    const host = standIn();
    const stopped: HostExit[] = [];
    const client = new ProjectHostClient(host.process, { onStopped: (exit) => stopped.push(exit) });
    host.from({ type: 'ready', pid: 1 });
    const closing = client.close();
    expect(host.sent).toEqual([{ type: 'close', id: 1 }]);
    host.from({ type: 'closed', id: 1 });
    expect(await closing).toEqual({ code: null, signal: 'SIGTERM' });
    expect(host.kills()).toBe(1);
    expect(stopped).toEqual([]);
    expect((await client.call('project.info', {})).ok).toBe(false);
  });

  it('ends a host that does not answer the close in time', async () => {
    const host = standIn();
    const client = new ProjectHostClient(host.process, { closeTimeoutMs: 5 });
    host.from({ type: 'ready', pid: 1 });
    expect(await client.close()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(host.kills()).toBe(1);
  });
});
