// The published pygslib reference through the real CLI, the way a user would run it: a feet project,
// BABBITT imported with its units, `drillbench composite --length 10 --missing zero --analytes CU`
// gives 54,189 composites, the last RMC-66313 1010-1020 with 7.0 ft of sampled length.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillbench, parseCsv } from '../cli/cli-process';
import { DATASETS } from '../helpers/datasets';

let directory: string;
let project: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-babbitt-'));
  project = join(directory, 'babbitt.drillbench');
  expect(drillbench('new', project, '--units', 'ft').status).toBe(0);
  const folder = `${DATASETS}/babbitt`;
  const imported = drillbench(
    'import',
    project,
    '--units',
    'ft',
    '--collars',
    `${folder}/collar_BABBITT.csv`,
    '--surveys',
    `${folder}/survey_BABBITT.csv`,
    '--assays',
    `${folder}/assay_BABBITT.csv`,
    ...['CU', 'NI', 'S', 'FE'].flatMap((code) => ['--analyte-unit', `${code}=%`]),
  );
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.stdout).toMatch(/Validation: 0 errors/);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('BABBITT composites through the CLI', () => {
  it('reproduces 54,189 composites and the last row', () => {
    const result = drillbench(
      'composite',
      project,
      '--length',
      '10',
      '--missing',
      'zero',
      '--analytes',
      'CU',
      '--out',
      '-',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^Run 1 \(composites\): 54189 rows from 399 holes and 35616 samples; no hole left out/,
    );
    const { header, rows } = parseCsv(result.stdout);
    expect(header).toEqual(['hole_id', 'from', 'to', 'length', 'sampled_length', 'CU', 'CU_length']);
    expect(rows).toHaveLength(54189);
    // 7 ft sampled, none of it assayed: CU 0 (missing counted at zero) resting on 0 ft with a result.
    expect(rows[rows.length - 1]).toEqual(['RMC-66313', '1010', '1020', '10', '7', '0', '0']);
  });

  it('desurveys the feet project with positive-down dips turned downward', () => {
    const result = drillbench('desurvey', project, '--holes', 'B1-001', '--out', '-');
    expect(result.status, result.stderr).toBe(0);
    const { header, rows } = parseCsv(result.stdout);
    expect(header).toEqual(['hole_id', 'depth', 'x', 'y', 'z']);
    // The collar at 1620.9 ft, and every station below it.
    expect(rows[0]!.slice(0, 2)).toEqual(['B1-001', '0']);
    expect(Number(rows[0]![4])).toBeCloseTo(1620.9, 9);
    for (const row of rows.slice(1)) expect(Number(row[4])).toBeLessThan(1620.9);
  });
});
