// The project lock: one drillbench per project file across processes, with a clear message naming the
// holder, stale locks of dead processes taken over, and a holder's lock never removed by anyone else.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireProjectLock,
  canonicalProjectPath,
  lockPathFor,
  ProjectInUseError,
  readProjectLock,
  type LockEnvironment,
} from '../../src/services/system/project-lock';

let directory: string;
let project: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-lock-'));
  project = join(directory, 'camp.drillbench');
  writeFileSync(project, 'not opened by these tests');
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

function env(overrides: Partial<LockEnvironment> = {}): LockEnvironment {
  return {
    pid: 4242,
    host: 'core-shack',
    user: 'geologist',
    now: () => new Date('2025-06-01T08:00:00Z'),
    isAlive: () => true,
    ...overrides,
  };
}

function catchInUse(run: () => unknown): ProjectInUseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProjectInUseError) return error;
    throw error;
  }
  throw new Error('expected ProjectInUseError');
}

describe('acquireProjectLock', () => {
  it('writes who holds the project beside it and removes it on release', () => {
    const lock = acquireProjectLock(project, 'desktop', { env: env() });
    expect(lock.lockPath).toBe(`${canonicalProjectPath(project)}.lock`);
    const holder = readProjectLock(project);
    expect(holder).toMatchObject({
      app: 'drillbench',
      pid: 4242,
      host: 'core-shack',
      user: 'geologist',
      purpose: 'desktop',
    });
    expect(holder?.since).toBe('2025-06-01T08:00:00.000Z');
    lock.release();
    expect(existsSync(lock.lockPath)).toBe(false);
    lock.release();
    // Free again: the next one gets it.
    acquireProjectLock(project, 'desktop', { env: env() }).release();
  });

  it('refuses a second holder with a message naming the first', () => {
    const first = acquireProjectLock(project, 'web', { env: env({ pid: 100 }) });
    const error = catchInUse(() => acquireProjectLock(project, 'desktop', { env: env({ pid: 200 }) }));
    expect(error.holderAlive).toBe(true);
    expect(error.holder?.pid).toBe(100);
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(
      /camp\.drillbench is already open in another drillbench: geologist on core-shack \(drillbench web, process 100/,
    );
    expect(error.message).toMatch(/Close it there first/);
    // force does not override a live holder on this machine.
    expect(() => acquireProjectLock(project, 'desktop', { env: env({ pid: 200 }), force: true })).toThrow(
      ProjectInUseError,
    );
    first.release();
  });

  it('takes over the lock of a process on this machine that no longer runs', () => {
    acquireProjectLock(project, 'desktop', { env: env({ pid: 100 }) });
    const lock = acquireProjectLock(project, 'desktop', {
      env: env({ pid: 200, isAlive: (pid) => pid !== 100 }),
    });
    expect(readProjectLock(project)?.pid).toBe(200);
    lock.release();
  });

  it('cannot check a holder on another machine: refuses, says how to recover, and force takes over', () => {
    acquireProjectLock(project, 'desktop', { env: env({ host: 'field-laptop', pid: 7 }) });
    const error = catchInUse(() => acquireProjectLock(project, 'desktop', { env: env() }));
    expect(error.holderAlive).toBe(false);
    expect(error.message).toMatch(/marked as open by geologist on field-laptop/);
    expect(error.message).toContain(`delete ${lockPathFor(project)}`);
    const lock = acquireProjectLock(project, 'desktop', { env: env(), force: true });
    expect(readProjectLock(project)?.host).toBe('core-shack');
    lock.release();
  });

  it('waits for a lock file being written, and takes over one left unreadable', () => {
    const lockPath = lockPathFor(project);
    writeFileSync(lockPath, '');
    const now = Date.now();
    const fresh = catchInUse(() =>
      acquireProjectLock(project, 'desktop', { env: env({ now: () => new Date(now) }) }),
    );
    expect(fresh.holder).toBeNull();
    expect(fresh.message).toMatch(/being opened by another drillbench right now/);
    const old = new Date(now - 60_000);
    utimesSync(lockPath, old, old);
    const lock = acquireProjectLock(project, 'desktop', { env: env({ now: () => new Date(now) }) });
    expect(readProjectLock(project)?.pid).toBe(4242);
    lock.release();
  });

  it('never removes a lock that is no longer its own', () => {
    const lock = acquireProjectLock(project, 'desktop', { env: env() });
    const replaced = { ...readProjectLock(project), token: 'someone-else' };
    writeFileSync(lock.lockPath, JSON.stringify(replaced));
    lock.release();
    expect(readProjectLock(project)?.token).toBe('someone-else');
  });

  it('gives one file one lock however it is named', () => {
    mkdirSync(join(directory, 'sub'));
    const link = join(directory, 'shortcut.drillbench');
    symlinkSync(project, link);
    const lock = acquireProjectLock(join(directory, 'sub', '..', 'camp.drillbench'), 'desktop', {
      env: env({ pid: 1 }),
    });
    expect(() => acquireProjectLock(link, 'desktop', { env: env({ pid: 2 }) })).toThrow(ProjectInUseError);
    expect(lockPathFor(link)).toBe(lock.lockPath);
    lock.release();
  });

  it('explains an unwritable folder', () => {
    const missing = join(directory, 'no-such-folder', 'camp.drillbench');
    expect(() => acquireProjectLock(missing, 'desktop', { env: env() })).toThrow(
      /cannot write .*The project's folder must be writable/,
    );
  });
});

describe('locks between real processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  function startHolder(mode: 'hold' | 'exit'): Promise<{ child: ChildProcess; line: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'lock-holder-child.ts'), project, mode],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    return new Promise((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n')[0];
        if (output.includes('\n') && line !== undefined) resolve({ child, line });
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        if (!output.includes('\n')) reject(new Error(`child exited ${code}: ${output}`));
      });
    });
  }

  it('refuses while another process holds the project and takes over after it is killed', async () => {
    const { child, line } = await startHolder('hold');
    expect(line).toBe('locked');
    const error = catchInUse(() => acquireProjectLock(project, 'desktop'));
    expect(error.holder?.pid).toBe(child.pid);
    expect(error.holderAlive).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // SIGKILL leaves the lock file behind: it is stale now.
    expect(existsSync(lockPathFor(project))).toBe(true);
    const lock = acquireProjectLock(project, 'desktop');
    expect(readProjectLock(project)?.pid).toBe(process.pid);
    lock.release();
  });

  it('is released when the holding process exits normally', async () => {
    const { child, line } = await startHolder('exit');
    expect(line).toBe('locked');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    expect(existsSync(lockPathFor(project))).toBe(false);
  });

  it('lets exactly one of several processes racing for a free or stale lock win', async () => {
    for (const stale of [false, true]) {
      if (stale) {
        rmSync(lockPathFor(project), { force: true });
        writeFileSync(
          lockPathFor(project),
          JSON.stringify({
            app: 'drillbench',
            pid: 2 ** 22 + 12345,
            host: (await import('node:os')).hostname(),
            token: 'dead',
          }),
        );
      }
      const results = await Promise.all([1, 2, 3, 4].map(() => startHolder('hold')));
      const winners = results.filter((result) => result.line === 'locked');
      expect(winners, stale ? 'stale lock' : 'free lock').toHaveLength(1);
      expect(results.filter((result) => result.line === 'in-use')).toHaveLength(3);
      expect(readProjectLock(project)?.pid).toBe(winners[0]?.child.pid);
      for (const result of results) result.child.kill('SIGKILL');
      await Promise.all(
        results.map(
          (result) =>
            new Promise((resolve) =>
              result.child.exitCode !== null || result.child.signalCode !== null
                ? resolve(null)
                : result.child.once('exit', resolve),
            ),
        ),
      );
    }
    expect(JSON.parse(readFileSync(lockPathFor(project), 'utf8')).token).not.toBe('dead');
  });
});
