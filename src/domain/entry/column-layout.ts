// A grid's column layout as the project saves it: the order of the columns, the widths a user left
// them at, the columns shown or hidden on purpose and the decimals chosen per column. Laid over the
// columns a grid has today, so analytes added since appear (after their neighbour) and removed ones drop.
import { MAX_DISPLAY_DECIMALS } from './display-precision';

export interface SavedColumn {
  /** The grid's column id (`depth_from`, `analyte:Zn`). */
  id: string;
  /** Width in pixels; absent while the grid sizes the column to fit its header and data. */
  width?: number;
  /** Shown (true) or hidden (false) by the user; absent follows the default. */
  visible?: boolean;
  /** Decimals shown (0 to 6); absent shows numbers as imported. */
  decimals?: number;
}

export interface GridLayout {
  /** Every column the layout knows, in display order. */
  columns: SavedColumn[];
  /** Show analyte columns with no results in the view (hidden by default). */
  showEmptyAnalytes?: boolean;
}

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 2000;

/**
 * The grid's columns today in the saved order. A column the layout does not know goes right after the
 * column before it in the default order (at the front when it is first), so a new analyte lands beside
 * its neighbours; saved columns the grid no longer has are left out.
 */
export function arrangeColumns(defaultIds: readonly string[], saved: GridLayout | null): SavedColumn[] {
  const current = new Set(defaultIds);
  const arranged: SavedColumn[] = [];
  const placed = new Set<string>();
  for (const column of saved?.columns ?? []) {
    if (!current.has(column.id) || placed.has(column.id)) continue;
    arranged.push({ ...column });
    placed.add(column.id);
  }
  defaultIds.forEach((id, index) => {
    if (placed.has(id)) return;
    const before = index === 0 ? undefined : defaultIds[index - 1];
    const at = before === undefined ? -1 : arranged.findIndex((column) => column.id === before);
    arranged.splice(at + 1, 0, { id });
    placed.add(id);
  });
  return arranged;
}

/**
 * Whether a column is hidden: as the user chose, else hidden when it is an analyte with no results in the
 * view (unless the layout shows those).
 */
export function isColumnHidden(column: SavedColumn, emptyInView: boolean, layout: GridLayout): boolean {
  if (column.visible !== undefined) return !column.visible;
  return emptyInView && layout.showEmptyAnalytes !== true;
}

/** What the grid reports of a column after a user moved or resized columns. */
export interface ShownColumnState {
  id: string;
  width: number;
  hidden: boolean;
}

/**
 * The layout after the user moved or resized columns: the grid's order, and the widths of the columns it
 * shows (a hidden column keeps its saved width, or none, so it is sized to fit when shown).
 */
export function withGridState(layout: GridLayout, state: readonly ShownColumnState[]): GridLayout {
  const known = new Map(layout.columns.map((column) => [column.id, column]));
  const columns: SavedColumn[] = [];
  const seen = new Set<string>();
  for (const entry of state) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const column: SavedColumn = { ...known.get(entry.id), id: entry.id };
    if (!entry.hidden) column.width = clampWidth(entry.width);
    columns.push(column);
  }
  // Columns the grid did not report (not loaded yet) keep their saved place at the end.
  for (const column of layout.columns) if (!seen.has(column.id)) columns.push(column);
  return { ...layout, columns };
}

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

function update(layout: GridLayout, id: string, change: (column: SavedColumn) => SavedColumn): GridLayout {
  const found = layout.columns.some((column) => column.id === id);
  const columns = found
    ? layout.columns.map((column) => (column.id === id ? change(column) : column))
    : [...layout.columns, change({ id })];
  return { ...layout, columns };
}

/** The user showed or hid a column: that choice stands whatever the view holds. */
export function setColumnVisible(layout: GridLayout, id: string, visible: boolean): GridLayout {
  return update(layout, id, (column) => ({ ...column, visible }));
}

/** Decimals chosen for a column (0 to 6), or null for "as imported". */
export function setColumnDecimals(layout: GridLayout, id: string, decimals: number | null): GridLayout {
  return update(layout, id, ({ decimals: _old, ...column }) => {
    if (decimals === null) return column;
    const clamped = Math.min(MAX_DISPLAY_DECIMALS, Math.max(0, Math.round(decimals)));
    return { ...column, decimals: clamped };
  });
}

/** Every column shown, on purpose, so none is hidden again by a change of view. */
export function showAllColumns(layout: GridLayout, ids: readonly string[]): GridLayout {
  return ids.reduce((next, id) => setColumnVisible(next, id, true), layout);
}

function isDecimals(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DISPLAY_DECIMALS;
}

/**
 * A layout read back from the project file, keeping what is well formed: a file written by another
 * version, or edited by hand, loses only the entries this version cannot read.
 */
export function layoutFromJson(value: unknown): GridLayout | null {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as GridLayout).columns))
    return null;
  const source = value as { columns: unknown[]; showEmptyAnalytes?: unknown };
  const columns: SavedColumn[] = [];
  for (const entry of source.columns) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, width, visible, decimals } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') continue;
    const column: SavedColumn = { id };
    if (typeof width === 'number' && Number.isFinite(width)) column.width = clampWidth(width);
    if (typeof visible === 'boolean') column.visible = visible;
    if (isDecimals(decimals)) column.decimals = decimals;
    columns.push(column);
  }
  const layout: GridLayout = { columns };
  if (source.showEmptyAnalytes === true) layout.showEmptyAnalytes = true;
  return layout;
}
