// The assay reader thread gives exactly what the inline path gives: same rows, results, refusals and
// problems, the same errors for bad files (nothing written), Cancel honoured, XLSX sheets too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportControl, ImportRequest, ImportSummary } from '../../src/api/import-types';
import { ImportCancelled, ImportError, runImport } from '../../src/services/import/import-engine';
import { ImportSources } from '../../src/services/import/import-sources';
import { FileReadError } from '../../src/services/import/text-source';
import { closeProject } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { fingerprint, newProject, tempDirectory } from '../helpers/project-fixtures';

const DATA = ['holes', 'samples', 'assay_results', 'analytes', 'problems', 'lookup_codes'];
const who = { osUser: 'tester', source: 'cli' as const };

describe('converting assay rows in a reader thread', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());
  let made = 0;

  async function importWith(request: ImportRequest, control: ImportControl) {
    const project = newProject(directory.path, `p${made++}`);
    const sources = await ImportSources.prepare(request.files);
    try {
      let summary: ImportSummary | null = null;
      let error: unknown = null;
      const before = fingerprint(project.db);
      try {
        summary = runImport(project.db, project.settings, request, who, control, sources);
      } catch (caught) {
        error = caught;
        expect(fingerprint(project.db)).toBe(before);
      }
      return { summary, error, data: fingerprint(project.db, DATA) };
    } finally {
      sources.close();
      closeProject(project);
    }
  }

  it('stores copper_creek exactly as the inline path does', async () => {
    const request: ImportRequest = {
      files: [
        { kind: 'collars', path: join(DATASETS, 'copper_creek/collar.csv') },
        { kind: 'assays', path: join(DATASETS, 'copper_creek/assay.csv') },
      ],
    };
    const inline = await importWith(request, { parseMode: 'inline' });
    const worker = await importWith(request, { parseMode: 'worker' });
    expect(worker.error).toBeNull();
    expect(worker.data).toBe(inline.data);
    expect(worker.summary!.counts).toEqual(inline.summary!.counts);
    expect(worker.summary!.files[1]!.results).toEqual(inline.summary!.files[1]!.results);
    expect(worker.summary!.problems).toEqual(inline.summary!.problems);
  });

  it('lists the same refused rows, and refuses a broken file with its line', async () => {
    const bad = join(directory.path, 'refusals.csv');
    writeFileSync(bad, 'hole_id,from,to,Au_ppm,type\nA,0,1,0.1,\nA,x,2,0.2,\nA,2,3,0.3,QQ\nB,0,-1,0.1,\n');
    const request: ImportRequest = { files: [{ kind: 'assays', path: bad }] };
    const inline = await importWith(request, { parseMode: 'inline' });
    const worker = await importWith(request, { parseMode: 'worker' });
    expect(worker.summary!.refused).toEqual(inline.summary!.refused);
    expect(worker.summary!.refused.map((row) => row.line)).toEqual([3, 4, 5]);
    expect(worker.data).toBe(inline.data);

    // Cut short beyond the first megabyte, which the main thread reads for the mapping: the reader
    // thread finds it.
    const cut = join(directory.path, 'cut.csv');
    const good = Array.from({ length: 60_000 }, (_, i) => `A,${i},${i + 1},0.1`);
    writeFileSync(cut, `hole_id,from,to,Au_ppm\n${good.join('\n')}\nA,60000,60001,"0.2\n`);
    const failed = await importWith({ files: [{ kind: 'assays', path: cut }] }, { parseMode: 'worker' });
    expect(failed.error).toBeInstanceOf(FileReadError);
    expect((failed.error as Error).message).toMatch(/cut\.csv: Line 60002: a quoted field is never closed/);
  });

  it('stops on Cancel and writes nothing', async () => {
    const big = join(directory.path, 'big.csv');
    const lines = ['hole_id,from,to,Zn_pct'];
    for (let i = 0; i < 20_000; i++) lines.push(`H${Math.floor(i / 100)},${i % 100},${(i % 100) + 1},0.5`);
    writeFileSync(big, lines.join('\n'));
    let polls = 0;
    const result = await importWith(
      { files: [{ kind: 'assays', path: big }] },
      { parseMode: 'worker', isCancelled: () => ++polls > 3 },
    );
    expect(result.error).toBeInstanceOf(ImportCancelled);
  });

  it('reads an XLSX sheet through the thread like the same CSV', async () => {
    const csv = join(directory.path, 'sheet.csv');
    const rows = [
      ['hole_id', 'from', 'to', 'sample_id', 'Cu_pct', 'Au_ppm'],
      ['X1', 0, 1.5, '0001', 0.41, '<0.005'],
      ['X1', 1.5, 3, '0002', 1.2, 0.35],
      ['X2', 0, 2, '0003', 'NS', -0.01],
    ];
    writeFileSync(csv, rows.map((row) => row.join(',')).join('\n'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Assays').addRows(rows);
    const xlsx = join(directory.path, 'sheet.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromCsv = await importWith({ files: [{ kind: 'assays', path: csv }] }, { parseMode: 'inline' });
    const fromXlsx = await importWith({ files: [{ kind: 'assays', path: xlsx }] }, { parseMode: 'worker' });
    expect(fromXlsx.error).toBeNull();
    expect(fromXlsx.summary!.files[0]).toMatchObject({ format: 'xlsx', sheet: 'Assays', stored: 3 });
    expect(fromXlsx.data).toBe(fromCsv.data);
  });

  it('reports errors of the request before any thread starts', async () => {
    const dup = join(directory.path, 'dup.csv');
    writeFileSync(dup, 'hole_id,from,to,Cu_pct,Cu_pct\nA,0,1,1,2\n');
    const result = await importWith({ files: [{ kind: 'assays', path: dup }] }, { parseMode: 'worker' });
    expect(result.error).toBeInstanceOf(ImportError);
  });
});
