// The table view's actions beyond typing in a cell: paste a block (by its column names when its first row
// holds them), add rows (and the next interval of a hole), delete rows after asking, and jump to a row.
// Each one is a single API call whose result updates the grid and the status bar.
import type { GridApi } from 'ag-grid-community';
import {
  useRef,
  type ClipboardEvent,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from 'react';
import type { ProjectStatus } from '../../api/entry-types';
import type { PageRow } from '../../api/types';
import { analyteCodeOf, fieldOfColumn } from '../../domain/entry/grid-cells';
import type { DataTable, LengthUnit } from '../../domain/model';
import { START_FIELD } from '../../domain/entry/next-row';
import { detectPasteHeader } from '../../domain/entry/paste-header';
import { cellCount } from '../../domain/entry/tsv-block';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { deleteQuestion } from './entry-confirm-dialog';
import type { GridSource } from './entry-datasource';
import type { GridController } from './entry-grid-context';
import {
  pasteByHeader,
  readBlock,
  sendPaste,
  type HeaderPaste,
  type HeaderPlacement,
  type PendingPaste,
  type PasteTarget,
} from './entry-paste';
import type { Notice } from './table-view';

export type Dialog =
  | { kind: 'paste'; pending: PendingPaste }
  | { kind: 'paste-header'; paste: HeaderPaste }
  | { kind: 'delete'; rowIds: number[]; question: string }
  | { kind: 'form'; title: string; initial: Record<string, string>; chain: boolean; error: string | null };

export interface EntryActionsInput {
  table: DataTable;
  lengthUnit: LengthUnit;
  gridRef: MutableRefObject<GridApi<PageRow> | null>;
  source: GridSource;
  holeRef: MutableRefObject<string>;
  controller: GridController;
  setNotice: Dispatch<SetStateAction<Notice | null>>;
  setBusy: Dispatch<SetStateAction<string | null>>;
  setDialog: Dispatch<SetStateAction<Dialog | null>>;
  afterWrite: (status: ProjectStatus, reload?: boolean) => void;
}

/** Columns a paste may fill: the editable ones shown, from the focused column rightwards. */
function pasteColumns(grid: GridApi<PageRow>, fromColumn: string | null): string[] {
  const shown = grid
    .getAllDisplayedColumns()
    .filter((column) => column.getColDef().editable !== false)
    .map((column) => column.getColId())
    .filter((id) => id !== 'ag-Grid-SelectionColumn');
  const start = fromColumn === null ? 0 : Math.max(0, shown.indexOf(fromColumn));
  return shown.slice(start);
}

/** Waits (a frame at a time, for at most two seconds) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let frame = 0; frame < 120 && !ready(); frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function useEntryActions(input: EntryActionsInput) {
  const {
    table,
    lengthUnit,
    gridRef,
    source,
    holeRef,
    controller,
    setNotice,
    setBusy,
    setDialog,
    afterWrite,
  } = input;
  const info = (text: string) => setNotice({ kind: 'info', text });
  const fail = (error: unknown) => setNotice({ kind: 'error', text: describeError(error) });
  // The row the next interval follows: the one just added, so a run of intervals stays in order.
  const lastAdded = useRef<number | null>(null);

  function focusedRow(): PageRow | undefined {
    const grid = gridRef.current;
    const focused = grid?.getFocusedCell();
    if (!grid || !focused) return undefined;
    return grid.getDisplayedRowAtIndex(focused.rowIndex)?.data;
  }

  function columnLabel(column: string): string {
    const field = fieldOfColumn(table, column);
    if (field) return field.label;
    const code = analyteCodeOf(column);
    const analyte = code === null ? undefined : controller.cells.analytes.get(code);
    return analyte ? `${analyte.code} (${analyte.unit})` : column;
  }

  /**
   * Scrolls to a row of the current view and focuses it. With `focus` false it is only scrolled into
   * view: a dialog open over the grid keeps the keyboard.
   */
  async function focusRow(rowId: number, column: string | null, focus = true): Promise<void> {
    try {
      const found = await api['table.locate']({
        ...source.current(),
        holeId: holeRef.current || undefined,
        rowId,
      });
      const grid = gridRef.current;
      if (found.index === null || !grid) {
        info('That row is not in this view any more: clear the filters, or re-check the project.');
        return;
      }
      grid.ensureIndexVisible(found.index, 'middle');
      const colKey = column ?? pasteColumns(grid, null)[0] ?? 'hole_id';
      grid.ensureColumnVisible(colKey);
      // The row's block may still be loading; the grid can only give a rendered cell the keyboard focus.
      const index = found.index;
      if (!focus) return;
      await until(() => grid.getDisplayedRowAtIndex(index)?.data !== undefined);
      grid.setFocusedCell(index, colKey);
    } catch (error) {
      fail(error);
    }
  }

  async function paste(event: ClipboardEvent<HTMLElement>): Promise<void> {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const text = event.clipboardData.getData('text/plain');
    const grid = gridRef.current;
    if (!text || !grid) return;
    event.preventDefault();
    const focused = grid.getFocusedCell();
    const count = grid.getDisplayedRowCount();
    const view = { ...source.current(), holeId: holeRef.current || undefined };
    const { dateOrder } = controller.cells;
    const atFocus: PasteTarget | null =
      focused || count === 0
        ? {
            view,
            startIndex: focused?.rowIndex ?? 0,
            anchorRowId: focused ? (grid.getDisplayedRowAtIndex(focused.rowIndex)?.data?.id ?? null) : null,
            columns: pasteColumns(grid, focused?.column.getColId() ?? null),
            dateOrder,
          }
        : null;
    let rows: string[][];
    try {
      setBusy('Reading the pasted block...');
      rows = await readBlock(text, (share) =>
        setBusy(`Reading the pasted block... ${Math.round(share * 100)} %`),
      );
    } catch (error) {
      setBusy(null);
      fail(error);
      return;
    }
    setBusy(null);
    // A first row of column names: offer to paste by those names rather than writing them into a row.
    const mapping = detectPasteHeader(
      table,
      rows,
      { analytes: controller.cells.analytes, lengthUnit },
      controller.cells,
    );
    if (mapping) {
      setNotice(null);
      const atEnd: PasteTarget = { view, startIndex: count, anchorRowId: null, columns: [], dateOrder };
      setDialog({ kind: 'paste-header', paste: { rows, mapping, atFocus, atEnd } });
      return;
    }
    if (!atFocus) {
      info('Click the cell where the pasted block should start, then paste again.');
      return;
    }
    await sendBlock(atFocus, rows, 1);
  }

  /** Sends a block; the report opens when cells are bad (`firstLine`: the copied line of its first row). */
  async function sendBlock(target: PasteTarget, rows: string[][], firstLine: number): Promise<void> {
    try {
      setBusy(`Checking and writing ${cellCount(rows).toLocaleString('en')} pasted cells...`);
      const result = await sendPaste(target, rows, 'apply');
      if (result.applied) {
        setDialog(null);
        afterWrite(result.status);
        info(
          `Pasted ${result.cells.toLocaleString('en')} cells${result.newRows > 0 ? ` and added ${result.newRows} rows` : ''}. Ctrl+Z undoes the paste.`,
        );
      } else {
        setNotice(null);
        setDialog({ kind: 'paste', pending: { ...target, rows, result, firstLine } });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  /** The user confirmed pasting a block by its column names (`targets[i]` for pasted column i). */
  async function pasteHeaderBlock(
    block: HeaderPaste,
    targets: readonly (string | null)[],
    placement: HeaderPlacement,
  ): Promise<void> {
    const { target, rows } = pasteByHeader(block, targets, placement);
    await sendBlock(target, rows, 2);
  }

  /** The user chose to paste the block as copied, names row included, at the focused cell. */
  async function pasteAsCopied(block: HeaderPaste): Promise<void> {
    if (!block.atFocus) return;
    await sendBlock(block.atFocus, block.rows, 1);
  }

  async function applyPaste(pending: PendingPaste, rows: string[][], goodOnly: boolean): Promise<void> {
    try {
      setBusy('Writing the pasted cells...');
      const result = await sendPaste(pending, rows, goodOnly ? 'apply-good' : 'apply');
      if (result.applied) afterWrite(result.status);
      if (result.applied && result.badTotal === 0) {
        setDialog(null);
        info(
          `Pasted ${result.cells.toLocaleString('en')} cells${result.newRows > 0 ? ` and added ${result.newRows} rows` : ''}.`,
        );
      } else {
        setDialog({ kind: 'paste', pending: { ...pending, rows, result } });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function askDelete(): Promise<void> {
    const grid = gridRef.current;
    if (!grid) return;
    const selected = grid.getSelectedNodes().flatMap((node) => (node.data ? [node.data.id] : []));
    const rowIds =
      selected.length > 0 ? selected : [focusedRow()?.id].filter((id): id is number => id !== undefined);
    if (rowIds.length === 0) {
      info('Tick the rows to delete (or click a cell of the row), then choose Delete rows.');
      return;
    }
    try {
      const preview = await api['table.deletePreview']({ table, rowIds });
      setDialog({ kind: 'delete', rowIds, question: deleteQuestion(table, preview) });
    } catch (error) {
      fail(error);
    }
  }

  async function deleteRows(rowIds: number[]): Promise<void> {
    try {
      setBusy('Deleting...');
      const result = await api['table.delete']({ table, rowIds });
      setDialog(null);
      gridRef.current?.deselectAll();
      afterWrite(result.status);
      info(
        `Deleted ${result.deleted} row${result.deleted === 1 ? '' : 's'}. Ctrl+Z brings ${result.deleted === 1 ? 'it' : 'them'} back.`,
      );
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function openForm(kind: 'add' | 'next'): Promise<void> {
    const holeId = holeRef.current || focusedRow()?.hole_id || '';
    lastAdded.current = null;
    if (table === 'holes') {
      setDialog({ kind: 'form', title: 'Add a hole', initial: {}, chain: false, error: null });
      return;
    }
    const initial: Record<string, string> = { hole_id: holeId };
    if (table === 'samples') initial.sample_type = 'regular';
    if (kind === 'next' && (table === 'samples' || table === 'lithology')) {
      if (!holeId) {
        info('Choose a hole in the Hole filter (or click a row of the hole) for its next interval.');
        return;
      }
      try {
        const next = await api['table.nextInterval']({ table, holeId });
        if (next.depth_from !== null) initial.depth_from = String(next.depth_from);
        if (next.depth_to !== null) initial.depth_to = String(next.depth_to);
      } catch (error) {
        fail(error);
        return;
      }
    }
    const chain = kind === 'next';
    setDialog({
      kind: 'form',
      title: chain ? `Next interval of ${holeId}` : 'Add a row',
      initial,
      chain,
      error: null,
    });
  }

  async function insertRow(values: Record<string, string>): Promise<boolean> {
    const afterRowId = lastAdded.current ?? focusedRow()?.id;
    try {
      setBusy('Adding...');
      const { dateOrder } = controller.cells;
      const result = await api['table.insert']({ table, rows: [values], afterRowId, dateOrder });
      lastAdded.current = result.ids[0] ?? null;
      afterWrite(result.status);
      setDialog((dialog) => (dialog?.kind === 'form' ? { ...dialog, error: null } : dialog));
      // The form stays open for the next row and keeps the keyboard: the new row is only shown.
      if (lastAdded.current !== null) void focusRow(lastAdded.current, null, false);
      info(table === 'holes' ? `Added hole ${values.hole_id ?? ''}.` : 'Added the row.');
      return true;
    } catch (error) {
      setDialog((dialog) => (dialog?.kind === 'form' ? { ...dialog, error: describeError(error) } : dialog));
      return false;
    } finally {
      setBusy(null);
    }
  }

  /** Closes the row form; the keyboard goes on in the grid at the last row added, if any. */
  function closeForm(): void {
    setDialog(null);
    const added = lastAdded.current;
    lastAdded.current = null;
    if (added !== null) void focusRow(added, START_FIELD[table]);
  }

  return {
    paste,
    pasteHeaderBlock,
    pasteAsCopied,
    applyPaste,
    askDelete,
    deleteRows,
    openForm,
    insertRow,
    closeForm,
    focusRow,
    columnLabel,
  };
}
