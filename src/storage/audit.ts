// The audit log: every change belongs to a change set (one user action) with time and OS user, and each
// entry keeps the old and new value so the action can be undone and redone later.
import type { Database } from 'better-sqlite3';

export type ChangeSource = 'grid' | 'paste' | 'import' | 'cli' | 'api' | 'demo' | 'undo' | 'redo';

export interface ChangeSetInfo {
  source: ChangeSource;
  description: string;
  osUser: string;
  /** A user edit that Ctrl+Z may take back (migration 0110). */
  undoable?: boolean;
  /** For an undo or redo: the change set it takes back or re-applies. */
  replays?: number;
}

export interface AuditEntry {
  action: 'insert' | 'update' | 'delete' | 'import';
  table: string;
  rowId: number | null;
  column: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export function beginChangeSet(db: Database, info: ChangeSetInfo): number {
  const result = db
    .prepare(
      'INSERT INTO change_sets (at, os_user, source, description, undoable, replays) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      new Date().toISOString(),
      info.osUser,
      info.source,
      info.description,
      info.undoable ? 1 : 0,
      info.replays ?? null,
    );
  return Number(result.lastInsertRowid);
}

/** SQLite stores numbers, text and null as they are; anything else (a whole row) as JSON text. */
function storable(value: unknown): string | number | bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') return value;
  return JSON.stringify(value);
}

export function createAuditWriter(db: Database, changeSet: number): (entry: AuditEntry) => void {
  const insert = db.prepare(
    'INSERT INTO audit_log (change_set, action, table_name, row_id, column_name, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (entry) => {
    insert.run(
      changeSet,
      entry.action,
      entry.table,
      entry.rowId,
      entry.column,
      storable(entry.oldValue),
      storable(entry.newValue),
    );
  };
}

export interface ChangeSetRow {
  id: number;
  at: string;
  os_user: string;
  source: string;
  description: string;
  state: 'done' | 'undone';
}

export function listChangeSets(db: Database, limit = 100): ChangeSetRow[] {
  return db
    .prepare('SELECT id, at, os_user, source, description, state FROM change_sets ORDER BY id DESC LIMIT ?')
    .all(limit) as ChangeSetRow[];
}
