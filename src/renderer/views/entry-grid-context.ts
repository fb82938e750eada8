// What the grid's columns, editors and key handlers share with the table view, passed as AG Grid's
// `context`: the table, the project's codes and analytes for checking typed values, the text an editor
// should reopen with after a refusal, and where refusals are reported.
import type { CellContext } from '../../domain/entry/grid-cells';
import { parseCell } from '../../domain/entry/grid-cells';
import type { DataTable } from '../../domain/model';
import { userDateOrder } from './locale-dates';

export interface OpenEditor {
  rowId: number;
  column: string;
  text: () => string;
}

export interface GridController {
  table: DataTable;
  cells: CellContext;
  /** Codes per lookup list, in list order, for the dropdown editors. */
  codes: ReadonlyMap<string, readonly string[]>;
  holeIds: readonly string[];
  /** The editor open now, so Enter and Tab can be checked before the grid moves on. */
  editor: OpenEditor | null;
  /** A refused value to reopen a cell's editor with, and the server's reason, by `rowId:column`. */
  reopenText: Map<string, { text: string; message: string }>;
  /** Reports a refusal to the user (null clears it). */
  report(message: string | null): void;
}

export function createGridController(
  table: DataTable,
  report: (message: string | null) => void,
): GridController {
  return {
    table,
    cells: {
      analytes: new Map(),
      lookups: new Map(),
      negativeIsBelowDetection: true,
      dateOrder: userDateOrder(),
    },
    codes: new Map(),
    holeIds: [],
    editor: null,
    reopenText: new Map(),
    report,
  };
}

/** The by-itself check of typed text, as the server will repeat it. */
export function refusal(controller: GridController, column: string, text: string): string | null {
  const parsed = parseCell(controller.table, column, text, controller.cells);
  return parsed.ok ? null : parsed.message;
}

export function cellKey(rowId: number, column: string): string {
  return `${rowId}:${column}`;
}
