// What the grids need to know about the values of a column rather than a row: which analytes have
// results among a view's samples (empty analyte columns are hidden), and a sample of a number column's
// stored values (to tell the decimals it was written with).
import type { Database } from 'better-sqlite3';
import type { DataTable } from '../domain/model';
import { TABLE_FIELDS } from '../domain/table-fields';
import { cachedStatement } from './statement-cache';
import { StorageError } from './storage-error';

// Results a cell shows a value or a problem for; not-sampled, insufficient and missing codes do not count.
const HAS_VALUE = `flag IN ('value', 'bdl', 'odl', 'invalid')`;
const CHUNK = 2_000;

export interface AnalyteScan {
  /** Analyte ids with a preferred result among the samples scanned. */
  found: Set<number>;
  /** True when every sample was scanned, or every analyte wanted was found. */
  complete: boolean;
}

/**
 * The analytes among `wanted` with a result in the given samples, scanned a chunk at a time in the order
 * given and stopped as soon as every analyte is found or `budget` samples were read, so a view of a
 * million samples costs one chunk when its analytes all have results near the top.
 */
export function analytesWithValues(
  db: Database,
  sampleIds: Int32Array,
  wanted: ReadonlySet<number>,
  budget = Infinity,
): AnalyteScan {
  const statement = cachedStatement(
    db,
    `SELECT DISTINCT analyte FROM assay_results
      WHERE preferred = 1 AND ${HAS_VALUE} AND sample IN (SELECT value FROM json_each(?))`,
  ).pluck();
  const found = new Set<number>();
  const end = Math.min(sampleIds.length, budget);
  let at = 0;
  while (at < end && found.size < wanted.size) {
    const chunk = Array.from(sampleIds.subarray(at, Math.min(end, at + CHUNK)));
    for (const analyte of statement.all(JSON.stringify(chunk)) as number[]) {
      if (wanted.has(analyte)) found.add(analyte);
    }
    at += chunk.length;
  }
  return { found, complete: found.size === wanted.size || at >= sampleIds.length };
}

/** The analytes with at least one result anywhere in the project (one pass over the results). */
export function analytesWithAnyValue(db: Database): Set<number> {
  const ids = cachedStatement(
    db,
    `SELECT DISTINCT analyte FROM assay_results WHERE preferred = 1 AND ${HAS_VALUE}`,
  )
    .pluck()
    .all() as number[];
  return new Set(ids);
}

/**
 * Up to `limit` stored values of each number column of a table, read from the first rows of the table
 * (by id), for telling how many decimals the column's numbers were written with. Columns come from the
 * table's field list only.
 */
export function numberColumnSample(db: Database, table: DataTable, limit: number): Map<string, number[]> {
  const fields = (TABLE_FIELDS as Partial<typeof TABLE_FIELDS>)[table];
  if (!fields) throw new StorageError('refused', `There is no table "${String(table)}" with number columns.`);
  const columns = fields.filter((field) => field.kind === 'number').map((field) => field.key);
  const values = new Map(columns.map((column) => [column, [] as number[]]));
  if (columns.length === 0) return values;
  if (!Number.isInteger(limit) || limit < 1)
    throw new StorageError('refused', 'Give a positive sample size.');
  const rows = cachedStatement(db, `SELECT ${columns.join(', ')} FROM ${table} ORDER BY id LIMIT ?`)
    .raw()
    .all(limit) as (number | null)[][];
  for (const row of rows) {
    columns.forEach((column, index) => {
      const value = row[index];
      if (typeof value === 'number') values.get(column)?.push(value);
    });
  }
  return values;
}
