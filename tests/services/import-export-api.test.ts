// The issue-5 API calls through the router (as both transports dispatch them) and the browser host's
// download route: chunked uploads, input checks with messages a user can act on, exports offered for
// download only with the host's token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/api/export-types';
import type { FilePreview, UploadResult } from '../../src/api/import-wizard-types';
import type { JobStatus } from '../../src/api/types';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { findDownload } from '../../src/services/export/downloads';
import { startWebHost, type WebHost } from '../../src/web-host/web-host';
import { demoProject, tempDirectory } from '../helpers/project-fixtures';

describe('import and export over the API', () => {
  const directory = tempDirectory();
  let session: ApiSession;
  let host: WebHost;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await session.router.dispatch(method, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    session = openApiSession(demoProject(directory.path), 'api');
    host = await startWebHost({ router: session.router, staticDir: directory.path, downloads: findDownload });
  });
  afterAll(async () => {
    await host.close();
    await session.close();
    directory.remove();
  });

  it('receives a dropped file in chunks, in order only, and inspects it', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../fixtures/import/ruddock-2012-assays.csv'));
    const half = Math.floor(bytes.length / 2);
    const first = await call<UploadResult>('import.upload', {
      name: '../../etc/ruddock assays.csv',
      offset: 0,
      data: bytes.subarray(0, half).toString('base64'),
      done: false,
    });
    expect(first.path).toMatch(/ruddock assays\.csv$/);
    expect(first.path).not.toContain('..');
    const wrong = await session.router.dispatch('import.upload', {
      uploadId: first.uploadId,
      name: 'x',
      offset: half + 1,
      data: '',
      done: true,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'refused' } });
    const last = await call<UploadResult>('import.upload', {
      uploadId: first.uploadId,
      name: 'x',
      offset: half,
      data: bytes.subarray(half).toString('base64'),
      done: true,
    });
    expect(last).toMatchObject({ complete: true, received: bytes.length });
    expect(readFileSync(last.path)).toEqual(bytes);
    const preview = await call<FilePreview>('import.inspect', { path: last.path });
    expect(preview).toMatchObject({
      kind: 'assays',
      delimiter: ';',
      decimalComma: true,
      encoding: 'windows-1252',
    });
    expect(preview.assayColumns.find((column) => column.header === 'Zn_pct')?.texts).toContainEqual({
      text: 'ND',
      count: 1,
      flag: 'invalid',
    });
  });

  it('refuses bad input with messages that say what to do', async () => {
    const leapfrogXlsx = await session.router.dispatch('export.start', {
      target: { kind: 'leapfrog' },
      format: 'xlsx',
    });
    expect(leapfrogXlsx).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(leapfrogXlsx)).toContain('choose CSV');
    const badCode = await session.router.dispatch('import.start', {
      files: [{ kind: 'assays', path: '/x.csv' }],
      resultCodes: { ND: 'zero' },
    });
    expect(JSON.stringify(badCode)).toContain('A code means one of bdl, odl, ns, is, missing');
    const missing = await session.router.dispatch('import.inspect', {
      path: join(directory.path, 'nope.csv'),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'import-failed' } });
    expect(JSON.stringify(missing)).toContain('nope.csv does not exist');
  });

  it('exports as a job and offers the file for download with the token only', async () => {
    const started = await call<JobStatus>('export.start', {
      target: { kind: 'table', table: 'holes' },
      format: 'xlsx',
    });
    const done = (await session.jobs.wait(started.id)) as JobStatus<ExportResult>;
    expect(done.state).toBe('done');
    const result = done.result!;
    expect(result.name).toMatch(/^ruddock-creek-lower-e-zone-demo-holes-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(result.rows).toEqual({ holes: 76 });
    const url = `http://127.0.0.1:${host.port}/download/${result.downloadId}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    // The page's cookie, as the browser gets it when it opens the printed address.
    const opened = await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(
      await fetch(url, { headers: { cookie: `drillbench-token=${host.token}` } }).then((r) => r.status),
    ).toBe(401);
    const allowed = await fetch(url, { headers: { cookie } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-disposition')).toContain(result.name);
    expect(
      Buffer.from(await allowed.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(
      (
        await fetch(`http://127.0.0.1:${host.port}/download/unknown`, {
          headers: { cookie },
        })
      ).status,
    ).toBe(404);

    const set = await call<JobStatus>('export.start', { target: { kind: 'leapfrog' }, format: 'csv' });
    const zipped = (await session.jobs.wait(set.id)) as JobStatus<ExportResult>;
    expect(zipped.result).toMatchObject({ format: 'zip' });
    expect(zipped.result!.name).toMatch(/leapfrog-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(findDownload(zipped.result!.downloadId!)?.path).toBe(zipped.result!.path);

    const existing = join(directory.path, 'already.csv');
    await call('export.start', {
      target: { kind: 'table', table: 'analytes' },
      format: 'csv',
      path: existing,
    }).then((job) => session.jobs.wait((job as JobStatus).id));
    const again = await session.router.dispatch('export.start', {
      target: { kind: 'table', table: 'analytes' },
      format: 'csv',
      path: existing,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
  });
});
