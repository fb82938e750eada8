// Pages of the editable tables for the grids: sorting and filtering done in SQL, with column names taken
// only from the whitelist in domain/table-fields.ts and every value bound as a parameter.
import type { Database } from 'better-sqlite3';
import type { AssayFlag, DataTable } from '../domain/model';
import { TABLE_FIELDS } from '../domain/table-fields';
import { StorageError } from './storage-error';

export interface PageSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface PageFilter {
  column: string;
  op: 'equals' | 'contains' | 'startsWith' | 'lessThan' | 'greaterThan' | 'between' | 'blank' | 'notBlank';
  value?: string | number;
  valueTo?: string | number;
}

export interface PageQuery {
  table: DataTable;
  offset: number;
  limit: number;
  sort?: PageSort[];
  filters?: PageFilter[];
  holeId?: string;
}

const ALIAS: Record<DataTable, string> = { holes: 'h', surveys: 't', samples: 't', lithology: 't' };

/** SQL expression for a whitelisted column of a table; anything else is refused. */
export function columnExpression(table: DataTable, column: string): string {
  if (column === 'hole_id') return 'h.hole_id';
  if (column === 'id') return `${ALIAS[table]}.id`;
  const field = TABLE_FIELDS[table].find((spec) => spec.key === column);
  if (!field) {
    throw new StorageError('refused', `The ${table} table has no column "${column}" to sort or filter by.`);
  }
  return field.kind === 'hole-ref' ? 'h.hole_id' : `${ALIAS[table]}.${field.key}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

export function filterClause(table: DataTable, filter: PageFilter, params: unknown[]): string {
  const expression = columnExpression(table, filter.column);
  switch (filter.op) {
    case 'equals':
      params.push(filter.value ?? null);
      return `${expression} = ?`;
    case 'contains':
      params.push(`%${escapeLike(String(filter.value ?? ''))}%`);
      return `${expression} LIKE ? ESCAPE '\\'`;
    case 'startsWith':
      params.push(`${escapeLike(String(filter.value ?? ''))}%`);
      return `${expression} LIKE ? ESCAPE '\\'`;
    case 'lessThan':
      params.push(filter.value ?? null);
      return `${expression} < ?`;
    case 'greaterThan':
      params.push(filter.value ?? null);
      return `${expression} > ?`;
    case 'between':
      params.push(filter.value ?? null, filter.valueTo ?? null);
      return `${expression} BETWEEN ? AND ?`;
    case 'blank':
      return `(${expression} IS NULL OR ${expression} = '')`;
    case 'notBlank':
      return `(${expression} IS NOT NULL AND ${expression} <> '')`;
  }
}

export interface StoredPage {
  rows: Record<string, unknown>[];
  total: number;
}

/** One page of a table, sorted and filtered; child tables carry their hole's ID as `hole_id`. */
export function readPage(db: Database, query: PageQuery): StoredPage {
  const { table } = query;
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.holeId !== undefined) {
    where.push('h.hole_id = ?');
    params.push(query.holeId);
  }
  for (const filter of query.filters ?? []) where.push(filterClause(table, filter, params));
  const from = table === 'holes' ? 'holes h' : `${table} t JOIN holes h ON h.id = t.hole`;
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const defaultOrder =
    table === 'holes'
      ? ['h.hole_id ASC']
      : table === 'surveys'
        ? ['h.hole_id ASC', 't.depth ASC']
        : ['h.hole_id ASC', 't.depth_from ASC'];
  const order = (query.sort ?? []).map(
    (sort) => `${columnExpression(table, sort.column)} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}`,
  );
  const orderBy = [...order, ...defaultOrder, `${ALIAS[table]}.id ASC`].join(', ');
  const select = table === 'holes' ? 'h.*' : 't.*, h.hole_id AS hole_id';
  const total = db
    .prepare(`SELECT count(*) FROM ${from} ${clause}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT ${select} FROM ${from} ${clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as Record<string, unknown>[];
  if (table === 'samples') attachResults(db, rows);
  return { rows, total };
}

/** Adds each sample's preferred results, keyed by analyte code (the wide view of long-form assays). */
function attachResults(db: Database, rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.id as number);
  const results = db
    .prepare(
      `SELECT r.sample, a.code, r.lab_text, r.value, r.flag FROM assay_results r JOIN analytes a ON a.id = r.analyte
        WHERE r.preferred = 1 AND r.sample IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [number, string, string, number | null, AssayFlag][];
  const bySample = new Map<
    number,
    Record<string, { lab_text: string; value: number | null; flag: AssayFlag }>
  >();
  for (const [sample, code, lab_text, value, flag] of results) {
    let cells = bySample.get(sample);
    if (!cells) {
      cells = {};
      bySample.set(sample, cells);
    }
    cells[code] = { lab_text, value, flag };
  }
  for (const row of rows) row.results = bySample.get(row.id as number) ?? {};
}
