// Results of the grids' column calls: the saved layout, the decimals each number column was written with,
// and the analyte columns a view has no results for.
import type { GridLayout } from '../domain/entry/column-layout';

export type { GridLayout, SavedColumn } from '../domain/entry/column-layout';

/** Decimals the stored numbers of each number column were written with, by column id. */
export type ColumnDecimals = Record<string, number>;

export interface GridColumnsInfo {
  /** The layout saved in the project, or null when the grid has none (default columns, sized to fit). */
  layout: GridLayout | null;
  written: ColumnDecimals;
}

export interface EmptyAnalyteColumns {
  /** Codes of the analytes with no result in the view's samples. */
  empty: string[];
  /** False when the view was too large to read whole: an analyte with results elsewhere stays shown. */
  complete: boolean;
}
