// The undo and redo stacks, read from the change sets (migration 0110): undo takes back the newest user
// edit still done; redo re-applies what the newest undos took back, until a new edit is made. A grid's
// stacks hold the change sets with audit entries in its tables (migration 0210 indexes them).
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

/** Tables (by their audit names) a scoped undo looks at; undefined: the whole project. */
export type AuditTables = readonly string[] | undefined;

/** `AND EXISTS (an entry of the change set in one of the tables)`, with its parameters. */
function touching(alias: string, tables: AuditTables): { sql: string; params: string[] } {
  if (tables === undefined) return { sql: '', params: [] };
  if (tables.length === 0) throw new Error('A scoped undo needs at least one table.');
  return {
    sql: ` AND EXISTS (SELECT 1 FROM audit_log a WHERE a.change_set = ${alias}.id AND a.table_name IN (${tables.map(() => '?').join(', ')}))`,
    params: [...tables],
  };
}

/** The change set Ctrl+Z would take back: the newest user edit still done (that touched `tables`). */
export function undoTarget(db: Database, tables?: AuditTables): ChangeSetSummary | undefined {
  const scope = touching('c', tables);
  return db
    .prepare(
      `SELECT c.id, c.at, c.source, c.description FROM change_sets c
        WHERE c.undoable = 1 AND c.state = 'done'${scope.sql}
        ORDER BY c.id DESC LIMIT 1`,
    )
    .get(...scope.params) as ChangeSetSummary | undefined;
}

/**
 * The change set Ctrl+Y would re-apply: the one taken back by the newest undo since the last new edit
 * whose change set is still undone. Scoped, both the undo and the new edits are those of the scope's
 * tables: an edit in another grid does not end this grid's redo.
 */
export function redoTarget(db: Database, tables?: AuditTables): ChangeSetSummary | undefined {
  const target = touching('target', tables);
  const edit = touching('c', tables);
  return db
    .prepare(
      `SELECT target.id, target.at, target.source, target.description
         FROM change_sets u JOIN change_sets target ON target.id = u.replays
        WHERE u.source = 'undo' AND target.state = 'undone'${target.sql}
          AND u.id > coalesce((SELECT c.id FROM change_sets c WHERE c.undoable = 1${edit.sql} ORDER BY c.id DESC LIMIT 1), 0)
        ORDER BY u.id DESC LIMIT 1`,
    )
    .get(...target.params, ...edit.params) as ChangeSetSummary | undefined;
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
