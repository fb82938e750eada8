// Cell edits from the grids: each typed value is checked again here (the editor's check is a courtesy,
// the server's is the rule), written with its audit entry, and re-validated; the result carries every row
// whose marks changed so the grid can repaint them without reloading.
import type { DataTable } from '../../domain/model';
import { holesOfRows, problemFingerprints, rowLabels } from '../../storage/entry-queries';
import type { RowTable } from '../../storage/row-writes';
import { StorageError } from '../../storage/storage-error';
import { readRowsByIds } from '../../storage/table-pages';
import { checkCell, columnLabel, entryContext, writeCell } from './cell-values';
import { runAction, type EntryEnv } from './entry-transaction';

export interface CellEdit {
  rowId: number;
  column: string;
  text: string;
}

export interface CellEditOutcome {
  changeSet: number | null;
  rows: Record<string, unknown>[];
  tracker: ReturnType<typeof runAction>['tracker'];
}

/** Row ids of `table` whose stored problems differ between two fingerprints. */
function changedProblemRows(
  table: DataTable,
  before: Map<string, string>,
  after: Map<string, string>,
): number[] {
  const tables = table === 'samples' ? ['samples', 'assays'] : [table];
  const changed = new Set<number>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(key) === after.get(key)) continue;
    const [name, row] = key.split(':');
    if (tables.includes(name!)) changed.add(Number(row));
  }
  return [...changed];
}

/** Applies edits to one table, all or nothing: one refused value refuses them all, with its reason. */
export function editCells(env: EntryEnv, table: DataTable, edits: readonly CellEdit[]): CellEditOutcome {
  const { db } = env;
  const context = entryContext(db, env.dateOrder);
  const rowTable = table as RowTable;
  const holeOfRow = holesOfRows(
    db,
    rowTable,
    edits.map((edit) => edit.rowId),
  );
  for (const edit of edits) {
    if (!holeOfRow.has(edit.rowId)) {
      throw new StorageError(
        'not-found',
        `Row ${edit.rowId} of ${table} no longer exists; refresh the grid.`,
      );
    }
  }
  const checked = edits.map((edit) => {
    const cell = checkCell(
      table,
      edit.column,
      edit.text,
      context,
      context.holes.holeId(holeOfRow.get(edit.rowId)!),
    );
    if (!cell.ok) throw new StorageError('refused', cell.message);
    return { edit, cell };
  });
  const holes = new Set(holeOfRow.values());
  for (const { cell } of checked) if (cell.holeRef !== undefined) holes.add(cell.holeRef);
  const before = problemFingerprints(db, [...holes]);
  const first = edits[0];
  const label = first ? columnLabel(table, first.column, context) : '';
  const description =
    edits.length === 1 && first
      ? `Edit ${label} of ${rowLabels(db, rowTable, [first.rowId])[0] ?? `row ${first.rowId}`}`
      : `Edit ${edits.length} cells of ${table}`;
  const outcome = runAction(env, { description }, (writer) => {
    for (const { edit, cell } of checked) writeCell(writer, db, table, edit.rowId, cell, context);
  });
  const after = problemFingerprints(db, [...holes]);
  const ids = [...new Set([...edits.map((edit) => edit.rowId), ...changedProblemRows(table, before, after)])];
  return { changeSet: outcome.changeSet, rows: readRowsByIds(db, table, ids), tracker: outcome.tracker };
}
