// Lookup lists: the codes of each list and how many rows use each code, over every column that draws
// from the list (the columns come from domain/table-fields.ts, never from input).
import type { Database } from 'better-sqlite3';
import type { DataTable } from '../domain/model';
import { TABLE_FIELDS } from '../domain/table-fields';

export interface LookupColumn {
  list: string;
  table: DataTable;
  column: string;
  label: string;
}

/** Every column drawing its codes from a lookup list. */
export const LOOKUP_COLUMNS: readonly LookupColumn[] = (Object.keys(TABLE_FIELDS) as DataTable[]).flatMap(
  (table) =>
    TABLE_FIELDS[table]
      .filter((field) => field.lookup !== undefined)
      .map((field) => ({ list: field.lookup!, table, column: field.key, label: field.label })),
);

export interface LookupCodeRow {
  list: string;
  code: string;
  description: string | null;
  sort_order: number;
  /** '#rrggbb', or null for the default colour of the code. */
  colour: string | null;
}

export function lookupNames(db: Database): string[] {
  const stored = db.prepare('SELECT DISTINCT list FROM lookup_codes').pluck().all() as string[];
  return [...new Set([...LOOKUP_COLUMNS.map((column) => column.list), ...stored])].sort();
}

export function lookupCodes(db: Database, list: string): LookupCodeRow[] {
  return db
    .prepare(
      'SELECT list, code, description, sort_order, colour FROM lookup_codes WHERE list = ? ORDER BY sort_order, code',
    )
    .all(list) as LookupCodeRow[];
}

export function lookupCode(db: Database, list: string, code: string): LookupCodeRow | undefined {
  return db
    .prepare(
      'SELECT list, code, description, sort_order, colour FROM lookup_codes WHERE list = ? AND code = ?',
    )
    .get(list, code) as LookupCodeRow | undefined;
}

export function nextSortOrder(db: Database, list: string): number {
  return db
    .prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM lookup_codes WHERE list = ?')
    .pluck()
    .get(list) as number;
}

/** Rows using each code of a list, summed over the columns drawing from it. */
export function codeUseCounts(db: Database, list: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const column of LOOKUP_COLUMNS.filter((entry) => entry.list === list)) {
    const rows = db
      .prepare(
        `SELECT ${column.column}, count(*) FROM ${column.table} WHERE ${column.column} IS NOT NULL GROUP BY ${column.column}`,
      )
      .raw()
      .all() as [string, number][];
    for (const [code, count] of rows) counts.set(code, (counts.get(code) ?? 0) + count);
  }
  return counts;
}

/** Row ids using a code in one column. */
export function rowsUsingCode(db: Database, column: LookupColumn, code: string): number[] {
  return db
    .prepare(`SELECT id FROM ${column.table} WHERE ${column.column} = ? ORDER BY id`)
    .pluck()
    .all(code) as number[];
}
