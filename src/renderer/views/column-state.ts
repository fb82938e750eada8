// A grid's columns as the project remembers them: order, widths, the columns shown or hidden on purpose
// and the decimals chosen, loaded when the grid opens, applied through AG Grid's column state and saved
// back (through the API, into the project file) a moment after the user moves, resizes, shows or hides a
// column. Columns never sized by the user are sized to fit their header and data. Analyte columns with
// no results in the view are hidden unless the user chose to show them.
import type {
  ColDef,
  ColumnMovedEvent,
  ColumnResizedEvent,
  GridApi,
  IGetRowsParams,
} from 'ag-grid-community';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDecimals } from '../../api/grid-layout-types';
import type { PageRow } from '../../api/types';
import {
  arrangeColumns,
  isColumnHidden,
  setColumnDecimals,
  setColumnVisible,
  showAllColumns,
  withGridState,
  type GridLayout,
} from '../../domain/entry/column-layout';
import type { ColumnPrecision } from '../../domain/entry/display-precision';
import { analyteColumnId } from '../../domain/entry/grid-cells';
import type { DataTable } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import type { GridSource } from './entry-datasource';

/** What the number cells read to format themselves; mutated in place, then the cells are refreshed. */
export interface ColumnDisplay {
  decimals: Map<string, number>;
  written: ColumnDecimals;
}

export function columnPrecision(display: ColumnDisplay, columnId: string): ColumnPrecision {
  return { decimals: display.decimals.get(columnId) ?? null, written: display.written[columnId] };
}

/** One column as the column chooser and the header menu list it. */
export interface ColumnEntry {
  id: string;
  label: string;
  tooltip: string;
  numeric: boolean;
  hidden: boolean;
  /** An analyte with no results in the view. */
  empty: boolean;
  decimals: number | null;
}

export interface HeaderMenu {
  columnId: string;
  x: number;
  y: number;
}

const SAVE_DELAY_MS = 400;
const AUTOSIZE_LIMITS = { defaultMinWidth: 56, defaultMaxWidth: 420 };

function columnIdOf(column: ColDef<PageRow>): string {
  return column.colId ?? '';
}

export function useGridColumns(options: {
  table: DataTable;
  columns: readonly ColDef<PageRow>[];
  /** The object the columns' formatters read (see entry-columns.ts). */
  display: ColumnDisplay;
  onError: (message: string) => void;
}) {
  const { table, columns, display, onError } = options;
  const gridRef = useRef<GridApi<PageRow> | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [layout, setLayoutState] = useState<GridLayout>({ columns: [] });
  const layoutRef = useRef(layout);
  const [empty, setEmpty] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<HeaderMenu | null>(null);
  const dataShown = useRef(false);
  const pendingSave = useRef<ReturnType<typeof setTimeout> | null>(null);
  const viewKey = useRef<string | null>(null);
  const errors = useRef(onError);
  errors.current = onError;

  // Columns without a name (the holes grid's Strip log buttons) are controls, not data: left as they are.
  const named = useMemo(() => columns.filter((column) => (column.headerName ?? '') !== ''), [columns]);
  const ids = useMemo(() => named.map(columnIdOf), [named]);

  useEffect(() => {
    let live = true;
    api['grid.columns']({ table }).then(
      (info) => {
        if (!live) return;
        display.written = info.written;
        const saved = info.layout ?? { columns: [] };
        layoutRef.current = saved;
        setLayoutState(saved);
        setLoaded(true);
      },
      (error: unknown) => {
        // The grid still works with the default columns; say why they are not the saved ones.
        errors.current(`The saved columns could not be read: ${describeError(error)}`);
        if (live) setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [table, display]);

  const save = useCallback(
    (next: GridLayout, at: 'soon' | 'now' = 'soon') => {
      if (pendingSave.current) clearTimeout(pendingSave.current);
      pendingSave.current = null;
      const send = () => {
        pendingSave.current = null;
        api['grid.saveLayout']({ table, layout: next }).catch((error: unknown) =>
          errors.current(`The column layout was not saved: ${describeError(error)}`),
        );
      };
      if (at === 'now') send();
      else pendingSave.current = setTimeout(send, SAVE_DELAY_MS);
    },
    [table],
  );

  // A layout change waiting to be saved is sent when the grid closes, not lost.
  useEffect(
    () => () => {
      if (pendingSave.current) {
        clearTimeout(pendingSave.current);
        api['grid.saveLayout']({ table, layout: layoutRef.current }).catch(() => undefined);
      }
    },
    [table],
  );

  const setLayout = useCallback(
    (next: GridLayout, persist = true) => {
      layoutRef.current = next;
      setLayoutState(next);
      if (persist) save(next);
    },
    [save],
  );

  /** The layout with the order and widths the grid shows now. */
  const captured = useCallback((): GridLayout => {
    const grid = gridRef.current;
    if (!grid) return layoutRef.current;
    const known = new Set(ids);
    const state = grid
      .getColumnState()
      .filter((entry) => known.has(entry.colId))
      .map((entry) => ({ id: entry.colId, width: entry.width ?? 0, hidden: entry.hide === true }));
    return withGridState(layoutRef.current, state);
  }, [ids]);

  /** Sizes the shown columns the user never sized to fit their header and the rows on screen. */
  const sizeUnsized = useCallback(() => {
    const grid = gridRef.current;
    if (!grid || !dataShown.current) return;
    const sized = new Set(layoutRef.current.columns.filter((c) => c.width !== undefined).map((c) => c.id));
    const unsized = ids.filter((id) => !sized.has(id) && grid.getColumn(id)?.isVisible() === true);
    if (unsized.length === 0) return;
    grid.autoSizeColumns({ colIds: unsized, ...AUTOSIZE_LIMITS });
    setLayout(captured());
  }, [ids, captured, setLayout]);

  // Puts the layout on the grid: order, widths, shown and hidden columns, then the decimals of the cells.
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid || !loaded) return;
    const arranged = arrangeColumns(ids, layout);
    const known = new Set(ids);
    const others = grid
      .getColumnState()
      .filter((entry) => !known.has(entry.colId))
      .map((entry) => ({ colId: entry.colId }));
    grid.applyColumnState({
      state: [
        ...others,
        ...arranged.map((column) => ({
          colId: column.id,
          hide: isColumnHidden(column, empty.has(column.id), layout),
          ...(column.width === undefined ? {} : { width: column.width }),
        })),
      ],
      applyOrder: true,
    });
    const changed: string[] = [];
    const decimals = new Map<string, number>();
    for (const column of arranged) {
      if (column.decimals !== undefined) decimals.set(column.id, column.decimals);
      if (display.decimals.get(column.id) !== column.decimals) changed.push(column.id);
    }
    display.decimals = decimals;
    if (changed.length > 0) grid.refreshCells({ columns: changed, force: true });
    sizeUnsized();
  }, [layout, empty, ids, loaded, display, sizeUnsized]);

  /** Asks which analytes the view has no results for, once per hole filter and column filters. */
  const checkView = useCallback(
    (view: ReturnType<GridSource['current']>) => {
      if (table !== 'samples') return;
      const key = JSON.stringify([view.filters ?? [], view.holeId ?? null]);
      if (key === viewKey.current) return;
      viewKey.current = key;
      api['table.emptyAnalytes'](view).then(
        (answer) => {
          if (viewKey.current === key) setEmpty(new Set(answer.empty.map(analyteColumnId)));
        },
        () => {
          // Not knowing which columns are empty only means none is hidden.
          if (viewKey.current === key) setEmpty(new Set());
        },
      );
    },
    [table],
  );

  /** The datasource, watched so the first page of each view asks which analyte columns are empty. */
  const watch = useCallback(
    (source: GridSource): GridSource => ({
      current: () => source.current(),
      getRows(params: IGetRowsParams) {
        if (params.startRow !== 0) return source.getRows(params);
        source.getRows({
          ...params,
          successCallback: (rows, last) => {
            params.successCallback(rows, last);
            checkView(source.current());
          },
        });
      },
    }),
    [checkView],
  );

  const gridProps = {
    suppressColumnVirtualisation: true,
    suppressDragLeaveHidesColumns: true,
    maintainColumnOrder: true,
    onColumnResized: (event: ColumnResizedEvent<PageRow>) => {
      // A drag of a header's edge, or a double-click on it (which sizes the column to fit).
      const byUser = event.source === 'uiColumnResized' || event.source === 'autosizeColumns';
      if (event.finished && byUser) setLayout(captured());
    },
    onColumnMoved: (event: ColumnMovedEvent<PageRow>) => {
      if (event.finished && event.source === 'uiColumnMoved') setLayout(captured());
    },
    onFirstDataRendered: () => {
      dataShown.current = true;
      sizeUnsized();
    },
  };

  const entries = useCallback((): ColumnEntry[] => {
    const byId = new Map(named.map((column) => [columnIdOf(column), column]));
    return arrangeColumns(ids, layout).map((column) => {
      const def = byId.get(column.id);
      return {
        id: column.id,
        label: def?.headerName ?? column.id,
        tooltip: typeof def?.headerTooltip === 'string' ? def.headerTooltip : '',
        numeric: def?.type === 'rightAligned',
        hidden: isColumnHidden(column, empty.has(column.id), layout),
        empty: empty.has(column.id),
        decimals: column.decimals ?? null,
      };
    });
  }, [named, ids, layout, empty]);

  // Empty analyte columns left to the default: hidden, unless the layout shows them.
  const emptyByDefault = arrangeColumns(ids, layout).filter(
    (column) => empty.has(column.id) && column.visible === undefined,
  ).length;

  return {
    loaded,
    display,
    layout,
    emptyByDefault,
    menu,
    entries,
    watch,
    gridProps,
    onGridReady(grid: GridApi<PageRow>) {
      gridRef.current = grid;
      dataShown.current = false;
      // The layout effect ran before the grid existed: run it again now.
      setLayoutState((current) => (layoutRef.current = { ...current }));
    },
    setVisible(id: string, visible: boolean) {
      setLayout(setColumnVisible(captured(), id, visible));
    },
    showAll() {
      setLayout(showAllColumns(captured(), ids));
    },
    setDecimals(id: string, decimals: number | null) {
      setLayout(setColumnDecimals(layoutRef.current, id, decimals));
    },
    setShowEmpty(show: boolean) {
      setLayout({ ...captured(), showEmptyAnalytes: show });
    },
    sizeToFit(id: string) {
      gridRef.current?.autoSizeColumns({ colIds: [id], ...AUTOSIZE_LIMITS });
      setLayout(captured());
    },
    reset() {
      if (pendingSave.current) clearTimeout(pendingSave.current);
      pendingSave.current = null;
      api['grid.resetLayout']({ table }).then(
        (info) => {
          display.written = info.written;
          setLayout({ columns: [] }, false);
        },
        (error: unknown) => errors.current(`The columns were not reset: ${describeError(error)}`),
      );
    },
    openMenu(event: ReactMouseEvent) {
      const header = (event.target as HTMLElement).closest('.ag-header-cell');
      const columnId = header?.getAttribute('col-id');
      if (!columnId || !ids.includes(columnId)) return;
      event.preventDefault();
      setMenu({ columnId, x: event.clientX, y: event.clientY });
    },
    closeMenu() {
      setMenu(null);
    },
  };
}

export type GridColumns = ReturnType<typeof useGridColumns>;
