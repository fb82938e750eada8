// Undo and redo built on the audit log, so they survive sorting, filtering, scrolling and restarts: an
// undo replays a change set's entries backwards (old values back, inserted rows out, deleted rows in),
// a redo forwards; each is itself an audited change set. Before touching a row the replay checks it is
// as the change set left it; if another change got there first the whole undo is refused and nothing moves.
import { UNDO_SCOPE_LABELS, UNDO_SCOPE_TABLES, type UndoScope } from '../../domain/entry/undo-scope';
import type { DataTable } from '../../domain/model';
import type { Database } from '../../storage/project-db';
import {
  describeRow,
  ROW_TABLES,
  type RestorableTable,
  type RowWriter,
  type StoredRow,
  type WriteTracker,
} from '../../storage/row-writes';
import { StorageError } from '../../storage/storage-error';
import {
  changeSetEntries,
  redoTarget,
  setChangeSetState,
  undoTarget,
  type AuditRow,
  type ChangeSetSummary,
} from '../../storage/undo-log';
import { runAction, type EntryEnv } from './entry-transaction';

export interface ReplayOutcome {
  changeSet: number | null;
  replayed: ChangeSetSummary;
  tables: DataTable[];
  tracker: WriteTracker;
}

const RESTORABLE: readonly string[] = [...ROW_TABLES, 'assay_results', 'lookup_codes'];

function restorable(entry: AuditRow): RestorableTable {
  if (!RESTORABLE.includes(entry.table_name)) {
    throw new StorageError('refused', `This change touched ${entry.table_name}, which undo cannot replay.`);
  }
  return entry.table_name as RestorableTable;
}

/** Whole rows are kept as JSON in the audit log. */
function rowValue(value: unknown): StoredRow {
  if (typeof value !== 'string')
    throw new StorageError('damaged', 'An audit entry lost its row; undo cannot replay it.');
  return JSON.parse(value) as StoredRow;
}

function sameResult(a: StoredRow, b: StoredRow): boolean {
  return a.lab_text === b.lab_text && a.value === b.value && a.flag === b.flag && a.preferred === b.preferred;
}

function sameLookup(a: StoredRow, b: StoredRow): boolean {
  return a.code === b.code && (a.description ?? null) === (b.description ?? null);
}

/** Applies one entry backwards (undo) or forwards (redo). */
function replayEntry(writer: RowWriter, entry: AuditRow, direction: 'undo' | 'redo'): void {
  const table = restorable(entry);
  const [from, to] =
    direction === 'undo' ? [entry.new_value, entry.old_value] : [entry.old_value, entry.new_value];
  const action = entry.action;
  if (action === 'update') {
    if (table === 'assay_results' || table === 'lookup_codes') {
      const expected = rowValue(from);
      const current = writer.readByKey(table, expected);
      const same = table === 'assay_results' ? sameResult : sameLookup;
      if (!current || !same(current, expected)) {
        throw new StorageError(
          'conflict',
          `${describeRow(table, expected)} was changed since by another change; it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.`,
        );
      }
      writer.replace(table, current, rowValue(to), entry.column_name);
      return;
    }
    const rowTable = table as (typeof ROW_TABLES)[number];
    const current = writer.read(rowTable, entry.row_id!);
    if (!current)
      throw new StorageError(
        'conflict',
        `Row ${entry.row_id} of ${table} was deleted since; the change cannot be ${direction === 'undo' ? 'undone' : 'redone'}.`,
      );
    const now = current[entry.column_name!] ?? null;
    if (now !== (from ?? null)) {
      throw new StorageError(
        'conflict',
        `${describeRow(rowTable, current)}: ${entry.column_name} was changed since (it is now ${String(now)}, not ${String(from)}); it cannot be ${direction === 'undo' ? 'undone' : 'redone'}.`,
      );
    }
    writer.update(rowTable, entry.row_id!, entry.column_name!, to ?? null);
    return;
  }
  const removes = (action === 'insert') === (direction === 'undo');
  if (action !== 'insert' && action !== 'delete')
    throw new StorageError('refused', 'An import cannot be undone from the grid.');
  if (removes) writer.remove(table, rowValue(action === 'insert' ? entry.new_value : entry.old_value));
  else writer.restore(table, rowValue(action === 'insert' ? entry.new_value : entry.old_value));
}

function touchedTables(entries: readonly AuditRow[]): DataTable[] {
  const tables = new Set<DataTable>();
  for (const entry of entries) {
    if (entry.table_name === 'assay_results') tables.add('samples');
    else if ((ROW_TABLES as readonly string[]).includes(entry.table_name))
      tables.add(entry.table_name as DataTable);
  }
  return [...tables];
}

function replay(env: EntryEnv, target: ChangeSetSummary, direction: 'undo' | 'redo'): ReplayOutcome {
  const { db } = env;
  const entries = changeSetEntries(db, target.id);
  const ordered = direction === 'undo' ? [...entries].reverse() : entries;
  const outcome = runAction(
    env,
    {
      description: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${target.description}`,
      source: direction,
      undoable: false,
      replays: target.id,
    },
    (writer) => {
      for (const entry of ordered) replayEntry(writer, entry, direction);
      setChangeSetState(db, target.id, direction === 'undo' ? 'undone' : 'done');
    },
  );
  return {
    changeSet: outcome.changeSet,
    replayed: target,
    tables: touchedTables(entries),
    tracker: outcome.tracker,
  };
}

const scopeTables = (scope: UndoScope | undefined) => (scope ? UNDO_SCOPE_TABLES[scope] : undefined);
const inScope = (scope: UndoScope | undefined) => (scope ? ` in ${UNDO_SCOPE_LABELS[scope]}` : '');

/** Takes back the newest change still in effect: of the project, or of one view's tables. */
export function undo(env: EntryEnv, scope?: UndoScope): ReplayOutcome {
  const target = undoTarget(env.db, scopeTables(scope));
  if (!target) throw new StorageError('not-found', `There is nothing to undo${inScope(scope)}.`);
  return replay(env, target, 'undo');
}

export function redo(env: EntryEnv, scope?: UndoScope): ReplayOutcome {
  const target = redoTarget(env.db, scopeTables(scope));
  if (!target) throw new StorageError('not-found', `There is nothing to redo${inScope(scope)}.`);
  return replay(env, target, 'redo');
}

export function editHistory(
  db: Database,
  scope?: UndoScope,
): { undo: ChangeSetSummary | null; redo: ChangeSetSummary | null } {
  const tables = scopeTables(scope);
  return { undo: undoTarget(db, tables) ?? null, redo: redoTarget(db, tables) ?? null };
}
