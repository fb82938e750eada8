// The project host under plain Node, as the desktop app runs it in a utility process: the real module
// in a child process, real API calls over its message channel on real project files. Its results are
// the router's own; the parent's event loop stays free while a 100,000-cell paste runs (its timers fire
// and another project answers meanwhile); jobs report progress and cancel; the lock names the host.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/api/import-types';
import type { JobStatus, Page } from '../../src/api/types';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { lockPathFor, readProjectLock } from '../../src/services/system/project-lock';
import { forkHostProcess } from '../../src/services/host/node-host-process';
import { ProjectHostClient } from '../../src/services/host/project-host-client';
import { closeProject, openProject } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { newProject, tempDirectory } from '../helpers/project-fixtures';
import { bigPaste, closeHosts, demoCopy, HOLE_VIEW, openRequest, startHost, value } from './host-fixtures';

const directory = tempDirectory();
const sessions: ApiSession[] = [];
afterEach(async () => {
  await closeHosts();
  for (const session of sessions.splice(0)) await session.close();
});
afterAll(() => directory.remove());

let folders = 0;
/** A fresh folder per project, so two copies can share a file name and compare equal. */
function folder(): string {
  const path = join(directory.path, `p${++folders}`);
  mkdirSync(path);
  return path;
}

const copyIn = (name = 'demo') => demoCopy(folder(), name);

function emptyProject(name: string): string {
  const project = newProject(folder(), name);
  closeProject(project);
  return project.path;
}

function directSession(path: string): ApiSession {
  const session = openApiSession(openProject(path), 'grid', 'tester');
  sessions.push(session);
  return session;
}

/** A result with the project's own folder taken out, so two copies in two folders compare equal. */
function portable(result: unknown, path: string): unknown {
  const folderOf = path.slice(0, path.lastIndexOf('/'));
  return JSON.parse(JSON.stringify(result).split(folderOf).join('<folder>'));
}

async function poll(
  call: () => Promise<JobStatus>,
  until: (status: JobStatus) => boolean,
): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (;;) {
    const status = await call();
    seen.push(status);
    if (until(status)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the project host', () => {
  it('answers calls with the results the router gives in this process, errors included', async () => {
    const viaHost = copyIn();
    const inProcess = copyIn();
    const { client } = await startHost(viaHost);
    const direct = directSession(inProcess);
    const end = value<Page<unknown>>(await direct.router.dispatch('table.page', HOLE_VIEW)).total;
    const calls: [string, unknown][] = [
      ['project.info', {}],
      [
        'table.page',
        { table: 'samples', sort: [{ column: 'analyte:Zn', direction: 'desc' }], offset: 5, limit: 50 },
      ],
      ['validation.summary', {}],
      ['table.paste', bigPaste(end)],
      ['table.page', { ...HOLE_VIEW, offset: end, limit: 100 }],
      ['project.status', {}],
      ['edit.undo', {}],
      ['holes.ids', {}],
      ['table.paste', { ...bigPaste(0, 1), anchorRowId: 987654 }],
      ['table.page', { table: 'nowhere' }],
      ['no.such.call', {}],
    ];
    for (const [method, input] of calls) {
      const hosted = await client.router.dispatch(method, input);
      const local = await direct.router.dispatch(method, input);
      expect(portable(hosted, viaHost), method).toEqual(portable(local, inProcess));
    }
    expect(value(await client.router.dispatch('project.status', {}))).toMatchObject({
      counts: {
        samples: value<{ counts: { samples: number } }>(await direct.router.dispatch('project.status', {}))
          .counts.samples,
      },
    });
  });

  it("keeps the parent's event loop free during a 100,000-cell paste: its timers run and another project answers meanwhile", async () => {
    const busy = await startHost(copyIn('busy'));
    const other = await startHost(copyIn('other'));
    const end = value<Page<unknown>>(await busy.client.router.dispatch('table.page', HOLE_VIEW)).total;
    const events: string[] = [];
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const pasted = busy.client.router.dispatch('table.paste', bigPaste(end)).then((result) => {
      events.push(
        turns >= 3 ? 'paste answered after the timer ran' : `paste answered after ${turns} timer turns`,
      );
      return result;
    });
    await other.client.router.dispatch('project.info', {});
    events.push('the other project answered');
    const result = await pasted;
    clearInterval(timer);
    expect(value(result)).toMatchObject({ applied: true, cells: 100_000, newRows: 20_000 });
    expect(events).toEqual(['the other project answered', 'paste answered after the timer ran']);
  });

  it('(control) the same paste on the router in this process runs no timer of the parent until it is done', async () => {
    const direct = directSession(copyIn());
    const end = value<Page<unknown>>(await direct.router.dispatch('table.page', HOLE_VIEW)).total;
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const result = await direct.router.dispatch('table.paste', bigPaste(end));
    clearInterval(timer);
    expect(value(result)).toMatchObject({ applied: true, cells: 100_000 });
    expect(turns).toBe(0);
  });

  it('imports synchronously (import.run) with the same summary as in this process', async () => {
    const viaHost = emptyProject('tom');
    const inProcess = emptyProject('tom');
    const { client } = await startHost(viaHost);
    const direct = directSession(inProcess);
    const request = {
      files: [
        { kind: 'collars', path: join(DATASETS, 'tom_zone/collar.csv') },
        { kind: 'surveys', path: join(DATASETS, 'tom_zone/survey.csv') },
      ],
    };
    const hosted = value<ImportSummary>(await client.router.dispatch('import.run', request));
    expect(hosted.counts).toMatchObject({ holes: 273, surveys: 7687 });
    const local = value<ImportSummary>(await direct.router.dispatch('import.run', request));
    expect(portable({ ...hosted, ms: 0 }, viaHost)).toEqual(portable({ ...local, ms: 0 }, inProcess));
  });

  it('runs a background import with progress, and cancels one that nothing is left of', async () => {
    const path = emptyProject('jobs');
    const { client } = await startHost(path);
    const status = (id: string) =>
      client.router.dispatch('jobs.status', { id }).then((r) => value<JobStatus>(r));

    const collars = value<JobStatus>(
      await client.router.dispatch('import.start', {
        files: [{ kind: 'collars', path: join(DATASETS, 'tom_zone/collar.csv') }],
      }),
    );
    const finished = await poll(
      () => status(collars.id),
      (s) => s.state !== 'running',
    );
    expect(finished.at(-1)).toMatchObject({ state: 'done', error: null, result: { counts: { holes: 273 } } });

    const csv = join(folder(), 'assays.csv');
    const lines = ['hole_id,from,to,sample_id,Cu_pct'];
    for (let i = 0; i < 300_000; i++) lines.push(`MP20-001,${i},${i + 1},S${i},${(i % 97) / 10}`);
    writeFileSync(csv, lines.join('\n'));
    const big = value<JobStatus>(
      await client.router.dispatch('import.start', { files: [{ kind: 'assays', path: csv }] }),
    );
    const progressing = await poll(
      () => status(big.id),
      (s) => s.state !== 'running' || s.progress.done > 0,
    );
    expect(progressing.at(-1)?.state).toBe('running');
    expect(value<JobStatus>(await client.router.dispatch('jobs.cancel', { id: big.id })).id).toBe(big.id);
    const ended = await poll(
      () => status(big.id),
      (s) => s.state !== 'running',
    );
    expect(ended.at(-1)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(value(await client.router.dispatch('project.info', {}))).toMatchObject({ counts: { samples: 0 } });
  });

  it('holds the lock in its own process, refuses a second host, and releases it on close', async () => {
    const path = copyIn();
    const first = await startHost(path);
    expect(first.client.hostPid).toBeDefined();
    expect(first.client.hostPid).not.toBe(process.pid);
    expect(readProjectLock(path)).toMatchObject({ pid: first.client.hostPid, purpose: 'desktop' });

    const other = new ProjectHostClient(forkHostProcess());
    const second = await other.open(openRequest(path));
    await other.close();
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' }, inUse: { holderAlive: true } });

    const exit = await first.client.close();
    expect(exit.code === 0 || exit.signal !== null).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('creates a new project under its lock (File > New Project), and never over an existing file', async () => {
    const path = join(folder(), 'new camp.drillbench');
    const create = { name: 'New camp', length_unit: 'ft' as const, dip_convention: 'negative-down' as const };
    const { client } = await startHost(path, { request: { create } });
    expect(readProjectLock(path)).toMatchObject({ pid: client.hostPid });
    expect(value(await client.router.dispatch('project.info', {}))).toMatchObject({
      settings: { name: 'New camp', length_unit: 'ft' },
      counts: { holes: 0 },
    });
    await client.close();
    const again = new ProjectHostClient(forkHostProcess());
    const refused = await again.open(openRequest(path, { create }));
    await again.close();
    expect(refused).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('runs the same module in a worker thread', async () => {
    const path = copyIn();
    const { client } = await startHost(path, { worker: true });
    expect(value(await client.router.dispatch('holes.ids', {}))).toContain('EUG-10-033');
    await client.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});
