import { describe, expect, it } from 'vitest';
import {
  assayColumnStats,
  fileHints,
  guessFileKind,
  headerSignature,
} from '../../src/domain/import/file-analysis';
import { mapHeaders } from '../../src/domain/import/header-mapping';
import { detectLengthUnit, headerLengthUnit } from '../../src/domain/import/length-unit-hint';
import { readCsv } from './dataset-csv';

const rowsOf = (records: Record<string, string>[], header: string[]) =>
  records
    .slice(0, 1000)
    .map((record, index) => ({ fields: header.map((h) => record[h] ?? ''), line: index + 2 }));

describe('length unit hints from the numbers', () => {
  it('sees metres converted from feet in copper_creek and tom_zone', () => {
    for (const file of ['copper_creek/assay.csv', 'tom_zone/assay.csv']) {
      const records = readCsv(file);
      const header = Object.keys(records[0]!);
      const mapping = mapHeaders('assays', header);
      const hint = fileHints(mapping, rowsOf(records, header), false).lengthUnit;
      expect(hint?.unit, file).toBe('m');
      expect(hint?.reasons[0]).toMatch(/whole feet written in metres/);
    }
  });

  it('sees feet in babbitt: State Plane coordinates and 5/10 ft sample lengths', () => {
    const collars = readCsv('babbitt/collar_BABBITT.csv');
    const header = Object.keys(collars[0]!);
    const hint = fileHints(mapHeaders('collars', header), rowsOf(collars, header), false).lengthUnit;
    expect(hint?.unit).toBe('ft');
    expect(hint?.reasons[0]).toMatch(/State Plane/);
    const assays = readCsv('babbitt/assay_BABBITT.csv');
    const assayHeader = Object.keys(assays[0]!);
    const assayHint = fileHints(
      mapHeaders('assays', assayHeader, { analytes: { CU: { unit: '%' } } }),
      rowsOf(assays, assayHeader),
      false,
    ).lengthUnit;
    expect(assayHint?.unit).toBe('ft');
  });

  it('gives no unit when nothing tells, and reads units stated in headers', () => {
    expect(detectLengthUnit({ depths: [0, 12.5, 40, 77.7] }).unit).toBeNull();
    expect(detectLengthUnit({ depths: [0, 3574.2] }).unit).toBe('ft');
    expect(headerLengthUnit('from_ft')).toBe('ft');
    expect(headerLengthUnit('Depth (m)')).toBe('m');
    expect(headerLengthUnit('mfrom')).toBeNull();
    expect(headerLengthUnit('Cu_ppm')).toBeNull();
  });
});

describe('dip and kind hints', () => {
  it('detects positive-down dips in babbitt surveys and negative-down in tom_zone', () => {
    const babbitt = readCsv('babbitt/survey_BABBITT.csv');
    const header = Object.keys(babbitt[0]!);
    expect(
      fileHints(mapHeaders('surveys', header), rowsOf(babbitt, header), false).dipConvention?.convention,
    ).toBe('positive-down');
    const tom = readCsv('tom_zone/survey.csv');
    const tomHeader = Object.keys(tom[0]!);
    expect(
      fileHints(mapHeaders('surveys', tomHeader), rowsOf(tom, tomHeader), false).dipConvention?.convention,
    ).toBe('negative-down');
  });

  it('guesses the kind of each shared file from its name and columns', () => {
    const cases: [string, string][] = [
      ['tom_zone/collar.csv', 'collars'],
      ['tom_zone/survey.csv', 'surveys'],
      ['tom_zone/assay.csv', 'assays'],
      ['tom_zone/interpretation.csv', 'lithology'],
      ['copper_creek/lithology.csv', 'lithology'],
      ['babbitt/collar_BABBITT.csv', 'collars'],
      ['forrestania/assay.csv', 'assays'],
    ];
    for (const [file, kind] of cases) {
      const header = Object.keys(readCsv(file)[0]!);
      expect(guessFileKind(file, header).kind, file).toBe(kind);
      expect(guessFileKind('export.csv', header).kind, `${file} without a telling name`).toBe(kind);
    }
  });

  it('counts negative codes and text codes per assay column', () => {
    const mapping = mapHeaders('assays', ['hole', 'from', 'to', 'Au_ppm']);
    const rows = ['0.5', '-0.005', '<0.005', 'ND', 'ND', 'NS', ''].map((text, i) => ({
      fields: ['DH1', String(i), String(i + 1), text],
      line: i + 2,
    }));
    const [stats] = assayColumnStats(mapping, rows, {
      decimalComma: false,
      negativeIsBelowDetection: true,
      codes: new Map([['ND', 'bdl']]),
    });
    expect(stats).toMatchObject({ numbers: 2, negatives: 1, empty: 1 });
    expect(stats!.texts).toEqual([
      { text: 'ND', count: 2, flag: 'bdl' },
      { text: '<0.005', count: 1, flag: 'bdl' },
      { text: 'NS', count: 1, flag: 'ns' },
    ]);
    expect(headerSignature([' BHID', 'FROM '])).toBe('["BHID","FROM"]');
  });
});
