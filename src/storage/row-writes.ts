// Row-level writes for the grids, every one audited with enough to undo it: an update keeps the old and
// new value of its column, an insert the whole new row, a delete the whole old row and every row the
// delete takes with it (a hole's surveys, samples, results and lithology; a sample's results). A tracker
// collects what validation must look at again afterwards. The caller owns the transaction.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from './audit';
import { cachedStatement as prepared } from './statement-cache';
import { StorageError } from './storage-error';

export const ROW_TABLES = ['holes', 'surveys', 'samples', 'lithology'] as const;
export type RowTable = (typeof ROW_TABLES)[number];

/** Tables whose rows the audit log can restore: the four row tables, results and lookup codes. */
export type RestorableTable = RowTable | 'assay_results' | 'lookup_codes';

export type StoredRow = Record<string, unknown>;

/** What a set of writes touched: which holes and sample IDs to re-validate, and row count changes. */
export interface WriteTracker {
  holes: Set<number>;
  /** Holes whose hole ID changed: messages naming them are rewritten. */
  renamedHoles: Set<number>;
  sampleIds: Set<string>;
  sampleRows: Set<number>;
  inserted: Map<RestorableTable, number>;
  deleted: Map<RestorableTable, number>;
  /** Row ids inserted and deleted per row table, for the grids' views. */
  insertedIds: Map<RowTable, number[]>;
  deletedIds: Map<RowTable, number[]>;
  /** Change in stored problems, kept as the writes and the re-validation go. */
  problemDelta: { errors: number; warnings: number };
  /** A QA/QC insert (blank, standard, duplicate) was added, deleted or put back: QA/QC is re-judged. */
  qcInsertRows: boolean;
}

export function newWriteTracker(): WriteTracker {
  return {
    holes: new Set(),
    renamedHoles: new Set(),
    sampleIds: new Set(),
    sampleRows: new Set(),
    inserted: new Map(),
    deleted: new Map(),
    insertedIds: new Map(),
    deletedIds: new Map(),
    problemDelta: { errors: 0, warnings: 0 },
    qcInsertRows: false,
  };
}

function bump(map: Map<RestorableTable, number>, table: RestorableTable, by = 1): void {
  map.set(table, (map.get(table) ?? 0) + by);
}

function pushId(map: Map<RowTable, number[]>, table: RowTable, id: number): void {
  const list = map.get(table);
  if (list) list.push(id);
  else map.set(table, [id]);
}

const columnCache = new WeakMap<Database, Map<string, readonly string[]>>();

/** The stored columns of a table, read from the schema so later migrations' columns are kept too. */
export function tableColumns(db: Database, table: RestorableTable): readonly string[] {
  let byTable = columnCache.get(db);
  if (!byTable) {
    byTable = new Map();
    columnCache.set(db, byTable);
  }
  let columns = byTable.get(table);
  if (!columns) {
    columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    byTable.set(table, columns);
  }
  return columns;
}

function checkedColumn(db: Database, table: RestorableTable, column: string): string {
  if (!tableColumns(db, table).includes(column) || column === 'id') {
    throw new StorageError('refused', `The ${table} table has no column "${column}" to change.`);
  }
  return column;
}

/** The key that names a row of a restorable table, as stored in its audit JSON. */
function keyOf(table: RestorableTable, row: StoredRow): { where: string; params: unknown[] } {
  if (table === 'assay_results')
    return { where: 'sample = ? AND analyte = ? AND seq = ?', params: [row.sample, row.analyte, row.seq] };
  if (table === 'lookup_codes') return { where: 'list = ? AND code = ?', params: [row.list, row.code] };
  return { where: 'id = ?', params: [row.id] };
}

export class RowWriter {
  constructor(
    private readonly db: Database,
    private readonly audit: (entry: AuditEntry) => void,
    readonly tracker: WriteTracker = newWriteTracker(),
  ) {}

  read(table: RowTable, id: number): StoredRow | undefined {
    return prepared(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as StoredRow | undefined;
  }

  readByKey(table: RestorableTable, key: StoredRow): StoredRow | undefined {
    const { where, params } = keyOf(table, key);
    return prepared(this.db, `SELECT * FROM ${table} WHERE ${where}`).get(...params) as StoredRow | undefined;
  }

  /** Sets one column of one row; returns false (and writes nothing) when the value is unchanged. */
  update(table: RowTable, id: number, column: string, value: unknown): boolean {
    const name = checkedColumn(this.db, table, column);
    const before = this.read(table, id);
    if (!before)
      throw new StorageError('not-found', `Row ${id} of ${table} no longer exists; refresh the grid.`);
    const old = before[name] ?? null;
    if (old === value) return false;
    prepared(this.db, `UPDATE ${table} SET ${name} = ? WHERE id = ?`).run(value, id);
    this.audit({ action: 'update', table, rowId: id, column: name, oldValue: old, newValue: value });
    this.noteRow(table, before);
    if (table === 'holes' && name === 'hole_id') this.tracker.renamedHoles.add(id);
    if (name === 'hole' && typeof value === 'number') this.tracker.holes.add(value);
    if (table === 'samples' && name === 'sample_id' && typeof value === 'string')
      this.tracker.sampleIds.add(value);
    return true;
  }

  /** Inserts a row (with the id given, or the next one) and returns its id. */
  insert(table: RowTable, values: StoredRow): number {
    const columns = Object.keys(values).filter((column) => values[column] !== undefined);
    for (const column of columns) if (column !== 'id') checkedColumn(this.db, table, column);
    const result = prepared(
      this.db,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((column) => values[column]));
    const id = Number(result.lastInsertRowid);
    const row = this.read(table, id)!;
    this.audit({ action: 'insert', table, rowId: id, column: null, oldValue: null, newValue: row });
    this.noteRow(table, row);
    this.noteInsertRow(table, row);
    bump(this.tracker.inserted, table);
    pushId(this.tracker.insertedIds, table, id);
    return id;
  }

  /**
   * Deletes a row and what depends on it, auditing each dependent row before the row itself so an undo,
   * which replays backwards, puts the row back before its dependents.
   */
  delete(table: RowTable, id: number): void {
    const row = this.read(table, id);
    if (!row)
      throw new StorageError('not-found', `Row ${id} of ${table} no longer exists; refresh the grid.`);
    if (table === 'holes') {
      for (const child of ['surveys', 'samples', 'lithology'] as const) {
        const ids = this.db
          .prepare(`SELECT id FROM ${child} WHERE hole = ? ORDER BY id`)
          .pluck()
          .all(id) as number[];
        for (const childId of ids) this.delete(child, childId);
      }
    }
    if (table === 'samples') {
      const results = prepared(
        this.db,
        'SELECT * FROM assay_results WHERE sample = ? ORDER BY analyte, seq',
      ).all(id) as StoredRow[];
      for (const result of results) this.removeRestorable('assay_results', result);
    }
    if (table === 'holes') {
      // The hole's problems go with it (ON DELETE CASCADE): count them out.
      const gone = problemCountsOfHoles(this.db, [id]);
      this.tracker.problemDelta.errors -= gone.errors;
      this.tracker.problemDelta.warnings -= gone.warnings;
    }
    prepared(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.audit({ action: 'delete', table, rowId: id, column: null, oldValue: row, newValue: null });
    this.noteRow(table, row);
    this.noteInsertRow(table, row);
    bump(this.tracker.deleted, table);
    pushId(this.tracker.deletedIds, table, id);
  }

  /** Puts back a whole row as the audit log recorded it (undo of a delete, redo of an insert). */
  restore(table: RestorableTable, row: StoredRow): void {
    if (this.readByKey(table, row)) {
      throw new StorageError(
        'conflict',
        `${describeRow(table, row)} exists again (added since by another change), so it cannot be put back.`,
      );
    }
    const allowed = tableColumns(this.db, table);
    const columns = Object.keys(row).filter((column) => allowed.includes(column));
    try {
      prepared(
        this.db,
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ).run(...columns.map((column) => row[column] ?? null));
    } catch (error) {
      throw constraintConflict(error, table, row);
    }
    this.audit({
      action: 'insert',
      table,
      rowId: rowIdOf(table, row),
      column: null,
      oldValue: null,
      newValue: row,
    });
    bump(this.tracker.inserted, table);
    if (isRowTable(table)) {
      this.noteRow(table, row);
      this.noteInsertRow(table, row);
      pushId(this.tracker.insertedIds, table, row.id as number);
    } else if (table === 'assay_results') this.noteResult(row);
  }

  /** Removes a row named by its audit JSON (undo of an insert, redo of a delete). */
  remove(table: RestorableTable, key: StoredRow): void {
    const row = this.readByKey(table, key);
    if (!row) {
      throw new StorageError('conflict', `${describeRow(table, key)} was already removed by another change.`);
    }
    if (isRowTable(table)) {
      const blocking = dependents(this.db, table, row.id as number);
      if (blocking > 0) {
        throw new StorageError(
          'conflict',
          `${describeRow(table, row)} has ${blocking} row${blocking === 1 ? '' : 's'} added to it since (in another view, another window or by an import); undo or delete those first.`,
        );
      }
      this.delete(table, row.id as number);
      return;
    }
    this.removeRestorable(table, row);
  }

  private removeRestorable(table: 'assay_results' | 'lookup_codes', row: StoredRow): void {
    const { where, params } = keyOf(table, row);
    prepared(this.db, `DELETE FROM ${table} WHERE ${where}`).run(...params);
    this.audit({
      action: 'delete',
      table,
      rowId: rowIdOf(table, row),
      column: null,
      oldValue: row,
      newValue: null,
    });
    bump(this.tracker.deleted, table);
    if (table === 'assay_results') this.noteResult(row);
  }

  /** Replaces a result or lookup row in place (a corrected lab value keeps its sample, analyte and seq). */
  replace(
    table: 'assay_results' | 'lookup_codes',
    before: StoredRow,
    after: StoredRow,
    column: string | null,
  ): void {
    const current = this.readByKey(table, before);
    if (!current) throw new StorageError('conflict', `${describeRow(table, before)} no longer exists.`);
    const allowed = tableColumns(this.db, table);
    const columns = Object.keys(after).filter((column) => allowed.includes(column));
    const { where, params } = keyOf(table, before);
    prepared(
      this.db,
      `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE ${where}`,
    ).run(...columns.map((column) => after[column] ?? null), ...params);
    this.audit({
      action: 'update',
      table,
      rowId: rowIdOf(table, after),
      column,
      oldValue: current,
      newValue: after,
    });
    if (table === 'assay_results') this.noteResult(after);
  }

  insertResult(row: StoredRow): void {
    const allowed = tableColumns(this.db, 'assay_results');
    const columns = Object.keys(row).filter((column) => allowed.includes(column));
    prepared(
      this.db,
      `INSERT INTO assay_results (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((column) => row[column] ?? null));
    const stored = this.readByKey('assay_results', row)!;
    this.audit({
      action: 'insert',
      table: 'assay_results',
      rowId: row.sample as number,
      column: null,
      oldValue: null,
      newValue: stored,
    });
    bump(this.tracker.inserted, 'assay_results');
    this.noteResult(stored);
  }

  removeResult(row: StoredRow): void {
    this.removeRestorable('assay_results', row);
  }

  private noteResult(row: StoredRow): void {
    const hole = prepared(this.db, 'SELECT hole FROM samples WHERE id = ?').pluck().get(row.sample) as
      number | undefined;
    if (hole !== undefined) this.tracker.holes.add(hole);
  }

  /** Notes a QA/QC insert added, deleted or put back (its failures may change a batch's warnings). */
  private noteInsertRow(table: RowTable, row: StoredRow): void {
    if (table === 'samples' && row.sample_type !== undefined && row.sample_type !== 'regular')
      this.tracker.qcInsertRows = true;
  }

  /** Records the hole and sample IDs a row belongs to (before or after a change). */
  private noteRow(table: RowTable, row: StoredRow): void {
    const hole = table === 'holes' ? (row.id as number) : (row.hole as number);
    this.tracker.holes.add(hole);
    if (table === 'samples') {
      this.tracker.sampleRows.add(row.id as number);
      if (typeof row.sample_id === 'string') this.tracker.sampleIds.add(row.sample_id);
    }
  }
}

/** A constraint the database enforces, turned into a conflict the user can act on. */
function constraintConflict(error: unknown, table: RestorableTable, row: StoredRow): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return new StorageError(
      'conflict',
      `${describeRow(table, row)} cannot be put back: another row now uses its ID.`,
    );
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new StorageError(
      'conflict',
      `${describeRow(table, row)} cannot be put back: the row it belongs to is gone.`,
    );
  return error;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/** Stored problems of some holes by severity. */
export function problemCountsOfHoles(db: Database, holes: readonly number[]): ProblemCounts {
  const counts = { errors: 0, warnings: 0 };
  const rows = prepared(
    db,
    'SELECT severity, count(*) FROM problems WHERE hole IN (SELECT value FROM json_each(?)) GROUP BY severity',
  )
    .raw(true)
    .all(JSON.stringify(holes)) as [string, number][];
  for (const [severity, count] of rows) {
    if (severity === 'error') counts.errors += count;
    else counts.warnings += count;
  }
  return counts;
}

function isRowTable(table: RestorableTable): table is RowTable {
  return (ROW_TABLES as readonly string[]).includes(table);
}

function rowIdOf(table: RestorableTable, row: StoredRow): number | null {
  if (table === 'assay_results') return row.sample as number;
  if (table === 'lookup_codes') return null;
  return row.id as number;
}

/** Rows that hang off a row: a hole's surveys, samples and lithology; a sample's results. */
function dependents(db: Database, table: RowTable, id: number): number {
  if (table === 'holes') {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM surveys WHERE hole = ?) + (SELECT count(*) FROM samples WHERE hole = ?) + (SELECT count(*) FROM lithology WHERE hole = ?)`,
      )
      .pluck()
      .get(id, id, id) as number;
  }
  if (table === 'samples')
    return db.prepare('SELECT count(*) FROM assay_results WHERE sample = ?').pluck().get(id) as number;
  return 0;
}

/** A row named the way a user knows it, for conflict messages. */
export function describeRow(table: RestorableTable, row: StoredRow): string {
  switch (table) {
    case 'holes':
      return `Hole ${String(row.hole_id ?? row.id)}`;
    case 'samples':
      return row.sample_id ? `Sample ${String(row.sample_id)}` : `Sample row ${String(row.id)}`;
    case 'surveys':
      return `The survey at ${String(row.depth ?? '?')}`;
    case 'lithology':
      return `The lithology interval ${String(row.depth_from ?? '?')}-${String(row.depth_to ?? '?')}`;
    case 'assay_results':
      return `A result of sample row ${String(row.sample)}`;
    case 'lookup_codes':
      return `Code ${String(row.code)} of the ${String(row.list)} list`;
  }
}
