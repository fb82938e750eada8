// What an export writes: the tables a user can export, their columns with units in the headers, and how
// an assay result becomes a cell (the lab's text, or a number by a stated below-detection rule).
import type { AnalyteUnit, AssayFlag, DipConvention, LengthUnit } from '../model';
import { parseNumber } from '../table-fields';
import type { CellValue } from './cell-safety';

export const EXPORT_TABLES = [
  'holes',
  'surveys',
  'samples',
  'assay_results',
  'lithology',
  'analytes',
  'lookup_codes',
  'problems',
  'lab_certificates',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const EXPORT_TABLE_TITLES: Record<ExportTable, string> = {
  holes: 'Holes',
  surveys: 'Surveys',
  samples: 'Samples',
  assay_results: 'Assay results',
  lithology: 'Lithology',
  analytes: 'Analytes',
  lookup_codes: 'Lookup codes',
  problems: 'Validation problems',
  lab_certificates: 'Lab certificates',
};

/** Tables the grids show, whose views (filters, sort) can be exported as seen. */
export const VIEW_TABLES = ['holes', 'surveys', 'samples', 'lithology'] as const;

/** How assay results are written: the lab's text, or numbers by a below-detection rule. */
export const ASSAY_VALUE_MODES = ['lab', 'half', 'dl', 'zero', 'negative', 'blank'] as const;
export type AssayValueMode = (typeof ASSAY_VALUE_MODES)[number];

export const ASSAY_VALUE_RULES: Record<AssayValueMode, string> = {
  lab: 'results as the lab reported them (<0.01, >10, NS, IS kept as text; numbers as numbers)',
  half: 'below-detection results as half the detection limit, over-limit results at the limit, NS, IS and other results without a number left blank',
  dl: 'below-detection results at the detection limit, over-limit results at the limit, NS, IS and other results without a number left blank',
  zero: 'below-detection results as 0, over-limit results at the limit, NS, IS and other results without a number left blank',
  negative:
    'below-detection results as the negative detection limit (-0.01 for <0.01), over-limit results at the limit, NS, IS and other results without a number left blank',
  blank:
    'below-detection results left blank, over-limit results at the limit, NS, IS and other results without a number left blank',
};

export type ColumnType = 'text' | 'number' | 'integer' | 'result';

export interface ExportColumn {
  key: string;
  header: string;
  /** 'result' holds a lab result's text: a number where it reads as one, else text. */
  type: ColumnType;
  decimals?: number;
}

export interface ExportUnits {
  lengthUnit: LengthUnit;
  dipConvention: DipConvention;
}

export interface ExportAnalyte {
  code: string;
  unit: AnalyteUnit;
  decimals: number;
}

const text = (key: string, header: string): ExportColumn => ({ key, header, type: 'text' });
const number = (key: string, header: string): ExportColumn => ({ key, header, type: 'number' });
const integer = (key: string, header: string): ExportColumn => ({ key, header, type: 'integer' });

export function dipWords(convention: DipConvention): string {
  return convention === 'negative-down' ? 'negative down' : 'positive down';
}

/** The columns of a table, headers carrying units; samples get one column per analyte at the end. */
export function exportColumns(
  table: ExportTable,
  units: ExportUnits,
  analytes: readonly ExportAnalyte[] = [],
  mode: AssayValueMode = 'lab',
): ExportColumn[] {
  const u = units.lengthUnit;
  const dip = `Dip (deg, ${dipWords(units.dipConvention)})`;
  switch (table) {
    case 'holes':
      return [
        text('hole_id', 'Hole ID'),
        number('easting', `Easting (${u})`),
        number('northing', `Northing (${u})`),
        number('elevation', `Elevation (${u})`),
        number('azimuth', 'Azimuth (deg)'),
        number('dip', dip),
        number('eoh', `End of hole (${u})`),
        text('hole_type', 'Type'),
        text('station', 'Station / pad'),
        text('program', 'Program'),
        text('started_on', 'Started'),
        text('completed_on', 'Completed'),
        text('comments', 'Comments'),
      ];
    case 'surveys':
      return [
        text('hole_id', 'Hole ID'),
        number('depth', `Depth (${u})`),
        number('azimuth', 'Azimuth (deg)'),
        number('dip', dip),
        text('method', 'Method'),
        text('comments', 'Comments'),
      ];
    case 'samples':
      return [
        text('hole_id', 'Hole ID'),
        number('depth_from', `From (${u})`),
        number('depth_to', `To (${u})`),
        text('sample_id', 'Sample ID'),
        text('sample_type', 'Sample type'),
        text('parent_sample_id', 'Duplicate of'),
        text('standard_code', 'Standard'),
        number('density', 'Density (g/cm3)'),
        text('comments', 'Comments'),
        ...analytes.map((analyte): ExportColumn => ({
          key: `analyte:${analyte.code}`,
          header: `${analyte.code} (${analyte.unit})`,
          type: mode === 'lab' ? 'result' : 'number',
          decimals: analyte.decimals,
        })),
      ];
    case 'assay_results':
      return [
        text('hole_id', 'Hole ID'),
        text('sample_id', 'Sample ID'),
        number('depth_from', `From (${u})`),
        number('depth_to', `To (${u})`),
        text('analyte', 'Analyte'),
        text('unit', 'Unit'),
        integer('seq', 'Seq'),
        text('lab_text', 'Lab result (text)'),
        number('value', 'Value (analyte unit)'),
        text('flag', 'Flag'),
        text('lab_unit', 'Lab unit (if converted)'),
        text('method', 'Method'),
        text('lab', 'Lab'),
        text('certificate', 'Certificate'),
        integer('preferred', 'Preferred'),
      ];
    case 'lithology':
      return [
        text('hole_id', 'Hole ID'),
        number('depth_from', `From (${u})`),
        number('depth_to', `To (${u})`),
        text('code', 'Lithology'),
        text('description', 'Description'),
        text('comments', 'Comments'),
      ];
    case 'analytes':
      return [
        text('code', 'Analyte'),
        text('unit', 'Unit'),
        number('detection_limit', 'Detection limit'),
        number('upper_limit', 'Upper limit'),
        integer('decimals', 'Decimals'),
        text('description', 'Description'),
      ];
    case 'lookup_codes':
      return [
        text('list', 'List'),
        text('code', 'Code'),
        text('description', 'Description'),
        // '#rrggbb' as stored; empty where the code is drawn in its default colour.
        text('colour', 'Colour'),
      ];
    case 'problems':
      return [
        text('severity', 'Severity'),
        text('rule', 'Rule'),
        text('hole_id', 'Hole ID'),
        text('table', 'Table'),
        integer('row_id', 'Row'),
        text('column', 'Column'),
        text('message', 'Message'),
      ];
    case 'lab_certificates':
      return [
        text('certificate', 'Certificate'),
        text('lab', 'Lab'),
        text('client', 'Client'),
        text('project', 'Project'),
        text('reported_on', 'Reported'),
        text('file_name', 'File'),
        integer('samples', 'Samples'),
        integer('results', 'Results'),
        text('imported_at', 'Imported'),
      ];
  }
}

export interface StoredResult {
  lab_text: string;
  value: number | null;
  flag: AssayFlag;
  /** The unit the lab reported, when `value` was converted to the analyte's unit. */
  lab_unit: AnalyteUnit | null;
}

/**
 * One result as a cell. In 'lab' mode the lab's text, except that a measured number written otherwise
 * than a plain number ('5,32' from a decimal-comma file) is the number, and a value converted from
 * another unit is the number (or <limit, >limit) in the analyte's unit, so the column's unit holds.
 */
export function assayCell(result: StoredResult | undefined, mode: AssayValueMode): CellValue {
  if (!result) return null;
  const { value, flag } = result;
  if (mode === 'lab') {
    if (result.lab_unit === null) {
      if (flag === 'value' && value !== null && parseNumber(result.lab_text) !== value) return value;
      return result.lab_text;
    }
    if (flag === 'value') return value;
    if (flag === 'bdl' && value !== null) return `<${value}`;
    if (flag === 'odl' && value !== null) return `>${value}`;
    return result.lab_text;
  }
  if (flag === 'value' || flag === 'odl') return value;
  if (flag !== 'bdl' || value === null) return null;
  switch (mode) {
    case 'half':
      return value / 2;
    case 'dl':
      return value;
    case 'zero':
      return 0;
    case 'negative':
      return -value;
    case 'blank':
      return null;
  }
}
