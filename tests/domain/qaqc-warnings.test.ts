// QA/QC failures as validation warnings, the report over a whole project's inserts, and the standards
// table read from CSV rows.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QAQC, type QcResult } from '../../src/domain/qaqc/qaqc-model';
import { allFailures, standardUses, type QcData } from '../../src/domain/qaqc/qaqc-report';
import { batchWarnings, type QcFailure } from '../../src/domain/qaqc/qaqc-warnings';
import { parseStandardsRows } from '../../src/domain/qaqc/standards-table';
import { RULES } from '../../src/domain/validation/rules';

function qc(
  rowId: number,
  batch: string | null,
  value: number,
  analyte = 'Zn',
): QcResult & { analyte: string } {
  return {
    rowId,
    sampleId: `S-${rowId}`,
    hole: 7,
    holeId: 'EUG-11-050',
    batch,
    value,
    flag: 'value',
    labText: String(value),
    analyte,
  };
}

const data: QcData = {
  analytes: [
    { code: 'Zn', unit: '%', detectionLimit: 0.01 },
    { code: 'Pb', unit: '%', detectionLimit: null },
  ],
  standards: [{ code: 'CDN-ME-4', analyte: 'Zn', certifiedValue: 15.12, sd: 0.23, unit: '%', source: null }],
  standardResults: [
    { ...qc(1, 'VAN1', 15.2), standardCode: 'CDN-ME-4' },
    { ...qc(2, 'VAN2', 16.1), standardCode: 'cdn-me-4 ' }, // z 4.26: fails; code matched without case
    { ...qc(3, 'VAN2', 3.1, 'Pb'), standardCode: 'CDN-ME-4' }, // no table value for Pb
    { ...qc(4, 'VAN3', 6.4), standardCode: 'CDN-ME-1' }, // not in the table
  ],
  blankResults: [
    qc(5, 'VAN2', 0.14), // above 0.05: fails
    qc(6, 'VAN3', 0.01),
    qc(8, 'VAN3', 0.9, 'Pb'), // Pb has no detection limit: not judged
  ],
  duplicates: [],
};

describe('QA/QC over a project', () => {
  it('lists the standards in use and which analytes the table covers', () => {
    expect(standardUses(data)).toEqual([
      { code: 'CDN-ME-1', inserts: 1, analytes: [{ analyte: 'Zn', results: 1, inTable: false }] },
      {
        code: 'CDN-ME-4',
        inserts: 3,
        analytes: [
          { analyte: 'Zn', results: 2, inTable: true },
          { analyte: 'Pb', results: 1, inTable: false },
        ],
      },
    ]);
  });

  it('finds the failing standard and blank and names the value and limit', () => {
    const failures = allFailures(data, DEFAULT_QAQC);
    expect(failures.map((f) => [f.rule, f.rowId, f.batch])).toEqual([
      ['qaqc-standard-failure', 2, 'VAN2'],
      ['qaqc-blank-failure', 5, 'VAN2'],
    ]);
    expect(failures[0]!.text).toBe(
      'standard CDN-ME-4 (sample S-2) Zn 16.1 % is beyond 3 SD (certified 15.12 ± 0.23 %, 3 SD limits 14.43-15.81 %)',
    );
    expect(failures[1]!.text).toBe(
      'blank (sample S-5) Zn 0.14 % is above 0.05 % (5 x the detection limit 0.01 %)',
    );
  });
});

describe('batch warnings', () => {
  const failure = (rowId: number, batch: string | null, text: string): QcFailure => ({
    rule: 'qaqc-standard-failure',
    analyte: 'Zn',
    rowId,
    sampleId: `S-${rowId}`,
    hole: 3,
    holeId: 'DH003',
    batch,
    text,
  });

  it('warns every sample of the batch once, naming all its failures; without a batch only the insert', () => {
    const members = [
      { rowId: 10, hole: 1, holeId: 'DH001' },
      { rowId: 11, hole: 2, holeId: 'DH002' },
    ];
    const asked: string[] = [];
    const problems = batchWarnings(
      [failure(1, 'VAN2', 'first'), failure(2, 'VAN2', 'second'), failure(3, null, 'third')],
      (batch, analyte) => {
        asked.push(`${batch} ${analyte}`);
        return members;
      },
    );
    expect(asked).toEqual(['VAN2 Zn']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toEqual({
      rule: 'qaqc-standard-failure',
      severity: 'warning',
      table: 'assays',
      hole_id: 'DH001',
      hole: 1,
      row_id: 10,
      column: 'Zn',
      message:
        "QA/QC, batch VAN2: first; second. Check this batch's Zn results with the lab (re-assay the batch or accept it and say why).",
    });
    expect(problems[1]!.row_id).toBe(11);
    expect(problems[2]).toMatchObject({ row_id: 3, hole: 3, column: 'Zn' });
    expect(problems[2]!.message).toMatch(/^QA\/QC: third\. The result has no certificate number/);
  });

  it('are rules the Validation view knows, as warnings', () => {
    expect(RULES['qaqc-standard-failure'].severity).toBe('warning');
    expect(RULES['qaqc-blank-failure'].severity).toBe('warning');
  });
});

describe('standards table from CSV rows', () => {
  const unitOf = (analyte: string) => (analyte.toLowerCase() === 'zn' ? ('%' as const) : null);
  const rows = (lines: string[][]) => lines.map((fields, i) => ({ fields, line: i + 1 }));

  it('reads code, analyte, value and SD under recognised headers, the unit from the project when absent', () => {
    const parsed = parseStandardsRows(
      rows([
        ['Standard', 'Element', 'Certified value', '1SD', 'Units', 'Lot'],
        ['CDN-ME-4', 'Zn', '15.12', '0.23', '', 'cert 2009'],
        ['CDN-ME-4', 'Ag', '58', '2.1', 'g/t', ''],
      ]),
      unitOf,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.standards).toEqual([
      {
        code: 'CDN-ME-4',
        analyte: 'Zn',
        certifiedValue: 15.12,
        sd: 0.23,
        unit: '%',
        source: 'cert 2009',
        line: 2,
      },
      { code: 'CDN-ME-4', analyte: 'Ag', certifiedValue: 58, sd: 2.1, unit: 'g/t', source: null, line: 3 },
    ]);
  });

  it('names the line and column of every bad entry', () => {
    const parsed = parseStandardsRows(
      rows([
        ['code', 'analyte', 'value', 'sd'],
        ['CDN-ME-4', 'Zn', 'abc', '0'],
        ['CDN-ME-4', 'Cu', '1', '0.1'],
        ['cdn-me-4', 'zn', '15', '0.2'],
        ['CDN-ME-4', 'Zn', '15.12', '0.23'],
      ]),
      unitOf,
    );
    expect(parsed.problems).toEqual([
      { line: 2, column: 'value', message: 'The certified value "abc" is not a number of 0 or more.' },
      { line: 2, column: 'sd', message: 'The SD "0" is not a number above 0; control charts divide by it.' },
      {
        line: 3,
        column: 'unit',
        message:
          'No unit is given and Cu is not an analyte of the project yet; give the unit (%, ppm, ppb, g/t, oz/t).',
      },
      { line: 5, column: 'code', message: 'CDN-ME-4 Zn is given twice (lines 4 and 5); keep one.' },
    ]);
  });

  it('refuses a file without the needed columns', () => {
    const parsed = parseStandardsRows(rows([['name', 'value']]), unitOf);
    expect(parsed.problems[0]!.message).toBe(
      'Line 1 should name the columns code, analyte, value and sd (unit and source are optional); code, analyte, sd are missing.',
    );
  });
});
