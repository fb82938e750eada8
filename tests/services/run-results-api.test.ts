// What the app's run screens read and download, through the router both transports use, on a real demo
// project: results pages carry their columns in people's words beside the file's names; runs.export
// without a path writes a temporary file offered for download (as export.start does); a report without
// a plane leaves true thickness empty in CSV and XLSX instead of writing "-" (which the formula guard
// turned into "'-").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, RunInfo, RunPage } from '../../src/api/compositing-types';
import type { ApiResult } from '../../src/api/result';
import type { JobStatus } from '../../src/api/types';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { findDownload } from '../../src/services/export/downloads';

let directory: string;
let session: ApiSession;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-run-results-'));
  session = openApiSession(writeDemoProject(join(directory, 'demo.drillbench'), 'tester'), 'api', 'tester');
});
afterAll(async () => {
  await session.close();
  rmSync(directory, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await session.router.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown) {
  const result = (await session.router.dispatch(method, input)) as ApiResult<unknown>;
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

async function finished<T>(status: JobStatus): Promise<T> {
  const done = await session.jobs.wait(status.id);
  if (done.state !== 'done') throw new Error(`job ${done.kind} ended ${done.state}: ${done.error?.message}`);
  return done.result as T;
}

/** The release preset without its plane: no true thickness can be estimated. */
const NO_PLANE = { preset: 'lower-e-zone-2011', params: { plane: null } };

describe('run results for the app', () => {
  let intercepts: RunInfo;
  let composites: RunInfo;
  let desurvey: RunInfo;

  beforeAll(async () => {
    intercepts = await finished<RunInfo>(await call<JobStatus>('intercepts.start', NO_PLANE));
    composites = await finished<RunInfo>(
      await call<JobStatus>('composites.start', {
        params: { length: 2, analytes: ['Zn', 'Pb'], holes: ['EUG-11-083'], domains: true },
      }),
    );
    desurvey = await finished<RunInfo>(
      await call<JobStatus>('desurvey.start', { params: { step: 25, holes: ['EUG-11-083'] } }),
    );
  });

  it('labels every results column in people words with units, keeping the file names beside them', async () => {
    const page = await call<RunPage>('runs.get', { id: intercepts.id, limit: 1 });
    expect(page.columns).toEqual([
      'hole_id',
      'kind',
      'from',
      'to',
      'length',
      'true_thickness',
      'angle_to_plane',
      'grade',
      'Zn',
      'Pb',
    ]);
    expect(page.labels).toEqual([
      'Hole',
      'Kind',
      'From (m)',
      'To (m)',
      'Length (m)',
      'True thickness (m)',
      'Angle to plane (deg)',
      'Zn+Pb (%)',
      'Zn (%)',
      'Pb (%)',
    ]);
    expect(page.holes).toBe(15);
    const pieces = await call<RunPage>('runs.get', { id: composites.id, limit: 1 });
    expect(pieces.holes).toBe(1);
    expect(pieces.labels.slice(0, 5)).toEqual([
      'Hole',
      'From (m)',
      'To (m)',
      'Length (m)',
      'Sampled length (m)',
    ]);
    expect(pieces.labels).toContain('Zn (%)');
    expect(pieces.labels).toContain('Pb (%)');
    expect(pieces.labels).toContain('Zn length (m)');
    expect(pieces.labels.at(-1)).toBe('Domain');
    expect(pieces.labels).toHaveLength(pieces.columns.length);
    const stations = await call<RunPage>('runs.get', { id: desurvey.id, limit: 1 });
    expect(stations.labels).toEqual(['Hole', 'Depth (m)', 'Easting (m)', 'Northing (m)', 'Elevation (m)']);
  });

  it('writes an export without a path to a temporary file offered for download', async () => {
    const status = await call<JobStatus>('runs.export', { id: composites.id, format: 'csv' });
    const written = await finished<ExportResult>(status);
    expect(written).toMatchObject({ format: 'csv', content: 'results' });
    expect(written.downloadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(written.name).toMatch(/^ruddock-creek.*-composites-run-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    const download = findDownload(written.downloadId!);
    expect(download).toEqual({ path: written.path, name: written.name });
    expect(basename(written.path)).toBe(written.name);
    const lines = readFileSync(written.path, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffhole_id,from,to,length,sampled_length,Zn,Pb,Zn_length,Pb_length,domain');
    // By lithology: the first piece starts at the first sampled domain (CSG from 48.8 m).
    expect(lines[1]).toMatch(/^EUG-11-083,48\.8,50\.8,2,2,.*,CSG$/);

    // A path still writes there, and says so with no download.
    const chosen = join(directory, 'stations.xlsx');
    const toPath = await finished<ExportResult>(
      await call<JobStatus>('runs.export', { id: desurvey.id, path: chosen }),
    );
    expect(toPath).toMatchObject({ path: chosen, name: 'stations.xlsx', downloadId: null, format: 'xlsx' });

    expect((await failure('runs.export', { id: desurvey.id })).message).toMatch(
      /Give the file to write \(path\), or the format \(csv or xlsx\) to download it/,
    );
    expect(
      (await failure('runs.export', { id: desurvey.id, path: join(directory, 'a.csv'), format: 'xlsx' }))
        .message,
    ).toMatch(/file name and the format disagree/);
    expect(
      (await failure('runs.export', { id: composites.id, format: 'csv', content: 'report' })).message,
    ).toMatch(/only intercept runs have a report/);
  });

  it('leaves true thickness empty in a report without a plane, in CSV and XLSX', async () => {
    const csv = await finished<ExportResult>(
      await call<JobStatus>('runs.export', { id: intercepts.id, format: 'csv', content: 'report' }),
    );
    expect(csv.name).toMatch(/-intercepts-run-\d+-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(csv.path, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffDrill Hole #,From,To,Interval (m),Estimated True Thickness,Zn %,Pb %,Zn+Pb %',
    );
    expect(lines[1]).toBe('EUG-10-033,69.8,78.3,8.5,,10.75,2.08,12.83');
    expect(readFileSync(csv.path, 'utf8')).not.toContain("'-");
    expect(lines).toContain(
      '"Where Estimated True Thickness shows ""-"" (empty in a file): downhole length; true width not known."',
    );

    const xlsx = await finished<ExportResult>(
      await call<JobStatus>('runs.export', { id: intercepts.id, format: 'xlsx', content: 'report' }),
    );
    const [sheet] = await readXlsxFile(xlsx.path);
    const [, , , header, first] = sheet!.data;
    expect(header?.[4]).toBe('Estimated True Thickness');
    expect(first).toEqual(['EUG-10-033', 69.8, 78.3, 8.5, null, 10.75, 2.08, 12.83]);
  });
});
