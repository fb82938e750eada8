// QA/QC through the API router on real project files: the demo's standards table, report and batch
// warnings; the standards table edited and imported (audited, all or nothing); warnings kept by per-hole
// validation, left alone by a single-cell edit (and reported stale), brought up to date by a lab
// certificate import; the partial indexes used; tom_zone, which has no inserts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  QaqcAnalyteReport,
  QaqcOverview,
  QaqcWarningsStatus,
  StandardRow,
  StandardsImportSummary,
} from '../../src/api/qaqc-types';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { importCertificate, readCertificateRows } from '../../src/services/certificates/certificate-import';
import { qaqcAnalyteReport, qaqcOverview } from '../../src/services/qaqc/qaqc-report';
import { validateHoles, validationSettings } from '../../src/services/validation/validate-project';
import { importDataset } from '../compositing/dataset-project';
import { DATASETS } from '../helpers/datasets';
import { demoProject, fingerprint, tempDirectory } from '../helpers/project-fixtures';

const directory = tempDirectory('drillbench-qaqc-');
let session: ApiSession;

beforeAll(() => {
  session = openApiSession(demoProject(directory.path), 'api', 'tester');
});
afterAll(async () => {
  await session.close();
  directory.remove();
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await session.router.dispatch(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(method: string, input: unknown): Promise<string> {
  const result = await session.router.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error.message;
}

const db = () => session.project.db;
const qaqcWarnings = () =>
  db()
    .prepare("SELECT rule, count(*) AS n FROM problems WHERE rule LIKE 'qaqc-%' GROUP BY rule ORDER BY rule")
    .all();

describe('QA/QC of the demo project', () => {
  it('ships a standards table and finds the seeded failures, warned on every sample of their batches', async () => {
    const overview = await call<QaqcOverview>('qaqc.overview');
    expect(overview.inserts).toEqual({ standard: 64, blank: 64, duplicate: 63 });
    expect(
      overview.standardsTable.map((s) => `${s.code} ${s.analyte} ${s.certifiedValue} ${s.sd} ${s.unit}`),
    ).toEqual([
      'CDN-ME-1 Pb 1.27 0.03 %',
      'CDN-ME-1 Zn 6.45 0.1 %',
      'CDN-ME-4 Pb 3.18 0.07 %',
      'CDN-ME-4 Zn 15.12 0.2 %',
    ]);
    expect(overview.warnings).toEqual({ failures: 5, stored: 454, current: 454, upToDate: true });
    expect(qaqcWarnings()).toEqual([
      { rule: 'qaqc-blank-failure', n: 89 },
      { rule: 'qaqc-standard-failure', n: 365 },
    ]);
    // One batch's samples: each warned once on its Zn cell, the message naming the standard, value, limit.
    const batch = db()
      .prepare(
        `SELECT count(*) AS samples, count(DISTINCT p.message) AS messages, min(p.column_name) AS col
           FROM problems p JOIN assay_results r ON r.sample = p.row_id AND r.preferred = 1
           JOIN analytes a ON a.id = r.analyte AND a.code = 'Zn'
          WHERE p.rule = 'qaqc-standard-failure' AND p.message LIKE '%batch VAN11000293%' AND r.certificate = 'VAN11000293'`,
      )
      .get();
    const members = db()
      .prepare(
        "SELECT count(*) FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE r.certificate = 'VAN11000293' AND a.code = 'Zn' AND r.preferred = 1",
      )
      .pluck()
      .get();
    expect(batch).toEqual({ samples: members, messages: 1, col: 'Zn' });
    const message = db()
      .prepare(
        "SELECT message FROM problems WHERE rule = 'qaqc-standard-failure' AND message LIKE '%VAN11000293%' LIMIT 1",
      )
      .pluck()
      .get();
    expect(message).toBe(
      "QA/QC, batch VAN11000293: standard CDN-ME-4 (sample 0712959) Zn 15.65 % is one of two results in a row beyond 2 SD on the same side (certified 15.12 ± 0.2 %, 3 SD limits 14.52-15.72 %). Check this batch's Zn results with the lab (re-assay the batch or accept it and say why).",
    );
  });

  it('reports one analyte: chart, blanks, duplicates and failures in batch order', async () => {
    const report = await call<QaqcAnalyteReport>('qaqc.report', { analyte: 'zn', standard: 'cdn-me-1' });
    expect(report.analyte).toBe('Zn');
    expect(report.chart?.counts).toEqual({ pass: 30, warning: 1, failure: 1 });
    expect(report.chart?.orderBasis).toBe('certificate');
    expect(report.chartMessage).toBeNull();
    expect(report.failures.map((f) => [f.rule, f.sampleId, f.batch])).toEqual([
      ['qaqc-blank-failure', '0712008', 'VAN10005910'],
      ['qaqc-standard-failure', '0712844', 'VAN11000266'],
      ['qaqc-standard-failure', '0712959', 'VAN11000293'],
      ['qaqc-standard-failure', '0713005', 'VAN11000330'],
    ]);
    expect(report.blanks).toMatchObject({ threshold: 0.05, failures: 1 });
    expect(report.duplicates).toMatchObject({
      included: 57,
      belowLimit: 6,
      unpaired: 0,
      practicalLimit: 0.1,
    });
    const none = await call<QaqcAnalyteReport>('qaqc.report', { analyte: 'Pb', standard: 'CDN-XX' });
    expect(none.chart).toBeNull();
    expect(none.chartMessage).toBe(
      'The standards table has no certified Pb value for CDN-XX; add its value and SD (QA/QC setup, or drillbench qaqc standards import).',
    );
    expect(await refusal('qaqc.report', { analyte: 'Cu' })).toBe(
      'The project has no analyte Cu; its analytes are Zn, Pb.',
    );
  });

  it('reads inserts and batches through the partial indexes', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (
        db()
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan("SELECT id FROM samples WHERE sample_type <> 'regular' AND sample_type = ?", 'standard'),
    ).toContain('samples_qc_inserts');
    expect(
      plan(
        'SELECT r.sample FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE r.certificate IS NOT NULL AND r.certificate = ? AND a.code = ? AND r.preferred = 1',
        'VAN11000293',
        'Zn',
      ),
    ).toContain('assay_results_certificate');
  });
});

describe('the standards table', () => {
  it('adds, changes and deletes a line, audited, re-judging the project each time', async () => {
    const added = await call<StandardRow[]>('qaqc.saveStandard', {
      code: 'OREAS 131b',
      analyte: 'Zn',
      value: '3.94',
      sd: 0.06,
    });
    const line = added.find((s) => s.code === 'OREAS 131b')!;
    expect(line).toMatchObject({ analyte: 'Zn', certifiedValue: 3.94, sd: 0.06, unit: '%', source: null });
    expect(
      await refusal('qaqc.saveStandard', { code: 'oreas 131B', analyte: 'zn', value: 4, sd: 0.1 }),
    ).toMatch(
      /^OREAS 131b Zn is already in the standards table \(3.94 ± 0.06 %\); change that line instead\.$/,
    );
    expect(await refusal('qaqc.saveStandard', { code: 'X', analyte: 'Zn', value: 'high', sd: 0 })).toBe(
      'The certified value "high" is not a number of 0 or more. The SD "0" is not a number above 0; control charts divide by it.',
    );
    // A wider SD for CDN-ME-4 Zn takes the drifting pair inside 2 SD: two failures and their batches go.
    const me4 = added.find((s) => s.code === 'CDN-ME-4' && s.analyte === 'Zn')!;
    await call('qaqc.saveStandard', { id: me4.id, code: 'CDN-ME-4', analyte: 'Zn', value: 15.12, sd: 0.5 });
    expect((await call<QaqcOverview>('qaqc.overview')).warnings).toMatchObject({
      failures: 3,
      upToDate: true,
    });
    await call('qaqc.saveStandard', {
      id: me4.id,
      code: 'CDN-ME-4',
      analyte: 'Zn',
      value: 15.12,
      sd: 0.2,
      unit: '%',
    });
    await call('qaqc.deleteStandard', { id: line.id });
    expect((await call<QaqcOverview>('qaqc.overview')).warnings).toMatchObject({ failures: 5, stored: 454 });
    const audit = db()
      .prepare(
        "SELECT c.description, l.action FROM audit_log l JOIN change_sets c ON c.id = l.change_set WHERE l.table_name = 'qaqc_standards' ORDER BY l.id",
      )
      .all();
    expect(audit).toEqual([
      { description: 'Add standard OREAS 131b Zn', action: 'insert' },
      { description: 'Change standard CDN-ME-4 Zn', action: 'update' },
      { description: 'Change standard CDN-ME-4 Zn', action: 'update' },
      { description: 'Delete standard OREAS 131b Zn', action: 'delete' },
    ]);
  });

  it('imports a CSV file, and writes nothing when a line is bad', async () => {
    const good = join(directory.path, 'standards.csv');
    writeFileSync(
      good,
      'Standard,Element,Certified value,1SD,Units,Lot\nCDN-ME-4,Zn,15.12,0.2,%,CDN certificate\nOREAS 131b,Zn,39400,600,ppm,2010\n',
    );
    const summary = await call<StandardsImportSummary>('qaqc.importStandards', { path: good });
    expect(summary).toMatchObject({
      committed: true,
      read: 2,
      added: ['OREAS 131b Zn'],
      updated: ['CDN-ME-4 Zn'],
      unchanged: 0,
      problems: [],
    });
    // CDN-ME-4 Zn changes its source only: the same figures, so the same failures.
    expect(summary.warnings).toMatchObject({ failures: 5, stored: 454 });
    const bad = join(directory.path, 'bad.csv');
    writeFileSync(bad, 'code,analyte,value,sd\nCDN-ME-1,Zn,6.45,0.5\nCDN-ME-1,Cu,1.1,\n');
    const before = fingerprint(db(), ['qaqc_standards', 'problems', 'audit_log']);
    const refused = await call<StandardsImportSummary>('qaqc.importStandards', { path: bad });
    expect(refused.committed).toBe(false);
    expect(refused.problems).toEqual([
      { line: 3, column: 'sd', message: 'The SD "" is not a number above 0; control charts divide by it.' },
      {
        line: 3,
        column: 'unit',
        message:
          'No unit is given and Cu is not an analyte of the project yet; give the unit (%, ppm, ppb, g/t, oz/t).',
      },
    ]);
    expect(fingerprint(db(), ['qaqc_standards', 'problems', 'audit_log'])).toBe(before);
  });
});

describe('keeping the QA/QC warnings current', () => {
  it('survive per-hole validation, which does not judge them', () => {
    const before = qaqcWarnings();
    validateHoles(db(), validationSettings(db(), 'm'));
    expect(qaqcWarnings()).toEqual(before);
  });

  it('are not recomputed by a single-cell edit; the view finds them stale and brings them up to date', async () => {
    const row = db().prepare("SELECT id FROM samples WHERE sample_id = '0712959'").pluck().get() as number;
    await call('table.edit', {
      table: 'samples',
      edits: [{ rowId: row, column: 'analyte:Zn', text: '15.10' }],
    });
    const stale = await call<QaqcOverview>('qaqc.overview');
    // The pair no longer fails, but the edit did not re-judge the project.
    expect(stale.warnings).toMatchObject({ failures: 3, stored: 454, upToDate: false });
    const fresh = await call<QaqcWarningsStatus>('qaqc.refreshWarnings');
    expect(fresh).toMatchObject({ failures: 3, upToDate: true });
    expect(fresh.stored).toBeLessThan(454);
    await call('edit.undo');
    await call('qaqc.refreshWarnings');
  });

  it('follow rows the grids delete and put back: a regular sample leaves its batch, a failing blank takes its warnings along', async () => {
    const rowOf = (id: string) =>
      db().prepare('SELECT id FROM samples WHERE sample_id = ?').pluck().get(id) as number;
    const warningsOn = (row: number) =>
      db()
        .prepare("SELECT count(*) FROM problems WHERE row_id = ? AND rule LIKE 'qaqc-%'")
        .pluck()
        .get(row) as number;
    const stored = () =>
      db().prepare("SELECT count(*) FROM problems WHERE rule LIKE 'qaqc-%'").pluck().get() as number;
    const total = stored();
    const regular = rowOf('0712001');
    expect(warningsOn(regular)).toBe(1);
    await call('table.delete', { table: 'samples', rowIds: [regular] });
    expect(stored()).toBe(total - 1);
    await call('edit.undo');
    expect(warningsOn(regular)).toBe(1);
    expect(stored()).toBe(total);

    const blank = rowOf('0712008');
    const deleted = await call<{ status: { problems: { warnings: number } } }>('table.delete', {
      table: 'samples',
      rowIds: [blank],
    });
    const state = await call<QaqcOverview>('qaqc.overview');
    expect(state.warnings).toMatchObject({ failures: 4, upToDate: true });
    expect(
      db().prepare("SELECT count(*) FROM problems WHERE rule = 'qaqc-blank-failure'").pluck().get(),
    ).toBe(0);
    // The status bar's count follows the warnings the delete took away.
    expect(deleted.status.problems.warnings).toBe(
      db().prepare("SELECT count(*) FROM problems WHERE severity = 'warning'").pluck().get(),
    );
    await call('edit.undo');
    expect((await call<QaqcOverview>('qaqc.overview')).warnings).toMatchObject({
      failures: 5,
      upToDate: true,
    });
    expect(stored()).toBe(total);
  });

  it('are re-judged after a lab certificate import and a method-priority change: the re-assayed standard moves to its new batch', async () => {
    const fixture = join(import.meta.dirname, '../fixtures/lab-certificates/VAN11002817.csv');
    const rows = await readCertificateRows({ path: fixture });
    importCertificate(
      db(),
      session.project.settings,
      rows,
      { path: fixture },
      { osUser: 'tester', source: 'api' },
    );
    const batchOf = () =>
      qaqcAnalyteReport(db(), { analyte: 'Zn', standard: 'CDN-ME-4' }).chart!.points.find(
        (p) => p.sampleId === '0713143',
      )!.batch;
    expect(qaqcOverview(db()).warnings.upToDate).toBe(true);
    // The demo's G7AR result stays preferred until the ore-grade method is ranked first.
    expect(batchOf()).toBe('VAN11000351');
    await call('assays.setMethodPriority', { analyte: 'Zn', methods: ['7TD', 'G7AR', '1DX'] });
    const report = qaqcAnalyteReport(db(), { analyte: 'Zn', standard: 'CDN-ME-4' });
    const moved = report.chart!.points.find((p) => p.sampleId === '0713143')!;
    expect(moved.batch).toBe('VAN11002817');
    expect(moved.value).toBe(15.7);
    expect(qaqcOverview(db()).warnings.upToDate).toBe(true);
  });
});

describe('QA/QC of tom_zone (no inserts)', () => {
  it('reports no inserts, no failures and empty checks', () => {
    const dataset = importDataset([
      { kind: 'collars', path: join(DATASETS, 'tom_zone/collar.csv') },
      { kind: 'assays', path: join(DATASETS, 'tom_zone/assay.csv') },
    ]);
    try {
      const overview = qaqcOverview(dataset.project.db);
      expect(overview.inserts).toEqual({ standard: 0, blank: 0, duplicate: 0 });
      expect(overview.standardsTable).toEqual([]);
      expect(overview.warnings).toEqual({ failures: 0, stored: 0, current: 0, upToDate: true });
      const report = qaqcAnalyteReport(dataset.project.db, { analyte: 'Zn' });
      expect(report.chart).toBeNull();
      expect(report.chartMessage).toBe('Choose a standard to draw its control chart.');
      expect(report.blanks.points).toEqual([]);
      expect(report.duplicates.pairs).toEqual([]);
      expect(report.failures).toEqual([]);
    } finally {
      dataset.close();
    }
  });
});
