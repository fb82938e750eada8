// The desktop app's project host is an Electron utility process: a stand-in for utilityProcess.fork
// records how it is started (the built entry, a service name, an environment of strings only) and
// plays the child's messages and exit, through the same client the windows use.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ToHost } from '../../src/services/host/host-protocol';
import { ProjectHostClient } from '../../src/services/host/project-host-client';
import { hostEnvironment, startUtilityHost, type UtilityFork } from '../../src/main/utility-host';

class StandInUtilityProcess extends EventEmitter {
  posted: ToHost[] = [];
  kills = 0;
  pid: number | undefined = 321;
  postMessage(message: ToHost) {
    this.posted.push(message);
  }
  kill() {
    this.kills++;
    return true;
  }
}

function standInFork() {
  const started: { modulePath: string; args: unknown; options: unknown }[] = [];
  const children: StandInUtilityProcess[] = [];
  const fork = ((modulePath: string, args: unknown, options: unknown) => {
    started.push({ modulePath, args, options });
    const child = new StandInUtilityProcess();
    children.push(child);
    return child;
  }) as unknown as UtilityFork;
  return { fork, started, children };
}

describe('the utility-process project host', () => {
  it('is forked from the built entry with a service name and an environment of strings', () => {
    const { fork, started } = standInFork();
    startUtilityHost(fork, '/app/out/main/project-host.js', 'drillbench project', {
      HOME: '/home/geo',
      UNSET: undefined,
    });
    expect(started).toEqual([
      {
        modulePath: '/app/out/main/project-host.js',
        args: [],
        options: { serviceName: 'drillbench project', stdio: 'inherit', env: { HOME: '/home/geo' } },
      },
    ]);
    expect(hostEnvironment({ A: 'x', B: undefined })).toEqual({ A: 'x' });
  });

  it('carries calls and answers, and reports a crash once with its exit code', async () => {
    const { fork, children } = standInFork();
    const exits: unknown[] = [];
    const client = new ProjectHostClient(startUtilityHost(fork, '/m.js', 'p', {}), {
      onStopped: (exit) => exits.push(exit),
    });
    const child = children[0]!;
    const call = client.router.dispatch('project.info', {});
    child.emit('message', { type: 'ready', pid: 321 });
    expect(child.posted).toEqual([{ type: 'call', id: 1, method: 'project.info', input: {} }]);
    child.emit('message', { type: 'result', id: 1, result: { ok: true, value: 'info' } });
    expect(await call).toEqual({ ok: true, value: 'info' });

    const waiting = client.router.dispatch('table.paste', {});
    child.emit('exit', 11);
    expect(await waiting).toMatchObject({
      ok: false,
      error: { message: /stopped \(it ended with exit code 11\)/ },
    });
    expect(exits).toEqual([{ code: 11, signal: null }]);
    // Nothing is posted to, or killed in, a process that has gone.
    await client.close();
    expect(child.posted.map((message) => message.type)).toEqual(['call', 'call']);
    expect(child.kills).toBe(0);
  });

  it('is ended after it closed the project', async () => {
    const { fork, children } = standInFork();
    const client = new ProjectHostClient(startUtilityHost(fork, '/m.js', 'p', {}));
    const child = children[0]!;
    child.emit('message', { type: 'ready', pid: 321 });
    const closing = client.close();
    expect(child.posted).toEqual([{ type: 'close', id: 1 }]);
    child.emit('message', { type: 'closed', id: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(child.kills).toBe(1);
    child.emit('exit', 0);
    expect(await closing).toEqual({ code: 0, signal: null });
  });
});
