// Exports read back with an independent reader (read-excel-file) and our own CSV tokenizer: numbers stay
// numbers, IDs stay text, headers carry units, formula-like text is neutralised, views keep their
// filters, the Leapfrog set loads back into drillbench unchanged, and Cancel leaves no file behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv/csv-tokenizer';
import { parseGradeExpression } from '../../src/domain/compositing/grade-expression';
import type { Intercept } from '../../src/domain/compositing/significant-intercepts';
import { buildInterceptTable } from '../../src/domain/report/intercept-table';
import { interceptParameterStatement } from '../../src/domain/report/parameter-statement';
import { runImport } from '../../src/services/import/import-engine';
import { writeInterceptReportXlsx } from '../../src/services/export/intercept-report-export';
import { ExportCancelled, runExport } from '../../src/services/export/project-export';
import { closeProject, type Project } from '../../src/storage/project-db';
import { count, demoProject, newProject, tempDirectory } from '../helpers/project-fixtures';

const csvRows = (path: string) =>
  parseCsv(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), ',').map((row) => row.fields);

describe('exporting the demo project', () => {
  const directory = tempDirectory();
  let project: Project;
  beforeAll(() => {
    project = demoProject(directory.path);
    // Text a spreadsheet would run, typed into ordinary fields.
    project.db
      .prepare(
        'UPDATE holes SET comments = \'=HYPERLINK("http://evil","click")\' WHERE hole_id = \'EUG-10-033\'',
      )
      .run();
    project.db.prepare("UPDATE holes SET program = '+SUM(A1:A9)' WHERE hole_id = 'EUG-10-034'").run();
    project.db.prepare("UPDATE holes SET station = '@cmd' WHERE hole_id = 'EUG-10-035'").run();
  });
  afterAll(() => {
    closeProject(project);
    directory.remove();
  });

  it('writes a table to XLSX with numbers as numbers, IDs as text and units in the header', async () => {
    const path = join(directory.path, 'samples.xlsx');
    const outcome = await runExport(project.db, project.settings, {
      target: { kind: 'table', table: 'samples' },
      format: 'xlsx',
      path,
    });
    expect(outcome.rows.samples).toBe(count(project.db, 'samples'));
    const [sheet] = await readXlsxFile(path);
    expect(sheet!.sheet).toBe('Samples');
    const [header, ...rows] = sheet!.data;
    expect(header).toEqual([
      'Hole ID',
      'From (m)',
      'To (m)',
      'Sample ID',
      'Sample type',
      'Duplicate of',
      'Standard',
      'Density (g/cm3)',
      'Comments',
      'Zn (%)',
      'Pb (%)',
    ]);
    expect(rows).toHaveLength(count(project.db, 'samples'));
    const regular = rows.find((row) => row[4] === 'regular')!;
    expect(typeof regular[1]).toBe('number');
    expect(typeof regular[3]).toBe('string');
    expect(regular[3]).toMatch(/^07\d{5}$/);
    // Lab results: numbers where the lab wrote a number, the lab's text otherwise.
    const texts = rows.map((row) => row[9]);
    expect(texts).toContain('<0.01');
    expect(texts.some((value) => typeof value === 'number')).toBe(true);
  });

  it('neutralises formula-like text in CSV and XLSX, while negative numbers stay numbers', async () => {
    const csv = join(directory.path, 'holes.csv');
    await runExport(project.db, project.settings, {
      target: { kind: 'table', table: 'holes' },
      format: 'csv',
      path: csv,
    });
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(text).toContain("'+SUM(A1:A9)");
    expect(text).toContain("'@cmd");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const rows = csvRows(csv);
    expect(rows[1]![5]).toBe('-25.2');
    const xlsx = join(directory.path, 'holes.xlsx');
    await runExport(project.db, project.settings, {
      target: { kind: 'table', table: 'holes' },
      format: 'xlsx',
      path: xlsx,
    });
    const [sheet] = await readXlsxFile(xlsx);
    const byHole = new Map(sheet!.data.slice(1).map((row) => [row[0], row]));
    expect(byHole.get('EUG-10-033')![12]).toBe('\'=HYPERLINK("http://evil","click")');
    expect(byHole.get('EUG-10-034')![9]).toBe("'+SUM(A1:A9)");
    expect(byHole.get('EUG-10-035')![8]).toBe("'@cmd");
    expect(byHole.get('EUG-10-033')![5]).toBe(-25.2);
  });

  it('exports a grid view as seen: its filter and its sort', async () => {
    const path = join(directory.path, 'view.csv');
    const outcome = await runExport(project.db, project.settings, {
      target: {
        kind: 'table',
        table: 'surveys',
        filters: [{ column: 'dip', op: 'lessThan', value: -60 }],
        sort: [{ column: 'dip', direction: 'asc' }],
      },
      format: 'csv',
      path,
    });
    const rows = csvRows(path).slice(1);
    const expected = project.db
      .prepare('SELECT count(*) FROM surveys WHERE dip < -60')
      .pluck()
      .get() as number;
    expect(rows).toHaveLength(expected);
    expect(outcome.rows.surveys).toBe(expected);
    const dips = rows.map((row) => Number(row[3]));
    expect(dips.every((dip) => dip < -60)).toBe(true);
    expect([...dips].sort((a, b) => a - b)).toEqual(dips);
  });

  it('writes the whole project as one workbook, one sheet per table after a Project sheet', async () => {
    const path = join(directory.path, 'all.xlsx');
    await runExport(project.db, project.settings, { target: { kind: 'project' }, format: 'xlsx', path });
    const sheets = await readXlsxFile(path);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'Project',
      'Holes',
      'Surveys',
      'Samples',
      'Assay results',
      'Lithology',
      'Analytes',
      'Lookup codes',
      'Validation problems',
      'Lab certificates',
    ]);
    const results = sheets.find((sheet) => sheet.sheet === 'Assay results')!;
    expect(results.data).toHaveLength(count(project.db, 'assay_results') + 1);
    // Lithology colours (migration 0220) travel with their codes.
    const codes = sheets.find((sheet) => sheet.sheet === 'Lookup codes')!;
    expect(codes.data[0]).toEqual(['List', 'Code', 'Description', 'Colour']);
  });

  it('writes a Leapfrog/Datamine set that drillbench reads back to the same data', async () => {
    const folder = join(directory.path, 'leapfrog');
    const outcome = await runExport(project.db, project.settings, {
      target: { kind: 'leapfrog' },
      format: 'csv',
      path: folder,
      assayValues: 'lab',
    });
    expect(readdirSync(folder).sort()).toEqual([
      'README.txt',
      'assay.csv',
      'collar.csv',
      'lithology.csv',
      'qaqc.csv',
      'survey.csv',
    ]);
    expect(csvRows(join(folder, 'collar.csv'))[0]).toEqual([
      'HOLEID',
      'EAST',
      'NORTH',
      'RL',
      'MAXDEPTH',
      'AZIMUTH',
      'DIP',
      'HOLETYPE',
      'STATION',
      'PROGRAM',
    ]);
    expect(csvRows(join(folder, 'assay.csv'))[0]).toEqual([
      'HOLEID',
      'FROM',
      'TO',
      'SAMPLEID',
      'DENSITY',
      'Zn_pct',
      'Pb_pct',
    ]);
    expect(readFileSync(join(folder, 'README.txt'), 'utf8')).toMatch(/Dips: negative down/);
    const regular = project.db
      .prepare("SELECT count(*) FROM samples WHERE sample_type = 'regular'")
      .pluck()
      .get() as number;
    expect(outcome.rows).toMatchObject({
      collar: 76,
      assay: regular,
      qaqc: count(project.db, 'samples') - regular,
    });
    const back = newProject(directory.path, 'roundtrip');
    try {
      const summary = runImport(
        back.db,
        back.settings,
        {
          files: [
            { kind: 'collars', path: join(folder, 'collar.csv'), mapping: { columns: { eoh: 'MAXDEPTH' } } },
            { kind: 'surveys', path: join(folder, 'survey.csv') },
            { kind: 'assays', path: join(folder, 'assay.csv') },
            {
              kind: 'lithology',
              path: join(folder, 'lithology.csv'),
              mapping: { columns: { code: 'LITH' } },
            },
          ],
        },
        { osUser: 'tester', source: 'cli' },
      );
      expect(summary.refused).toEqual([]);
      expect(summary.counts).toMatchObject({
        holes: 76,
        surveys: count(project.db, 'surveys'),
        samples: regular,
      });
      const text = (db: Project['db']) =>
        db
          .prepare(
            `SELECT group_concat(s.sample_id || ':' || a.code || '=' || r.lab_text, ';') FROM (SELECT * FROM samples ORDER BY sample_id) s
               JOIN assay_results r ON r.sample = s.id AND r.preferred = 1 JOIN analytes a ON a.id = r.analyte
              WHERE s.sample_type = 'regular'`,
          )
          .pluck()
          .get();
      expect(text(back.db)).toBe(text(project.db));
    } finally {
      closeProject(back);
    }
  });

  it('leaves no file behind when cancelled', async () => {
    const path = join(directory.path, 'cancelled.xlsx');
    let polls = 0;
    await expect(
      runExport(
        project.db,
        project.settings,
        { target: { kind: 'table', table: 'lithology' }, format: 'xlsx', path },
        { isCancelled: () => ++polls > 0 },
      ),
    ).rejects.toBeInstanceOf(ExportCancelled);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});

describe('the intercept report workbook', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  const intercept = (
    holeId: string,
    from: number,
    to: number,
    zn: number,
    pb: number,
    kind: Intercept['kind'],
  ) => ({
    intercept: {
      holeId,
      kind,
      first: false,
      parent: kind === 'including' ? 0 : null,
      from,
      to,
      length: to - from,
      grade: zn + pb,
      gradeLength: (zn + pb) * (to - from),
      analyteGrades: [zn, pb],
      assayedLengths: [to - from, to - from],
      wasteLength: 0,
      unsampledLength: 0,
      sampleCount: 3,
      cappedResults: 0,
      overLimitResults: 0,
      weight: to - from,
    } satisfies Intercept,
    trueThickness: (to - from) * 0.8,
  });

  it('has a formatted Intercepts sheet and a Parameters sheet with the statement', async () => {
    const table = buildInterceptTable(
      [
        intercept('EUG-10-033', 69.8, 78.3, 10.75, 2.08, 'intercept'),
        intercept('EUG-10-033', 70.4, 72.1, 19.2, 3.1, 'including'),
        intercept('EUG-10-033', 136.2, 142.6, 10.83, 2.26, 'intercept'),
      ],
      {
        lengthUnit: 'm',
        reportAnalytes: ['Zn', 'Pb'],
        columns: [
          { code: 'Zn', unit: '%' },
          { code: 'Pb', unit: '%' },
        ],
        expression: { label: 'Zn+Pb', unit: '%' },
      },
    );
    const statement = interceptParameterStatement({
      settings: {
        expression: 'Zn + Pb',
        cutoff: 5,
        minLength: 1.5,
        maxDilution: 2,
        minGrade: null,
        minGradeLength: null,
        weighting: 'length',
        defaultDensity: null,
        caps: {},
        belowDetection: 'half',
        unsampled: 'zero',
        including: null,
      } as never,
      expression: parseGradeExpression('Zn + Pb', ['Zn', 'Pb']),
      gradeUnit: '%',
      analyteUnits: { Zn: '%', Pb: '%' },
      lengthUnit: 'm',
      trueThickness: { method: 'plane', dip: 28.5, dipDirection: 315 },
      excludedHoles: [],
    });
    const path = join(directory.path, 'intercepts.xlsx');
    await writeInterceptReportXlsx(path, {
      title: 'Lower E zone significant intercepts',
      project: 'Ruddock Creek (demo)',
      table: { header: table.header, rows: table.rows, notes: table.notes },
      statement,
      parameters: [
        { name: 'Cutoff', value: '5 % Zn+Pb' },
        { name: 'Minimum length', value: 1.5 },
      ],
    });
    const sheets = await readXlsxFile(path);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Intercepts', 'Parameters']);
    const data = sheets[0]!.data;
    expect(data[0]![0]).toBe('Lower E zone significant intercepts');
    expect(data[3]).toEqual(table.header);
    expect(data[4]).toEqual(['EUG-10-033', 69.8, 78.3, 8.5, 6.8, 10.75, 2.08, 12.83]);
    expect(data[5]![0]).toBe('including');
    expect(data[6]![0]).toBe('and');
    const parameters = sheets[1]!.data;
    expect(parameters[1]).toEqual(['Cutoff', '5 % Zn+Pb']);
    expect(parameters.flat()).toContain(statement.sentences[0]);
  });
});
