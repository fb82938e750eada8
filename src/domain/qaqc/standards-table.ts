// The standards table as users write it: one line per reference material and analyte with the certified
// value and SD (and optionally the unit and a source), from a CSV file or the QA/QC setup panel. Every
// refusal names the line and column; nothing is half-read.
import { analyteUnitFrom } from '../certificates/lab-certificate';
import type { AnalyteUnit } from '../model';
import { parseNumber } from '../table-fields';
import { standardKey, type StandardValue } from './qaqc-model';

export interface StandardsRow {
  fields: readonly string[];
  line: number;
}

export interface StandardsProblem {
  line: number | null;
  column: string | null;
  message: string;
}

export interface ParsedStandards {
  standards: (StandardValue & { line: number })[];
  problems: StandardsProblem[];
}

type Field = 'code' | 'analyte' | 'value' | 'sd' | 'unit' | 'source';

const HEADERS: Record<string, Field> = {
  code: 'code',
  standard: 'code',
  standardcode: 'code',
  standardid: 'code',
  std: 'code',
  crm: 'code',
  material: 'code',
  referencematerial: 'code',
  analyte: 'analyte',
  element: 'analyte',
  analytecode: 'analyte',
  value: 'value',
  certified: 'value',
  certifiedvalue: 'value',
  expected: 'value',
  expectedvalue: 'value',
  recommended: 'value',
  recommendedvalue: 'value',
  sd: 'sd',
  stdev: 'sd',
  stddev: 'sd',
  standarddeviation: 'sd',
  '1sd': 'sd',
  onesd: 'sd',
  unit: 'unit',
  units: 'unit',
  source: 'source',
  lot: 'source',
  reference: 'source',
  notes: 'source',
};

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface StandardInput {
  code: string;
  analyte: string;
  value: string;
  sd: string;
  unit: string;
  source: string;
}

/**
 * Checks one entry as typed. `unitOf` gives the project's unit of an analyte (used when no unit is
 * given). Returns the entry or the problems, each naming its column.
 */
export function checkStandard(
  input: StandardInput,
  unitOf: (analyte: string) => AnalyteUnit | null,
  line: number | null = null,
): { standard: StandardValue | null; problems: StandardsProblem[] } {
  const problems: StandardsProblem[] = [];
  const at = (column: string, message: string) => problems.push({ line, column, message });
  const code = input.code.trim();
  const analyte = input.analyte.trim();
  if (code === '')
    at('code', 'The standard code is empty; give the code written on the insert (e.g. CDN-ME-4).');
  if (analyte === '') at('analyte', 'The analyte is empty; give its code as in the project (e.g. Zn).');
  const value = parseNumber(input.value);
  if (value === null || value < 0)
    at('value', `The certified value "${input.value}" is not a number of 0 or more.`);
  const sd = parseNumber(input.sd);
  if (sd === null || sd <= 0)
    at('sd', `The SD "${input.sd}" is not a number above 0; control charts divide by it.`);
  let unit: AnalyteUnit | null = null;
  if (input.unit.trim() !== '') {
    unit = analyteUnitFrom(input.unit);
    if (!unit) at('unit', `"${input.unit}" is not an assay unit (%, ppm, ppb, g/t, oz/t).`);
  } else if (analyte !== '') {
    unit = unitOf(analyte);
    if (!unit)
      at(
        'unit',
        `No unit is given and ${analyte} is not an analyte of the project yet; give the unit (%, ppm, ppb, g/t, oz/t).`,
      );
  }
  if (problems.length > 0 || value === null || sd === null || unit === null)
    return { standard: null, problems };
  const source = input.source.trim();
  return {
    standard: { code, analyte, certifiedValue: value, sd, unit, source: source === '' ? null : source },
    problems,
  };
}

/** Reads a standards table from CSV rows: a header row naming the columns, then one line per entry. */
export function parseStandardsRows(
  rows: readonly StandardsRow[],
  unitOf: (analyte: string) => AnalyteUnit | null,
): ParsedStandards {
  const nonEmpty = rows.filter((row) => row.fields.some((field) => field.trim() !== ''));
  const header = nonEmpty[0];
  if (!header)
    return { standards: [], problems: [{ line: null, column: null, message: 'The file is empty.' }] };
  const columns = new Map<Field, number>();
  header.fields.forEach((name, index) => {
    const field = HEADERS[norm(name)];
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const missing = (['code', 'analyte', 'value', 'sd'] as const).filter((field) => !columns.has(field));
  if (missing.length > 0) {
    return {
      standards: [],
      problems: [
        {
          line: header.line,
          column: null,
          message: `Line ${header.line} should name the columns code, analyte, value and sd (unit and source are optional); ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
        },
      ],
    };
  }
  const cell = (row: StandardsRow, field: Field) => {
    const index = columns.get(field);
    return index === undefined ? '' : (row.fields[index] ?? '');
  };
  const standards: ParsedStandards['standards'] = [];
  const problems: StandardsProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of nonEmpty.slice(1)) {
    const checked = checkStandard(
      {
        code: cell(row, 'code'),
        analyte: cell(row, 'analyte'),
        value: cell(row, 'value'),
        sd: cell(row, 'sd'),
        unit: cell(row, 'unit'),
        source: cell(row, 'source'),
      },
      unitOf,
      row.line,
    );
    problems.push(...checked.problems);
    if (!checked.standard) continue;
    const key = `${standardKey(checked.standard.code)}\u0000${checked.standard.analyte.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        column: 'code',
        message: `${checked.standard.code} ${checked.standard.analyte} is given twice (lines ${earlier} and ${row.line}); keep one.`,
      });
      continue;
    }
    seen.set(key, row.line);
    standards.push({ ...checked.standard, line: row.line });
  }
  if (standards.length === 0 && problems.length === 0)
    problems.push({
      line: header.line,
      column: null,
      message: 'The file has a header row but no standards under it.',
    });
  return { standards, problems };
}
