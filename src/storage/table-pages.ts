// Pages of the editable tables for the grids: sorting and filtering done in SQL, with column names taken
// only from the whitelist in domain/table-fields.ts (analyte columns from the analytes table) and every
// value bound as a parameter. A view's rows are addressed two ways: by offset (readPage), or as the
// ordered ids of every matching row (readViewIds) from which any page is then read by id (readRowsByIds).
import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statement-cache';
import type { AssayFlag, DataTable } from '../domain/model';
import { analyteCodeOf, fieldOfColumn } from '../domain/entry/grid-cells';
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

/** What a grid shows: a table, its sort, its filters and an optional hole. */
export interface ViewQuery {
  table: DataTable;
  sort?: readonly PageSort[];
  filters?: readonly PageFilter[];
  holeId?: string;
}

export interface PageQuery extends ViewQuery {
  offset: number;
  limit: number;
}

const ALIAS: Record<DataTable, string> = { holes: 'h', surveys: 't', samples: 't', lithology: 't' };

/** Builds the FROM, WHERE and ORDER BY of a view; joins for analyte columns are added as they are used. */
class ViewSql {
  private readonly joins: string[] = [];
  private readonly joinParams: unknown[] = [];
  private readonly analyteAliases = new Map<string, string>();
  readonly where: string[] = [];
  readonly whereParams: unknown[] = [];

  constructor(
    private readonly db: Database,
    readonly table: DataTable,
  ) {}

  /** SQL expression for a whitelisted column of the table; anything else is refused. */
  column(columnId: string): string {
    const { table } = this;
    if (columnId === 'hole_id') return 'h.hole_id';
    if (columnId === 'id') return `${ALIAS[table]}.id`;
    const code = table === 'samples' ? analyteCodeOf(columnId) : null;
    if (code !== null) return `${this.analyteAlias(code)}.value`;
    const field = fieldOfColumn(table, columnId);
    if (!field) {
      throw new StorageError(
        'refused',
        `The ${table} table has no column "${columnId}" to sort or filter by.`,
      );
    }
    return `${ALIAS[table]}.${field.key}`;
  }

  /** The preferred result of an analyte, joined once per analyte used. */
  private analyteAlias(code: string): string {
    const known = this.analyteAliases.get(code);
    if (known) return known;
    const id = this.db.prepare('SELECT id FROM analytes WHERE code = ?').pluck().get(code) as
      number | undefined;
    if (id === undefined) {
      throw new StorageError('refused', `There is no analyte ${code} to sort or filter by.`);
    }
    const alias = `r${this.analyteAliases.size}`;
    this.joins.push(
      `LEFT JOIN assay_results ${alias} ON ${alias}.sample = t.id AND ${alias}.analyte = ? AND ${alias}.preferred = 1`,
    );
    this.joinParams.push(id);
    this.analyteAliases.set(code, alias);
    return alias;
  }

  addFilter(filter: PageFilter): void {
    const expression = this.column(filter.column);
    const params = this.whereParams;
    switch (filter.op) {
      case 'equals':
        params.push(filter.value ?? null);
        this.where.push(`${expression} = ?`);
        return;
      case 'contains':
        params.push(`%${escapeLike(String(filter.value ?? ''))}%`);
        this.where.push(`${expression} LIKE ? ESCAPE '\\'`);
        return;
      case 'startsWith':
        params.push(`${escapeLike(String(filter.value ?? ''))}%`);
        this.where.push(`${expression} LIKE ? ESCAPE '\\'`);
        return;
      case 'lessThan':
        params.push(filter.value ?? null);
        this.where.push(`${expression} < ?`);
        return;
      case 'greaterThan':
        params.push(filter.value ?? null);
        this.where.push(`${expression} > ?`);
        return;
      case 'between':
        params.push(filter.value ?? null, filter.valueTo ?? null);
        this.where.push(`${expression} BETWEEN ? AND ?`);
        return;
      case 'blank':
        this.where.push(`(${expression} IS NULL OR ${expression} = '')`);
        return;
      case 'notBlank':
        this.where.push(`(${expression} IS NOT NULL AND ${expression} <> '')`);
        return;
    }
  }

  orderBy(sort: readonly PageSort[]): string {
    const { table } = this;
    const chosen = sort.map(
      (entry) => `${this.column(entry.column)} ${entry.direction === 'desc' ? 'DESC' : 'ASC'}`,
    );
    const natural =
      table === 'holes'
        ? ['h.hole_id ASC']
        : table === 'surveys'
          ? ['h.hole_id ASC', 't.depth ASC']
          : ['h.hole_id ASC', 't.depth_from ASC'];
    return [...chosen, ...natural, `${ALIAS[table]}.id ASC`].join(', ');
  }

  from(): string {
    const base = this.table === 'holes' ? 'holes h' : `${this.table} t JOIN holes h ON h.id = t.hole`;
    return [base, ...this.joins].join(' ');
  }

  params(): unknown[] {
    return [...this.joinParams, ...this.whereParams];
  }

  clause(): string {
    return this.where.length > 0 ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

function viewSql(db: Database, query: ViewQuery): { sql: ViewSql; orderBy: string } {
  const sql = new ViewSql(db, query.table);
  if (query.holeId !== undefined) {
    sql.where.push('h.hole_id = ?');
    sql.whereParams.push(query.holeId);
  }
  for (const filter of query.filters ?? []) sql.addFilter(filter);
  return { sql, orderBy: sql.orderBy(query.sort ?? []) };
}

/** The FROM, WHERE (with its parameters) and ORDER BY of a view, for callers that stream its rows. */
export function viewClauses(
  db: Database,
  query: ViewQuery,
): { from: string; where: string; params: unknown[]; orderBy: string } {
  const { sql, orderBy } = viewSql(db, query);
  return { from: sql.from(), where: sql.clause(), params: sql.params(), orderBy };
}

/** The ids of every row of a view, in the view's order. */
export function readViewIds(db: Database, query: ViewQuery): Int32Array {
  const { sql, orderBy } = viewSql(db, query);
  const ids = db
    .prepare(`SELECT ${ALIAS[query.table]}.id FROM ${sql.from()} ${sql.clause()} ORDER BY ${orderBy}`)
    .pluck()
    .all(...sql.params()) as number[];
  return Int32Array.from(ids);
}

export interface StoredPage {
  rows: Record<string, unknown>[];
  total: number;
}

/** One page of a view by offset (the CLI and exports; the grids page through readViewIds). */
export function readPage(db: Database, query: PageQuery): StoredPage {
  const { sql, orderBy } = viewSql(db, query);
  const total = db
    .prepare(`SELECT count(*) FROM ${sql.from()} ${sql.clause()}`)
    .pluck()
    .get(...sql.params()) as number;
  const ids = db
    .prepare(
      `SELECT ${ALIAS[query.table]}.id FROM ${sql.from()} ${sql.clause()} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...sql.params(), query.limit, query.offset) as number[];
  return { rows: readRowsByIds(db, query.table, ids), total };
}

/**
 * Rows by id in the order given, each with its hole's ID, its stored problems and, for samples, its
 * preferred results by analyte code. Ids no longer in the table are skipped.
 */
export function readRowsByIds(
  db: Database,
  table: DataTable,
  ids: readonly number[],
): Record<string, unknown>[] {
  if (ids.length === 0) return [];
  const list = JSON.stringify(ids);
  const found = cachedStatement(
    db,
    table === 'holes'
      ? 'SELECT h.* FROM holes h WHERE h.id IN (SELECT value FROM json_each(?))'
      : `SELECT t.*, h.hole_id AS hole_id FROM ${table} t JOIN holes h ON h.id = t.hole WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(list) as Record<string, unknown>[];
  const byId = new Map(found.map((row) => [row.id as number, row]));
  const rows: Record<string, unknown>[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) rows.push(row);
  }
  if (table === 'samples') attachResults(db, rows, list);
  attachProblems(db, table, rows, list);
  return rows;
}

/** Adds each sample's preferred results, keyed by analyte code (the wide view of long-form assays). */
function attachResults(db: Database, rows: Record<string, unknown>[], list: string): void {
  const results = cachedStatement(
    db,
    `SELECT r.sample, a.code, r.lab_text, r.value, r.flag FROM assay_results r JOIN analytes a ON a.id = r.analyte
        WHERE r.preferred = 1 AND r.sample IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(list) as [number, string, string, number | null, AssayFlag][];
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

export interface RowProblem {
  /** The grid column the problem points at (`analyte:<code>` for assay problems), null for the row. */
  column: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Adds the stored problems of each row, so the grid can mark the cells. */
function attachProblems(db: Database, table: DataTable, rows: Record<string, unknown>[], list: string): void {
  const tables = table === 'samples' ? ['samples', 'assays'] : [table];
  const found = cachedStatement(
    db,
    `SELECT row_id, table_name, column_name, rule, severity, message FROM problems
        WHERE table_name IN (SELECT value FROM json_each(?)) AND row_id IN (SELECT value FROM json_each(?))
        ORDER BY severity, id`,
  )
    .raw()
    .all(JSON.stringify(tables), list) as [
    number,
    string,
    string | null,
    string,
    'error' | 'warning',
    string,
  ][];
  const byRow = new Map<number, RowProblem[]>();
  for (const [rowId, tableName, column, rule, severity, message] of found) {
    const problem: RowProblem = {
      column:
        tableName === 'assays' && column !== null
          ? `analyte:${column}`
          : column === 'hole'
            ? 'hole_id'
            : column,
      rule,
      severity,
      message,
    };
    const list = byRow.get(rowId);
    if (list) list.push(problem);
    else byRow.set(rowId, [problem]);
  }
  for (const row of rows) row.problems = byRow.get(row.id as number) ?? [];
}
