// Lab certificates attached to the demo project's samples: re-assays beside the originals, unit
// conversion with the lab's text kept, unknown IDs listed, the method priority deciding the preferred
// result (recomputed and audited when it changes), and nothing written by a dry run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv/csv-tokenizer';
import { importCertificate, readCertificateRows } from '../../src/services/certificates/certificate-import';
import { listAnalyteMethods, setMethodPriority } from '../../src/services/assays/method-priority';
import { closeProject, type Project } from '../../src/storage/project-db';
import { demoProject, fingerprint, tempDirectory } from '../helpers/project-fixtures';

const fixture = join(import.meta.dirname, '../fixtures/lab-certificates/VAN11002817.csv');
const who = { osUser: 'tester', source: 'api' as const };

function results(project: Project, sampleId: string, analyte: string) {
  return project.db
    .prepare(
      `SELECT r.seq, r.method, r.lab_text, r.value, r.flag, r.preferred, r.lab_unit, r.certificate, r.lab
         FROM assay_results r JOIN samples s ON s.id = r.sample JOIN analytes a ON a.id = r.analyte
        WHERE s.sample_id = ? AND a.code = ? ORDER BY r.seq`,
    )
    .all(sampleId, analyte) as {
    seq: number;
    method: string;
    lab_text: string;
    value: number | null;
    flag: string;
    preferred: number;
    lab_unit: string | null;
    certificate: string;
    lab: string;
  }[];
}

describe('importing a lab certificate into the demo project', () => {
  const directory = tempDirectory();
  let project: Project;
  beforeAll(() => {
    project = demoProject(directory.path);
  });
  afterAll(() => {
    closeProject(project);
    directory.remove();
  });

  it('reports a dry run without writing anything', async () => {
    const before = fingerprint(project.db);
    const rows = await readCertificateRows({ path: fixture });
    const summary = importCertificate(
      project.db,
      project.settings,
      rows,
      { path: fixture, dryRun: true },
      who,
    );
    expect(summary).toMatchObject({
      dryRun: true,
      committed: false,
      certificate: 'VAN11002817',
      samplesMatched: 30,
    });
    expect(fingerprint(project.db)).toBe(before);
  });

  it('attaches every result to its sample with certificate, method and lab; lists unknown IDs', async () => {
    const rows = await readCertificateRows({ path: fixture });
    const summary = importCertificate(project.db, project.settings, rows, { path: fixture }, who);
    expect(summary.samplesInFile).toBe(32);
    expect(summary.samplesMatched).toBe(30);
    expect(summary.unknownSamples).toEqual([
      { sampleId: '0713961', line: 53 },
      { sampleId: '713150', line: 54 },
    ]);
    expect(summary.labQc).toHaveLength(4);
    expect(summary.resultsWritten).toBe(112);
    expect(summary.skippedColumns[0]?.label).toBe('WGHT Wgt kg');
    const zn = results(project, '0713134', 'Zn');
    expect(zn.map((r) => [r.seq, r.method, r.lab_text, r.flag])).toEqual([
      [0, 'G7AR', '21.02', 'value'],
      [1, '1DX', '>10000', 'odl'],
      [2, '7TD', '20.98', 'value'],
    ]);
    // The ppm result is converted to the project's % and keeps the lab's text and unit.
    expect(zn[1]).toMatchObject({ value: 1, lab_unit: 'ppm', certificate: 'VAN11002817' });
    expect(zn[1]!.lab).toBe('Acme Analytical Laboratories (Vancouver) Ltd.');
    // Without a method priority the original stays preferred.
    expect(zn.map((r) => r.preferred)).toEqual([1, 0, 0]);
    const ag = results(project, '0713131', 'Ag');
    expect(ag).toMatchObject([{ seq: 0, lab_text: '1.4', value: 1.4, preferred: 1, lab_unit: null }]);
    expect(results(project, '0713140', 'Zn').at(-1)).toMatchObject({
      lab_text: 'IS',
      flag: 'is',
      value: null,
    });
    expect(results(project, '0713147', 'Pb').at(-1)).toMatchObject({
      lab_text: '<0.1',
      flag: 'bdl',
      value: 0.00001,
    });
    const certificate = project.db.prepare('SELECT * FROM lab_certificates').get() as Record<string, unknown>;
    expect(certificate).toMatchObject({
      certificate: 'VAN11002817',
      client: 'Hudson Minerals Inc.',
      samples: 30,
    });
    expect(JSON.parse(certificate.unknown_samples as string)).toEqual(['0713961', '713150']);
  });

  it('reads the same certificate from an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('VAN11002817');
    for (const row of parseCsv(readFileSync(fixture, 'utf8'), ',')) sheet.addRow(row.fields);
    const xlsx = join(directory.path, 'VAN11002817.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const rows = await readCertificateRows({ path: xlsx });
    const summary = importCertificate(
      project.db,
      project.settings,
      rows,
      { path: xlsx, dryRun: true, certificate: 'X1' },
      who,
    );
    expect(summary).toMatchObject({ certificate: 'X1', samplesMatched: 30, resultsWritten: 112 });
    expect(summary.unknownSamples.map((sample) => sample.sampleId)).toEqual(['0713961', '713150']);
  });

  it('refuses the same certificate twice and writes nothing', async () => {
    const before = fingerprint(project.db);
    const rows = await readCertificateRows({ path: fixture });
    expect(() => importCertificate(project.db, project.settings, rows, { path: fixture }, who)).toThrow(
      /already imported/,
    );
    expect(fingerprint(project.db)).toBe(before);
  });

  it('lets the method priority pick the preferred result, audits every change, and can go back', () => {
    const zn = listAnalyteMethods(project.db).find((entry) => entry.analyte === 'Zn')!;
    expect(zn.methods.map((m) => m.method)).toEqual(['1DX', '7TD', 'G7AR']);
    expect(zn.samplesWithReassays).toBe(30);
    const result = setMethodPriority(
      project.db,
      'm',
      { analyte: 'Zn', methods: ['7TD', 'G7AR', '1DX'] },
      who,
    );
    // 14 samples have a 7TD result: each loses G7AR and gains 7TD as preferred.
    expect(result.changed).toBe(28);
    expect(results(project, '0713134', 'Zn').map((r) => r.preferred)).toEqual([0, 0, 1]);
    expect(results(project, '0713131', 'Zn').map((r) => r.preferred)).toEqual([1, 0]);
    const audited = project.db
      .prepare("SELECT count(*) FROM audit_log WHERE change_set = ? AND table_name = 'assay_results'")
      .pluck()
      .get(result.changeSet) as number;
    expect(audited).toBe(28);
    // 1DX ahead of G7AR: measured 1DX numbers win where there is no 7TD, but over-limit 1DX never does.
    setMethodPriority(project.db, 'm', { analyte: 'Zn', methods: ['1DX', 'G7AR'] }, who);
    expect(results(project, '0713131', 'Zn').map((r) => r.preferred)).toEqual([0, 1]);
    expect(results(project, '0713134', 'Zn').map((r) => r.preferred)).toEqual([1, 0, 0]);
    const back = setMethodPriority(project.db, 'm', { analyte: 'Zn', methods: [] }, who);
    expect(back.changed).toBeGreaterThan(0);
    expect(results(project, '0713131', 'Zn').map((r) => r.preferred)).toEqual([1, 0]);
    expect(() => setMethodPriority(project.db, 'm', { analyte: 'Zn', methods: ['A', 'a'] }, who)).toThrow(
      /listed twice/,
    );
    expect(() => setMethodPriority(project.db, 'm', { analyte: 'Cu', methods: [] }, who)).toThrow(
      /no analyte/,
    );
  });
});
