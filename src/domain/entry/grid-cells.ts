// What a grid cell holds and how typed text becomes a stored value: the "refused" level of validation,
// shared by the grid editors (instant feedback), the server (which re-checks every edit) and paste.
import { parseLabValue } from '../assay-values';
import type { AnalyteUnit, AssayFlag, DataTable } from '../model';
import {
  parseField,
  TABLE_FIELDS,
  type FieldSpec,
  type ParseContext,
  type ParsedValue,
} from '../table-fields';

/** Analyte columns of the samples grid are named `analyte:<code>`. */
export const ANALYTE_COLUMN_PREFIX = 'analyte:';

export function analyteColumnId(code: string): string {
  return ANALYTE_COLUMN_PREFIX + code;
}

/** The analyte code of an analyte column id, or null for any other column. */
export function analyteCodeOf(columnId: string): string | null {
  return columnId.startsWith(ANALYTE_COLUMN_PREFIX) ? columnId.slice(ANALYTE_COLUMN_PREFIX.length) : null;
}

/** The grid's column id of a field: a child table's hole reference shows (and is edited as) the hole ID. */
export function fieldColumnId(field: FieldSpec): string {
  return field.kind === 'hole-ref' ? 'hole_id' : field.key;
}

/** The field behind a grid column id, or undefined when the table has no such column. */
export function fieldOfColumn(table: DataTable, columnId: string): FieldSpec | undefined {
  return TABLE_FIELDS[table].find((field) => fieldColumnId(field) === columnId);
}

export interface AnalyteInfo {
  code: string;
  unit: AnalyteUnit;
}

export interface CellContext extends ParseContext {
  /** A negative result is a below-detection code (-0.01 means <0.01), as in the importer's default. */
  negativeIsBelowDetection: boolean;
  /** The project's own missing-value codes, beside the built-in -99, -999 and -9999. */
  missingSentinels?: readonly number[];
  /** Analytes by code; an analyte column must name one of them. */
  analytes: ReadonlyMap<string, AnalyteInfo>;
}

export interface ResultValue {
  lab_text: string;
  value: number | null;
  flag: AssayFlag;
}

export type CellParse =
  | { ok: true; kind: 'field'; field: FieldSpec; value: ParsedValue }
  /** `result` null clears the cell (removes the preferred result). */
  | { ok: true; kind: 'result'; analyte: AnalyteInfo; result: ResultValue | null }
  | { ok: false; message: string };

/** Reads a lab result as typed: the text is kept, the number and flag come from `parseLabValue`. */
export function parseResultText(
  analyte: AnalyteInfo,
  raw: string,
  negativeIsBelowDetection: boolean,
  missingSentinels?: readonly number[],
): CellParse {
  const text = raw.trim();
  if (text === '') return { ok: true, kind: 'result', analyte, result: null };
  const parsed = parseLabValue(text, { negativeIsBelowDetection, missingSentinels });
  if (parsed.flag === 'invalid') {
    return {
      ok: false,
      message: `${analyte.code} (${analyte.unit}): "${text}" is neither a number nor a result code. Type the lab's result as reported, e.g. 1.25, <0.01, >10, NS or IS.`,
    };
  }
  return {
    ok: true,
    kind: 'result',
    analyte,
    result: { lab_text: text, value: parsed.value, flag: parsed.flag },
  };
}

/**
 * Parses the text typed or pasted into one cell. A refusal says what is wrong and what to type; the
 * caller keeps the text so the user can correct it. Hole references are only checked for form here:
 * whether the hole exists is the server's question.
 */
export function parseCell(table: DataTable, columnId: string, raw: string, context: CellContext): CellParse {
  const code = table === 'samples' ? analyteCodeOf(columnId) : null;
  if (code !== null) {
    const analyte = context.analytes.get(code);
    if (!analyte) return { ok: false, message: `There is no analyte ${code} in this project.` };
    return parseResultText(analyte, raw, context.negativeIsBelowDetection, context.missingSentinels);
  }
  const field = fieldOfColumn(table, columnId);
  if (!field) return { ok: false, message: `The ${table} table has no column "${columnId}" to edit.` };
  const parsed = parseField(field, raw, context);
  return parsed.ok ? { ok: true, kind: 'field', field, value: parsed.value } : parsed;
}

/** The columns of a table that take typed values, in grid order (analytes come after the fields). */
export function editableColumnIds(table: DataTable, analyteCodes: readonly string[] = []): string[] {
  const fields = TABLE_FIELDS[table].map(fieldColumnId);
  return table === 'samples' ? [...fields, ...analyteCodes.map(analyteColumnId)] : fields;
}

/** Text shown in a cell and put in its editor: numbers as stored, results as the lab's text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'lab_text' in value) return String((value as ResultValue).lab_text);
  return String(value);
}
