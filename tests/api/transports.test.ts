// One router, two transports: the same calls give the same typed results directly, over the browser
// host's HTTP endpoint and over the Electron IPC handler; untrusted callers are refused by each.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client';
import { ApiCallError, type ApiResult } from '../../src/api/result';
import { attachRouter, handleApiCall } from '../../src/main/ipc-transport';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { startWebHost, type WebHost } from '../../src/web-host/web-host';
import { tempFolder } from '../helpers/temp-project';

const sessions: ApiSession[] = [];
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const session of sessions.splice(0)) await session.close();
});

function demoSession(): ApiSession {
  const folder = tempFolder();
  const project = writeDemoProject(join(folder, 'demo.drillbench'), 'tester');
  const session = openApiSession(project, 'api', 'tester');
  sessions.push(session);
  return session;
}

async function webHost(session: ApiSession): Promise<WebHost> {
  const staticDir = tempFolder();
  writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
  const host = await startWebHost({ router: session.router, staticDir });
  hosts.push(host);
  return host;
}

function http(host: WebHost, headers: Record<string, string> = { 'X-Drillbench-Token': host.token }) {
  return async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

const RENDERER = 'file:///opt/drillbench/resources/app.asar/out/renderer/index.html';

function ipc(session: ApiSession, senderUrl: string | null, contentsId = 7) {
  attachRouter(contentsId, session.router);
  return (method: string, input: unknown) =>
    handleApiCall(
      {
        senderFrame: senderUrl === null ? null : ({ url: senderUrl } as never),
        sender: { id: contentsId } as never,
      },
      RENDERER,
      method,
      input,
    );
}

describe('the API over both transports', () => {
  it('answers the same calls with the same results', async () => {
    const session = demoSession();
    const host = await webHost(session);
    const calls: [string, unknown][] = [
      ['project.info', {}],
      [
        'table.page',
        {
          table: 'samples',
          offset: 10,
          limit: 5,
          sort: [{ column: 'depth_to', direction: 'desc' }],
          holeId: 'EUG-11-083',
        },
      ],
      ['validation.summary', {}],
      ['lookups.list', { list: 'lithology' }],
    ];
    for (const [method, input] of calls) {
      const direct = await session.router.dispatch(method, input);
      expect(direct.ok).toBe(true);
      expect(await http(host)(method, input)).toEqual(JSON.parse(JSON.stringify(direct)));
      expect(await ipc(session, RENDERER)(method, input)).toEqual(direct);
    }
  });

  it('the typed client returns values and throws errors a user can act on', async () => {
    const session = demoSession();
    const host = await webHost(session);
    const client = createApiClient((method, input) => http(host)(method, input));
    const page = await client['table.page']({ table: 'holes', offset: 0, limit: 3 });
    expect(page.total).toBe(76);
    expect(page.rows.map((row) => (row as { hole_id: string }).hole_id)).toEqual([
      'EUG-10-033',
      'EUG-10-034',
      'EUG-10-035',
    ]);
    const failure = await client['table.page']({ table: 'holes', offset: -1, limit: 0 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiCallError);
    expect((failure as ApiCallError).error.code).toBe('invalid-input');
    expect((failure as ApiCallError).error.details?.map((d) => d.where)).toEqual(['offset', 'limit']);
    const refused = await client['table.page']({
      table: 'holes',
      offset: 0,
      limit: 1,
      sort: [{ column: 'password', direction: 'asc' }],
    }).catch((e: unknown) => e);
    expect((refused as ApiCallError).error).toMatchObject({
      code: 'refused',
      message: 'The holes table has no column "password" to sort or filter by.',
    });
  });

  it('refuses callers without the token, from another origin, or from a frame that is not ours', async () => {
    const session = demoSession();
    const host = await webHost(session);
    expect(await http(host, {})('project.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await http(host, { 'X-Drillbench-Token': 'x'.repeat(48) })('project.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(
      await http(host, { 'X-Drillbench-Token': host.token, Origin: 'http://evil.example' })(
        'project.info',
        {},
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await ipc(session, 'https://evil.example/')('project.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await ipc(session, 'file:///tmp/other.html')('project.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await ipc(session, null)('project.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await ipc(session, RENDERER, 99)('project.info', {})).toMatchObject({ ok: true });
    expect(await session.router.dispatch('project.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('imports through the API and reports a malformed file without writing', async () => {
    const session = demoSession();
    const folder = tempFolder();
    const good = join(folder, 'collars.csv');
    writeFileSync(good, 'hole_id,x,y,z\nNEW-001,1,2,3\n');
    const bad = join(folder, 'assays.csv');
    writeFileSync(bad, 'hole_id,from,to,Zn_pct\nNEW-001,0,1,"2\n');
    const host = await webHost(session);
    const imported = await http(host)('import.run', { files: [{ kind: 'collars', path: good }] });
    expect(imported).toMatchObject({ ok: true, value: { counts: { holes: 1 } } });
    const failed = await http(host)('import.run', { files: [{ kind: 'assays', path: bad }] });
    expect(failed).toMatchObject({ ok: false, error: { code: 'import-failed' } });
    expect((failed as { error: { message: string } }).error.message).toMatch(
      /assays.csv: Line 2: a quoted field is never closed.*Nothing was imported/,
    );
    const info = await session.router.dispatch('project.info', {});
    expect(info).toMatchObject({ ok: true, value: { counts: { holes: 77, samples: 1467 } } });
  });

  it('runs whole-project validation as a background job with progress', async () => {
    const session = demoSession();
    const started = await session.router.dispatch('validation.start', {});
    expect(started).toMatchObject({ ok: true, value: { state: 'running', kind: 'validate' } });
    const id = (started as { value: { id: string } }).value.id;
    const finished = await session.jobs.wait(id);
    expect(finished).toMatchObject({ state: 'done', result: { holes: 76 } });
    expect(await session.router.dispatch('jobs.status', { id })).toMatchObject({
      ok: true,
      value: { state: 'done' },
    });
    expect(await session.router.dispatch('jobs.status', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
