// Adding and deleting rows: a new row's values are checked like typed cells (required fields included),
// a hole needs a unique hole ID, a child row an existing hole; a delete takes its dependent rows with it
// and records them all so an undo puts everything back.
import type { DeletePreview, NextInterval } from '../../api/entry-types';
import { analyteCodeOf, fieldColumnId } from '../../domain/entry/grid-cells';
import type { DataTable } from '../../domain/model';
import { TABLE_FIELDS } from '../../domain/table-fields';
import { deepestInterval, deleteDependents, holeRowId, rowLabels } from '../../storage/entry-queries';
import type { Database } from '../../storage/project-db';
import type { RowTable, RowWriter, StoredRow, WriteTracker } from '../../storage/row-writes';
import { StorageError } from '../../storage/storage-error';
import { readRowsByIds } from '../../storage/table-pages';
import { checkCell, entryContext, writeCell, type EntryContext } from './cell-values';
import { runAction, type EntryEnv } from './entry-transaction';

/** A new row as typed: grid column id to text. */
export type NewRowValues = Record<string, string>;

export interface InsertOutcome {
  changeSet: number | null;
  ids: number[];
  rows: Record<string, unknown>[];
  tracker: WriteTracker;
}

/** Checks a new row and inserts it; a refusal names the column and says what to type. */
export function insertRow(
  writer: RowWriter,
  db: Database,
  table: DataTable,
  values: NewRowValues,
  context: EntryContext,
  rowLabel = 'New row',
): number {
  const row: StoredRow = {};
  for (const field of TABLE_FIELDS[table]) {
    const column = fieldColumnId(field);
    const text = values[column];
    // A sample is a regular sample unless it says otherwise.
    if (text === undefined && field.key === 'sample_type') continue;
    const cell = checkCell(table, column, text ?? '', context);
    if (!cell.ok) throw new StorageError('refused', `${rowLabel}: ${cell.message}`);
    if (cell.parse.kind !== 'field') continue;
    row[field.key] = field.kind === 'hole-ref' ? cell.holeRef : cell.parse.value;
  }
  const results = Object.entries(values).filter(
    ([column, text]) => analyteCodeOf(column) !== null && text.trim() !== '',
  );
  const checkedResults = results.map(([column, text]) => {
    const cell = checkCell(table, column, text, context);
    if (!cell.ok) throw new StorageError('refused', `${rowLabel}: ${cell.message}`);
    return cell;
  });
  for (const column of Object.keys(values)) {
    if (
      analyteCodeOf(column) === null &&
      !TABLE_FIELDS[table].some((field) => fieldColumnId(field) === column)
    ) {
      throw new StorageError('refused', `${rowLabel}: the ${table} table has no column "${column}".`);
    }
  }
  const id = writer.insert(table as RowTable, row);
  if (table === 'holes') context.holes.set(String(row.hole_id), id);
  for (const cell of checkedResults) writeCell(writer, db, table, id, cell, context);
  return id;
}

export function insertRows(env: EntryEnv, table: DataTable, rows: readonly NewRowValues[]): InsertOutcome {
  const { db } = env;
  const context = entryContext(db, env.dateOrder);
  const ids: number[] = [];
  const noun = table === 'holes' ? 'hole' : table === 'lithology' ? 'lithology interval' : table.slice(0, -1);
  const description =
    rows.length === 1
      ? table === 'holes'
        ? `Add hole ${rows[0]?.hole_id ?? ''}`
        : `Add ${noun} to ${rows[0]?.hole_id ?? 'a hole'}`
      : `Add ${rows.length} ${table} rows`;
  const outcome = runAction(env, { description }, (writer) => {
    rows.forEach((values, index) => {
      ids.push(
        insertRow(writer, db, table, values, context, rows.length > 1 ? `Row ${index + 1}` : 'New row'),
      );
    });
  });
  return { changeSet: outcome.changeSet, ids, rows: readRowsByIds(db, table, ids), tracker: outcome.tracker };
}

/** Where the next interval of a hole starts: at its deepest To, as long as the last one. */
export function nextInterval(db: Database, table: 'samples' | 'lithology', holeId: string): NextInterval {
  const hole = holeRowId(db, holeId);
  if (hole === undefined) {
    throw new StorageError(
      'not-found',
      `Hole ${holeId} is not in the project; add it in the Holes table first.`,
    );
  }
  const last = deepestInterval(db, table, hole);
  if (!last) return { hole_id: holeId, depth_from: 0, depth_to: null };
  const length = last.depth_from === null ? null : last.depth_to - last.depth_from;
  return {
    hole_id: holeId,
    depth_from: last.depth_to,
    depth_to: length !== null && length > 0 ? Math.round((last.depth_to + length) * 1e6) / 1e6 : null,
  };
}

export function deletePreview(db: Database, table: DataTable, ids: readonly number[]): DeletePreview {
  const rowTable = table as RowTable;
  const labels = rowLabels(db, rowTable, ids);
  return { rows: ids.length, labels, dependents: deleteDependents(db, rowTable, ids) };
}

export function deleteRows(
  env: EntryEnv,
  table: DataTable,
  ids: readonly number[],
): { changeSet: number | null; deleted: number; tracker: WriteTracker } {
  const rowTable = table as RowTable;
  const [label] = rowLabels(env.db, rowTable, ids, 1);
  const description = ids.length === 1 && label ? `Delete ${label}` : `Delete ${ids.length} ${table} rows`;
  const outcome = runAction(env, { description }, (writer) => {
    for (const id of ids) writer.delete(rowTable, id);
  });
  return { changeSet: outcome.changeSet, deleted: ids.length, tracker: outcome.tracker };
}
