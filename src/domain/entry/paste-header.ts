// A pasted block whose first row holds column names (copied from a spreadsheet or an export with its
// header): which grid column each pasted column goes to, by the names the importer knows (hole_ID, BHID,
// depth_from, ...) plus drillbench's own headers with their units ("From (m)", "Zn (%)"). A column in
// another unit than the project's is not mapped, so 1.2 ppm never lands in a % column.
import { analyteFromHeader } from '../assay-values';
import { mapHeaders, MappingError, type FileKind } from '../import/header-mapping';
import type { DataTable, LengthUnit } from '../model';
import { analyteCodeOf, analyteColumnId, fieldOfColumn, parseCell, type CellContext } from './grid-cells';

const FILE_KIND: Record<DataTable, FileKind> = {
  holes: 'collars',
  surveys: 'surveys',
  samples: 'assays',
  lithology: 'lithology',
};

export interface PastedColumnMatch {
  /** Position of the column in the block. */
  index: number;
  header: string;
  /** The grid column it goes to, or null when it is left out (`reason` says why). */
  column: string | null;
  /** The grid column its name stands for, even when left out for its unit (it still reads as a name). */
  names: string | null;
  reason?: string;
}

export interface PasteHeaderMapping {
  columns: PastedColumnMatch[];
  /** Why no column could be mapped at all (a name given twice), or null. */
  problem: string | null;
}

const LENGTH_UNITS: Record<string, LengthUnit> = {
  m: 'm',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  ft: 'ft',
  feet: 'ft',
  foot: 'ft',
};

const ANALYTE_UNITS: Record<string, string> = {
  '%': '%',
  pct: '%',
  percent: '%',
  ppm: 'ppm',
  ppb: 'ppb',
  'g/t': 'g/t',
  gpt: 'g/t',
  'oz/t': 'oz/t',
  opt: 'oz/t',
};

/** "From (m)" -> name "From", unit "m"; a header without a unit in brackets is all name. */
function splitUnit(header: string): { name: string; unit: string | null } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(header.trim());
  if (!match || match[1] === '') return { name: header.trim(), unit: null };
  return { name: match[1]!, unit: match[2]!.trim().toLowerCase() };
}

export interface HeaderContext {
  /** The project's analytes by code (their unit decides whether a column fits). */
  analytes: CellContext['analytes'];
  lengthUnit: LengthUnit;
}

/** Maps each pasted column to a grid column by its name. */
export function mapPasteHeader(
  table: DataTable,
  headers: readonly string[],
  context: HeaderContext,
): PasteHeaderMapping {
  const split = headers.map(splitUnit);
  const columns: PastedColumnMatch[] = headers.map((header, index) => ({
    index,
    header,
    column: null,
    names: null,
    reason:
      header.trim() === ''
        ? 'The column has no name.'
        : `No column of this table is called "${header.trim()}".`,
  }));
  let mapping;
  try {
    mapping = mapHeaders(
      FILE_KIND[table],
      split.map((part) => part.name),
      {},
      () => true,
      false,
    );
  } catch (error) {
    if (error instanceof MappingError) return { columns, problem: error.message };
    throw error;
  }
  for (const [field, index] of Object.entries(mapping.fields)) {
    const spec = fieldOfColumn(table, field);
    const target = columns[index]!;
    if (!spec) continue;
    target.names = field;
    const unit = split[index]!.unit;
    const length = unit === null ? undefined : LENGTH_UNITS[unit];
    const measured = spec.quantity === 'depth' || spec.quantity === 'coordinate';
    if (measured && length !== undefined && length !== context.lengthUnit) {
      target.reason = `The column is in ${length}; this project is in ${context.lengthUnit}. Convert the values first.`;
      continue;
    }
    target.column = field;
    delete target.reason;
  }
  const codes = new Map(
    [...context.analytes.values()].map((analyte) => [analyte.code.toLowerCase(), analyte]),
  );
  for (const found of mapping.analytes) {
    const target = columns[found.column]!;
    // The unit in brackets ("Zn (%)"), else the importer's suffix ("Zn_pct").
    const bracket = split[found.column]!.unit;
    const suffixed = analyteFromHeader(found.header);
    const code = bracket === null ? suffixed.code : found.header;
    const unit = bracket === null ? suffixed.unit : (ANALYTE_UNITS[bracket] ?? bracket);
    const analyte = codes.get(code.trim().toLowerCase());
    if (analyte) target.names = analyteColumnId(analyte.code);
    if (!analyte) {
      target.reason = `Samples has no column and this project no analyte called "${code.trim()}".`;
      continue;
    }
    if (unit !== null && unit !== analyte.unit) {
      target.reason = `The column is in ${unit}; this project's ${analyte.code} is in ${analyte.unit}. Convert the values first.`;
      continue;
    }
    target.column = analyteColumnId(analyte.code);
    delete target.reason;
  }
  return { columns, problem: null };
}

/** The grid's own name of a column, as its header shows it without the unit ("From", "Zn"). */
function gridName(table: DataTable, column: string): string {
  return fieldOfColumn(table, column)?.label ?? analyteCodeOf(column) ?? column;
}

/**
 * Whether the first row looks like column names rather than values: at least half its named cells name
 * columns (in any unit), and either two or more do, or the one that does is the grid's own name of its
 * column or could not be a value of it (a lone "Comments" above comments is a header; a lone "Hole" above
 * hole IDs could be a hole).
 */
export function looksLikeHeader(table: DataTable, mapping: PasteHeaderMapping, cells: CellContext): boolean {
  const named = mapping.columns.filter((column) => column.header.trim() !== '');
  const known = mapping.columns.filter((column) => column.names !== null);
  if (known.length === 0 || known.length * 2 < named.length) return false;
  if (known.length >= 2) return true;
  const only = known[0]!;
  const name = splitUnit(only.header).name.toLowerCase();
  if (name === gridName(table, only.names!).toLowerCase()) return true;
  return !parseCell(table, only.names!, only.header, cells).ok;
}

/**
 * The header mapping of a pasted block when its first row names columns and rows follow it; null when
 * the block is to be pasted as it is.
 */
export function detectPasteHeader(
  table: DataTable,
  rows: readonly (readonly string[])[],
  context: HeaderContext,
  cells: CellContext,
): PasteHeaderMapping | null {
  const first = rows[0];
  if (rows.length < 2 || first === undefined) return null;
  const mapping = mapPasteHeader(table, first, context);
  return looksLikeHeader(table, mapping, cells) ? mapping : null;
}

/**
 * The block's rows below the header, cut to the columns given a grid column (`targets[i]` for pasted
 * column i, null to leave it out), with the grid columns they go to.
 */
export function rowsByHeader(
  targets: readonly (string | null)[],
  rows: readonly (readonly string[])[],
): { columns: string[]; rows: string[][] } {
  const kept = targets.flatMap((column, index) => (column === null ? [] : [{ column, index }]));
  return {
    columns: kept.map((entry) => entry.column),
    rows: rows.slice(1).map((row) => kept.map((entry) => row[entry.index] ?? '')),
  };
}

/** Grid columns two or more pasted columns are sent to, which the user must settle before pasting. */
export function doubleTargets(targets: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const column of targets) {
    if (column === null) continue;
    if (seen.has(column)) twice.add(column);
    seen.add(column);
  }
  return [...twice];
}
