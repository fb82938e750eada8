// The compositing API over the router both transports use, on a real demo project: jobs started with a
// preset or parameters, checked at once with messages naming the field; runs listed, paged, reported,
// verified and exported; presets saved and deleted with an audit trail; cancel saves nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ExportResult,
  InterceptReport,
  PresetInfo,
  RunInfo,
  RunList,
  RunPage,
  RunVerification,
} from '../../src/api/compositing-types';
import type { ApiResult } from '../../src/api/result';
import type { JobStatus } from '../../src/api/types';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';

let directory: string;
let session: ApiSession;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-api-'));
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

const PRESET = { preset: 'lower-e-zone-2011' };

describe('compositing API', () => {
  let first: RunInfo;

  beforeAll(async () => {
    first = await finished<RunInfo>(await call<JobStatus>('intercepts.start', PRESET));
  });

  it('runs the preset as a job and saves the run with its parameters and data hash', async () => {
    expect(first.kind).toBe('intercepts');
    expect(first.preset).toBe('lower-e-zone-2011');
    expect(first.resultRows).toBe(21);
    expect(first.holesRead).toBe(15);
    expect(first.excluded).toEqual([]);
    expect(first.osUser).toBe('tester');
    expect(first.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.params).toMatchObject({ grade: 'Zn + Pb', cutoff: 5, minGrade: 5, depthDecimals: 1 });
    const list = await call<RunList>('runs.list', { kind: 'intercepts' });
    expect(list.rows.map((r) => r.id)).toContain(first.id);
  });

  it('pages the results as the CSV shows them, and builds the report', async () => {
    const page = await call<RunPage>('runs.get', { id: first.id, offset: 14, limit: 2 });
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
    expect(page.total).toBe(21);
    expect(page.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['EUG-11-083', 55.1, 66.6],
      ['EUG-11-083', 84.2, 100.8],
    ]);
    const report = await call<InterceptReport>('runs.report', { id: first.id });
    expect(report.rows).toHaveLength(21);
    expect(report.rows[15]).toEqual({
      holeId: 'EUG-11-083',
      kind: 'and',
      cells: ['and', '84.2', '100.8', '16.6', '8.4', '14.43', '2.27', '16.70'],
    });
    expect(report.statement).toMatch(/cutoff grade of 5 %/);
  });

  it('merges a preset with explicit parameters, the parameters winning', async () => {
    const run = await finished<RunInfo>(
      await call<JobStatus>('intercepts.start', { ...PRESET, params: { cutoff: 10, holes: ['EUG-11-083'] } }),
    );
    expect(run.params).toMatchObject({ cutoff: 10, minLength: 0.5, maxDilution: 1.5, holes: ['EUG-11-083'] });
    expect(run.preset).toBe('lower-e-zone-2011');
    expect(run.holesRead).toBe(1);
  });

  it('refuses bad parameters at once, naming the field', async () => {
    const typed = await failure('intercepts.start', { params: { grade: 'Zn', cutoff: 'five' } });
    expect(typed.code).toBe('invalid-input');
    expect(typed.details?.[0]).toMatchObject({ where: 'params.cutoff' });
    const negative = await failure('intercepts.start', { ...PRESET, params: { minLength: -1 } });
    expect(negative.message).toMatch(/minimum length cannot be negative/);
    const missing = await failure('intercepts.start', { params: { grade: 'Zn', cutoff: 5 } });
    expect(missing.details?.map((d) => d.where)).toEqual(['minLength', 'maxDilution']);
    const analyte = await failure('intercepts.start', { ...PRESET, params: { grade: 'Zn + Cu' } });
    expect(analyte).toMatchObject({ code: 'invalid-input' });
    expect(analyte.message).toMatch(/Unknown analyte "Cu" at character 6; known analytes: Pb, Zn/);
    const including = await failure('intercepts.start', {
      ...PRESET,
      params: { including: { cutoff: 4, minLength: 1, maxDilution: 0 } },
    });
    expect(including.message).toMatch(/including cutoff \(4\) must be above the cutoff \(5\)/);
    const hole = await failure('intercepts.start', { ...PRESET, params: { holes: ['EUG-99-999'] } });
    expect(hole).toMatchObject({ code: 'not-found' });
    expect(hole.message).toMatch(/Hole EUG-99-999 is not in the project/);
    const preset = await failure('intercepts.start', { preset: 'no-such' });
    expect(preset.message).toMatch(/no intercepts preset named "no-such"; saved presets: lower-e-zone-2011/);
    expect((await failure('intercepts.start', {})).message).toMatch(
      /Give parameters, a preset name, or both/,
    );
    expect((await failure('composites.start', { params: { length: 0 } })).message).toMatch(
      /composite length must be more than zero/,
    );
  });

  it('leaves out holes with validation errors and names them in the run and the report', async () => {
    const { db } = session.project;
    const hole = db.prepare("SELECT id FROM holes WHERE hole_id = 'EUG-11-089'").pluck().get() as number;
    db.prepare(
      "INSERT INTO problems (hole, table_name, rule, severity, message) VALUES (?, 'samples', 'interval-overlap', 'error', 'overlap')",
    ).run(hole);
    try {
      const run = await finished<RunInfo>(await call<JobStatus>('intercepts.start', PRESET));
      expect(run.excluded).toEqual([
        {
          holeId: 'EUG-11-089',
          reason: 'validation errors in samples: overlapping intervals',
          source: 'validation',
        },
      ]);
      expect(run.resultRows).toBe(20);
      const report = await call<InterceptReport>('runs.report', { id: run.id });
      expect(report.statement).toContain(
        '1 hole was left out of the calculation because of data errors: EUG-11-089 (validation errors in samples: overlapping intervals).',
      );
      expect(run.dataHash).not.toBe(first.dataHash);
    } finally {
      db.prepare("DELETE FROM problems WHERE rule = 'interval-overlap' AND message = 'overlap'").run();
    }
  });

  it('verifies a run: unchanged data, then a changed sample named by its hole', async () => {
    const same = await finished<RunVerification>(await call<JobStatus>('runs.verify', { id: first.id }));
    expect(same).toMatchObject({ dataUnchanged: true, resultsIdentical: true, changedHoles: [] });
    const { db } = session.project;
    const sample = db
      .prepare(
        `SELECT r.sample FROM assay_results r JOIN samples s ON s.id = r.sample JOIN holes h ON h.id = s.hole
          JOIN analytes a ON a.id = r.analyte WHERE h.hole_id = 'EUG-11-071' AND a.code = 'Zn' AND s.depth_from >= 42 ORDER BY s.depth_from LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const before = db
      .prepare('SELECT value FROM assay_results WHERE sample = ? AND seq = 0 AND analyte = 1')
      .pluck()
      .get(sample);
    db.prepare('UPDATE assay_results SET value = value + 1 WHERE sample = ? AND analyte = 1').run(sample);
    try {
      const changed = await finished<RunVerification>(await call<JobStatus>('runs.verify', { id: first.id }));
      expect(changed).toMatchObject({
        dataUnchanged: false,
        resultsIdentical: false,
        changedHoles: ['EUG-11-071'],
      });
      expect(changed.message).toMatch(
        /^THE DATA CHANGED since run \d+ .*1 hole changed \(EUG-11-071\).*run it again/,
      );
    } finally {
      db.prepare('UPDATE assay_results SET value = ? WHERE sample = ? AND analyte = 1').run(before, sample);
    }
  });

  it('exports results and the report to CSV and XLSX, refusing to overwrite unless told', async () => {
    const csv = join(directory, 'intercepts.csv');
    const written = await finished<ExportResult>(
      await call<JobStatus>('runs.export', { id: first.id, path: csv }),
    );
    expect(written).toMatchObject({ rows: 21, format: 'csv', content: 'results' });
    const text = readFileSync(csv, 'utf8');
    expect(
      text.startsWith('\ufeffhole_id,kind,from,to,length,true_thickness,angle_to_plane,grade,Zn,Pb\r\n'),
    ).toBe(true);
    const again = await call<JobStatus>('runs.export', { id: first.id, path: csv });
    expect((await session.jobs.wait(again.id)).error?.message).toMatch(/already exists/);
    await finished(await call<JobStatus>('runs.export', { id: first.id, path: csv, overwrite: true }));

    // A relative path lands beside the project file.
    await finished(
      await call<JobStatus>('runs.export', { id: first.id, path: 'report.xlsx', content: 'report' }),
    );
    const sheets = await readXlsxFile(join(directory, 'report.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['Intercepts', 'Parameters']);
    // A title and a line naming the project come before the table.
    const [title, byline, , ...report] = sheets[0]!.data;
    expect(title?.[0]).toBe('Significant intercepts, run 1');
    expect(String(byline?.[0])).toContain('Ruddock Creek');
    expect(report[0]).toEqual([
      'Drill Hole #',
      'From',
      'To',
      'Interval (m)',
      'Estimated True Thickness',
      'Zn %',
      'Pb %',
      'Zn+Pb %',
    ]);
    expect(report[1]).toEqual(['EUG-10-033', 69.8, 78.3, 8.5, 6.8, 10.75, 2.08, 12.83]);
    expect(report[21]).toEqual(['EUG-11-109', 248.8, 258, 9.2, 4, 11.8, 1.93, 13.73]);
    const parameters = sheets[1]!.data;
    const heading = parameters.findIndex((row) => row[0] === 'Statement of parameters (for the release)');
    expect(heading).toBeGreaterThan(0);
    expect(parameters[heading + 1]?.[1]).toMatch(/^Significant intercepts were calculated on Zn \+ Pb/);
    expect(parameters).toContainEqual(['Cutoff grade', 5]);
    expect(parameters).toContainEqual(['Data hash (SHA-256)', first.dataHash]);

    const bad = await failure('runs.export', { id: first.id, path: join(directory, 'x.txt') });
    expect(bad.message).toMatch(/must end in .csv or .xlsx/);
  });

  it('saves, lists and deletes presets, each change audited', async () => {
    const { db } = session.project;
    const params = { grade: 'Zn', cutoff: 8, minLength: 1, maxDilution: 0 };
    const saved = await call<PresetInfo>('presets.save', { kind: 'intercepts', name: 'zn-8', params });
    expect(saved.params).toMatchObject({ ...params, weighting: 'length', bdl: 'half', caps: {} });
    await call('presets.save', { kind: 'intercepts', name: 'zn-8', params: { ...params, cutoff: 9 } });
    const list = await call<PresetInfo[]>('presets.list', { kind: 'intercepts' });
    expect(list.map((p) => p.name)).toEqual(['lower-e-zone-2011', 'lower-e-zone-all-holes', 'zn-8']);
    expect(list[2]!.params).toMatchObject({ cutoff: 9 });
    const bad = await failure('presets.save', {
      kind: 'intercepts',
      name: 'bad',
      params: { ...params, cutoff: null },
    });
    expect(bad.details?.[0]?.where).toBe('params.cutoff');
    await call('presets.delete', { kind: 'intercepts', name: 'zn-8' });
    expect((await failure('presets.delete', { kind: 'intercepts', name: 'zn-8' })).code).toBe('not-found');
    const audit = db
      .prepare(
        `SELECT c.description, a.action FROM audit_log a JOIN change_sets c ON c.id = a.change_set WHERE a.table_name = 'presets' ORDER BY a.id`,
      )
      .all();
    expect(audit).toEqual([
      { description: 'Save intercepts preset zn-8', action: 'insert' },
      { description: 'Update intercepts preset zn-8', action: 'update' },
      { description: 'Delete intercepts preset zn-8', action: 'delete' },
    ]);
  });

  it('runs composites and desurvey as jobs', async () => {
    const composites = await finished<RunInfo>(
      await call<JobStatus>('composites.start', {
        params: { length: 2, analytes: ['Zn'], holes: ['EUG-11-083'] },
      }),
    );
    const page = await call<RunPage>('runs.get', { id: composites.id, limit: 1 });
    expect(page.columns).toEqual(['hole_id', 'from', 'to', 'length', 'sampled_length', 'Zn', 'Zn_length']);
    // Sampling starts at 48.8 m: drop-short writes the first piece whose Zn rests on 1 m or more.
    const [hole, from, to, length, sampled, zn, znLength] = page.rows[0]!;
    expect([hole, from, to, length]).toEqual(['EUG-11-083', 48, 50, 2]);
    expect(sampled).toBeCloseTo(1.2, 9);
    expect(zn).toBeCloseTo(0.24, 9);
    expect(znLength).toBeCloseTo(1.2, 9);
    const desurvey = await finished<RunInfo>(
      await call<JobStatus>('desurvey.start', { params: { step: 25 } }),
    );
    expect(desurvey.holesRead).toBe(76);
    const stations = await call<RunPage>('runs.get', { id: desurvey.id, limit: 1 });
    expect(stations.columns).toEqual(['hole_id', 'depth', 'x', 'y', 'z']);
    expect((await failure('runs.report', { id: desurvey.id })).message).toMatch(
      /only intercept runs have a news-release report/,
    );
  });

  it('cancels a run between holes and saves nothing', async () => {
    const before = (await call<RunList>('runs.list', {})).total;
    process.env.DRILLBENCH_JOB_PACE_MS = '100';
    try {
      const started = await call<JobStatus>('intercepts.start', { preset: 'lower-e-zone-all-holes' });
      for (let i = 0; i < 100; i++) {
        const status = await call<JobStatus>('jobs.status', { id: started.id });
        if (status.progress.done >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await call('jobs.cancel', { id: started.id });
      const done = await session.jobs.wait(started.id);
      expect(done.state).toBe('cancelled');
      expect(done.progress.done).toBeLessThan(76);
    } finally {
      delete process.env.DRILLBENCH_JOB_PACE_MS;
    }
    expect((await call<RunList>('runs.list', {})).total).toBe(before);
  });
});
