// The undo and redo stacks, read from the change sets (migration 0110): undo takes back the newest user
// edit still done; redo re-applies what the newest undos took back, until a new edit is made.
import type { Database } from 'better-sqlite3';

export interface ChangeSetSummary {
  id: number;
  at: string;
  source: string;
  description: string;
}

export interface AuditRow {
  id: number;
  action: 'insert' | 'update' | 'delete' | 'import';
  table_name: string;
  row_id: number | null;
  column_name: string | null;
  old_value: unknown;
  new_value: unknown;
}

/** The change set Ctrl+Z would take back. */
export function undoTarget(db: Database): ChangeSetSummary | undefined {
  return db
    .prepare(
      `SELECT id, at, source, description FROM change_sets WHERE undoable = 1 AND state = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .get() as ChangeSetSummary | undefined;
}

/**
 * The change set Ctrl+Y would re-apply: the one taken back by the newest undo since the last new edit
 * whose change set is still undone.
 */
export function redoTarget(db: Database): ChangeSetSummary | undefined {
  return db
    .prepare(
      `SELECT target.id, target.at, target.source, target.description
         FROM change_sets u JOIN change_sets target ON target.id = u.replays
        WHERE u.source = 'undo' AND target.state = 'undone'
          AND u.id > coalesce((SELECT max(id) FROM change_sets WHERE undoable = 1), 0)
        ORDER BY u.id DESC LIMIT 1`,
    )
    .get() as ChangeSetSummary | undefined;
}

/** A change set's audit entries in the order they were written. */
export function changeSetEntries(db: Database, changeSet: number): AuditRow[] {
  return db
    .prepare(
      'SELECT id, action, table_name, row_id, column_name, old_value, new_value FROM audit_log WHERE change_set = ? ORDER BY id',
    )
    .all(changeSet) as AuditRow[];
}

export function setChangeSetState(db: Database, changeSet: number, state: 'done' | 'undone'): void {
  db.prepare('UPDATE change_sets SET state = ? WHERE id = ?').run(state, changeSet);
}
