// Pasting a block from Excel or LibreOffice at the focused cell. The block lands on the rows the grid
// shows from that position (the view's ordered ids, so sorting and filtering are respected), and rows
// past the end of the view are added. Every cell is checked first; with any bad cell nothing is written
// until the user fixes the block or accepts applying the good cells only. The write is one transaction
// and one change set, so one undo takes the whole paste back.
import type { PasteBadCell } from '../../api/entry-types';
import { fieldColumnId } from '../../domain/entry/grid-cells';
import { rowName, type RowNameParts } from '../../domain/entry/row-name';
import type { DataTable } from '../../domain/model';
import { TABLE_FIELDS } from '../../domain/table-fields';
import { holesOfRows, rowLabelMap } from '../../storage/entry-queries';
import type { RowTable, WriteTracker } from '../../storage/row-writes';
import { StorageError } from '../../storage/storage-error';
import type { ViewQuery } from '../../storage/table-pages';
import type { ViewSnapshots } from '../grid/view-snapshots';
import { checkCell, entryContext, writeCell, type CheckedCell, type EntryContext } from './cell-values';
import { runAction, type EntryEnv } from './entry-transaction';
import { insertRow, type NewRowValues } from './row-entry';

export type PasteMode = 'check' | 'apply' | 'apply-good';

export interface PasteRequest {
  view: ViewQuery;
  /** Position in the view of the focused cell's row. */
  startIndex: number;
  /** The row the grid shows at that position (null when pasting below the last row). */
  anchorRowId: number | null;
  /** Grid column ids from the focused column rightwards, one per pasted column. */
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  mode: PasteMode;
}

export interface PasteOutcome {
  applied: boolean;
  changeSet: number | null;
  cells: number;
  newRows: number;
  bad: PasteBadCell[];
  badTotal: number;
  tracker: WriteTracker | null;
  /** The row new rows follow in the view. */
  afterRowId: number | undefined;
}

const BAD_CELLS_LISTED = 1000;

interface ExistingRowPlan {
  rowId: number;
  cells: { column: string; cell: Extract<CheckedCell, { ok: true }> }[];
}

interface NewRowPlan {
  values: NewRowValues;
  /** False when a required value is missing or bad: the row cannot be added. */
  complete: boolean;
}

/** The hole a new child row belongs to when the block gives none: the view's hole, or the row above's. */
function defaultHole(
  table: DataTable,
  request: PasteRequest,
  context: EntryContext,
  rowAbove: number | undefined,
): string | undefined {
  if (table === 'holes') return undefined;
  if (request.view.holeId !== undefined) return request.view.holeId;
  if (rowAbove === undefined) return undefined;
  return context.holes.holeId(rowAbove);
}

/** A new row's name from its pasted text, so a bad cell is reported by sample ID or hole and depths. */
function newRowName(
  table: DataTable,
  columns: readonly string[],
  texts: readonly string[],
  holeId: string | undefined,
): string {
  const parts: Record<string, string> = {};
  columns.forEach((column, index) => {
    const text = texts[index]?.trim();
    if (text) parts[column] = text;
  });
  parts.hole_id ??= holeId ?? '';
  return `New row ${rowName(table, parts as RowNameParts)}`;
}

export function paste(env: EntryEnv, views: ViewSnapshots, request: PasteRequest): PasteOutcome {
  const { db } = env;
  const { table } = request.view;
  const view = views.get(db, request.view);
  const shown =
    request.anchorRowId === null
      ? request.startIndex === view.ids.length
      : view.ids[request.startIndex] === request.anchorRowId;
  if (!shown || request.startIndex > view.ids.length) {
    throw new StorageError(
      'conflict',
      'The grid changed since the block was copied into it (another change moved the rows); scroll to the cell again and paste once more. Nothing was changed.',
    );
  }
  const context = entryContext(db, env.dateOrder);
  const targetIds: number[] = [];
  for (let r = 0; r < request.rows.length; r++) {
    const index = request.startIndex + r;
    if (index < view.ids.length) targetIds.push(view.ids[index]!);
  }
  const holeOfRow = holesOfRows(db, table as RowTable, targetIds);
  context.holes.loadAll();
  const bad: PasteBadCell[] = [];
  let badTotal = 0;
  // Rows are named once their cells are checked: stored rows from the project, new ones from the block.
  const fail = (row: number, col: number, column: string, text: string, message: string) => {
    badTotal++;
    if (bad.length < BAD_CELLS_LISTED) bad.push({ row, col, column, text, message, label: '' });
  };
  const newRowNames = new Map<number, string>();
  const existing: ExistingRowPlan[] = [];
  const added: NewRowPlan[] = [];
  const newHoleIds = new Set<string>();
  let cells = 0;
  let lastHole =
    targetIds.length > 0
      ? holeOfRow.get(targetIds.at(-1)!)
      : request.startIndex > 0
        ? holesOfRows(db, table as RowTable, [view.ids[request.startIndex - 1]!])
            .values()
            .next().value
        : undefined;
  request.rows.forEach((cellsOfRow, r) => {
    const rowId = targetIds[r];
    if (rowId !== undefined) {
      const plan: ExistingRowPlan = { rowId, cells: [] };
      cellsOfRow.forEach((text, c) => {
        const column = request.columns[c];
        if (column === undefined)
          return fail(
            r,
            c,
            '',
            text,
            'The block is wider than the grid: there is no column here to paste into.',
          );
        const cell = checkCell(table, column, text, context, context.holes.holeId(holeOfRow.get(rowId)!));
        if (!cell.ok) return fail(r, c, column, text, cell.message);
        plan.cells.push({ column, cell });
        cells++;
      });
      existing.push(plan);
      return;
    }
    const values: NewRowValues = {};
    const badBefore = bad.length;
    let complete = true;
    let good = 0;
    cellsOfRow.forEach((text, c) => {
      const column = request.columns[c];
      if (column === undefined)
        return fail(
          r,
          c,
          '',
          text,
          'The block is wider than the grid: there is no column here to paste into.',
        );
      let cell = checkCell(table, column, text, context);
      if (cell.ok && table === 'holes' && column === 'hole_id' && newHoleIds.has(text.trim())) {
        cell = {
          ok: false,
          message: `Hole ID ${text.trim()} appears twice in the pasted block; hole IDs must be unique.`,
        };
      }
      if (!cell.ok) {
        const field = TABLE_FIELDS[table].find((spec) => fieldColumnId(spec) === column);
        if (field?.required) complete = false;
        return fail(r, c, column, text, cell.message);
      }
      values[column] = text;
      good++;
    });
    if (table === 'holes' && values.hole_id !== undefined) newHoleIds.add(values.hole_id.trim());
    if (values.hole_id === undefined && table !== 'holes') {
      const hole = defaultHole(table, request, context, lastHole);
      if (hole !== undefined) values.hole_id = hole;
    }
    if (values.hole_id !== undefined && table !== 'holes')
      lastHole = context.holes.rowId(values.hole_id.trim());
    for (const field of TABLE_FIELDS[table]) {
      const column = fieldColumnId(field);
      if (!field.required || field.key === 'sample_type' || values[column] !== undefined) continue;
      if (!complete) break;
      complete = false;
      fail(
        r,
        -1,
        column,
        '',
        `${field.label} is required for a new row, and the block gives none; include that column in the copied block.`,
      );
    }
    if (complete) cells += good;
    if (bad.length > badBefore)
      newRowNames.set(r, newRowName(table, request.columns, cellsOfRow, values.hole_id));
    added.push({ values, complete });
  });
  const stored = rowLabelMap(db, table as RowTable, [
    ...new Set(bad.flatMap((cell) => (cell.row < targetIds.length ? [targetIds[cell.row]!] : []))),
  ]);
  for (const cell of bad) {
    const rowId = targetIds[cell.row];
    cell.label =
      (rowId === undefined ? newRowNames.get(cell.row) : stored.get(rowId)) ?? `Row ${cell.row + 1}`;
  }
  const newRows = added.filter((row) => row.complete).length;
  const afterRowId = view.ids.length > 0 ? view.ids[view.ids.length - 1] : undefined;
  const base = { cells, newRows, bad, badTotal, afterRowId };
  if (request.mode === 'check' || (request.mode === 'apply' && badTotal > 0)) {
    return { ...base, applied: false, changeSet: null, tracker: null };
  }
  const description = `Paste ${cells} cells into ${table}${newRows > 0 ? ` (${newRows} new rows)` : ''}`;
  const writeContext = entryContext(db, env.dateOrder);
  writeContext.holes.loadAll();
  const outcome = runAction(env, { description, source: 'paste' }, (writer) => {
    for (const plan of existing) {
      for (const { cell } of plan.cells) writeCell(writer, db, table, plan.rowId, cell, writeContext);
    }
    added.forEach((plan, index) => {
      if (plan.complete)
        insertRow(writer, db, table, plan.values, writeContext, `Pasted row ${targetIds.length + index + 1}`);
    });
  });
  return { ...base, applied: true, changeSet: outcome.changeSet, tracker: outcome.tracker };
}
