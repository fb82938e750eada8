// An editable table on AG Grid's Infinite Row Model: pages come from the API with sorting and filtering
// done in SQL, so a million-row table scrolls without loading it whole. Edits, pastes, added and deleted
// rows all go to the server, which checks, audits and re-validates them; undo and redo replay the audit
// log, so they survive sorting, filtering and scrolling.
import type { CellEditRequestEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectStatus } from '../../api/entry-types';
import type { AnalyteRow, PageRow } from '../../api/types';
import { cellText, editableColumnIds } from '../../domain/entry/grid-cells';
import type { DataTable, LengthUnit } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { ApiCallError } from '../../api/result';
import { ColumnChooser, ColumnMenu, EmptyColumnsNote } from './column-chooser';
import { useGridColumns } from './column-state';
import { gridColumns } from './entry-columns';
import { ConfirmDialog } from './entry-confirm-dialog';
import { gridSource } from './entry-datasource';
import { cellKey, createGridController } from './entry-grid-context';
import { withHoleOpening } from './hole-open-column';
import { PasteDialog } from './entry-paste-dialog';
import { PasteHeaderDialog } from './entry-paste-header-dialog';
import { RowForm } from './entry-row-form';
import { useEntryActions, type Dialog } from './entry-actions';
import { UndoButtons, useViewUndo } from './view-undo';

export interface RowTarget {
  table: DataTable;
  holeId: string;
  rowId: number | null;
  column: string | null;
}

export interface TableViewProps {
  table: DataTable;
  lengthUnit: LengthUnit;
  /** A row to open (from the Validation view). */
  target?: RowTarget | null;
  onStatus?: (status: ProjectStatus) => void;
  /** Opens a hole's one-page view (double-click on a Hole ID, the Holes grid's Strip log button). */
  onOpenHole?: (holeId: string) => void;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

// A starting width only: a `width` here would put every column back to it whenever the grid re-renders,
// undoing the widths the project remembers.
const DEFAULT_COLUMN = { initialWidth: 120, resizable: true };

const LABELS: Record<DataTable, string> = {
  holes: 'Holes',
  surveys: 'Surveys',
  samples: 'Samples and assays',
  lithology: 'Lithology',
};

export function TableView({ table, lengthUnit, target, onStatus, onOpenHole }: TableViewProps) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const report = useCallback((text: string | null) => setNotice(text ? { kind: 'error', text } : null), []);
  const controller = useMemo(() => createGridController(table, report), [table, report]);
  const gridRef = useRef<GridApi<PageRow> | null>(null);
  const [analytes, setAnalytes] = useState<AnalyteRow[]>([]);
  const [ready, setReady] = useState(false);
  const [holeFilter, setHoleFilter] = useState(target?.holeId ?? '');
  const holeRef = useRef(holeFilter);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api['analytes.list']({}), api['lookups.list']({}), api['holes.ids']({})]).then(
      ([analyteRows, codes, holeIds]) => {
        if (!live) return;
        const lookups = new Map<string, Set<string>>();
        const ordered = new Map<string, string[]>();
        for (const code of codes) {
          if (!lookups.has(code.list)) {
            lookups.set(code.list, new Set());
            ordered.set(code.list, []);
          }
          lookups.get(code.list)!.add(code.code);
          ordered.get(code.list)!.push(code.code);
        }
        controller.cells = {
          analytes: new Map(analyteRows.map((row) => [row.code, { code: row.code, unit: row.unit }])),
          lookups,
          negativeIsBelowDetection: true,
          dateOrder: controller.cells.dateOrder,
        };
        controller.codes = ordered;
        controller.holeIds = holeIds;
        setAnalytes(analyteRows);
        setReady(true);
      },
      (error: unknown) => setNotice({ kind: 'error', text: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [controller]);

  const source = useMemo(
    () =>
      gridSource(
        table,
        () => holeRef.current,
        (text) => setNotice({ kind: 'error', text }),
        (rows) => setTotal(rows),
      ),
    [table],
  );
  const [display] = useState(() => ({ decimals: new Map<string, number>(), written: {} }));
  const openHole = useRef(onOpenHole);
  openHole.current = onOpenHole;
  const columns = useMemo(
    () =>
      ready
        ? withHoleOpening(
            gridColumns(table, lengthUnit, analytes, controller, display),
            table,
            () => openHole.current,
          )
        : [],
    [ready, table, lengthUnit, analytes, controller, display],
  );
  const layout = useGridColumns({ table, columns, display, onError: report });
  const watchedSource = useMemo(() => layout.watch(source), [layout.watch, source]);

  // Ctrl+Z here takes back this table's newest change, not one made in another view.
  const undo = useViewUndo(table, {
    onReplayed: (result, message) => {
      afterWrite(result.status);
      setNotice({ kind: 'info', text: message });
    },
    onError: (error) => setNotice({ kind: 'error', text: describeError(error) }),
  });
  const refreshHistory = undo.refresh;

  const afterWrite = useCallback(
    (status: ProjectStatus, reload = true) => {
      onStatus?.(status);
      refreshHistory();
      if (reload) gridRef.current?.refreshInfiniteCache();
    },
    [onStatus, refreshHistory],
  );

  const actions = useEntryActions({
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
  });

  const applyHoleFilter = useCallback((holeId: string) => {
    holeRef.current = holeId.trim();
    setHoleFilter(holeId);
    gridRef.current?.purgeInfiniteCache();
  }, []);

  // Opening a row from the Validation view: show its hole, then find and focus the row.
  useEffect(() => {
    // The grid is shown once the analytes and the saved columns are in.
    if (!target || target.table !== table || !ready || !layout.loaded) return;
    holeRef.current = target.holeId;
    setHoleFilter(target.holeId);
    gridRef.current?.purgeInfiniteCache();
    if (target.rowId !== null) void actions.focusRow(target.rowId, target.column);
    // The target is a new object per click; the actions are stable for the view.
  }, [target, table, ready, layout.loaded]);

  async function onCellEditRequest(event: CellEditRequestEvent<PageRow>) {
    const column = event.column.getColId();
    const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
    if (text === cellText(event.oldValue)) return;
    const rowId = event.data.id;
    try {
      const edits = [{ rowId, column, text }];
      const result = await api['table.edit']({ table, edits, dateOrder: controller.cells.dateOrder });
      for (const row of result.rows) gridRef.current?.getRowNode(String(row.id))?.setData(row);
      report(null);
      afterWrite(result.status, false);
    } catch (error) {
      const refused = error instanceof ApiCallError && error.error.code === 'refused';
      report(describeError(error));
      // The server refused what the editor let through: reopen the cell with the text to correct.
      if (refused && event.source !== 'cellClear' && event.rowIndex !== null) {
        controller.reopenText.set(cellKey(rowId, column), { text, message: describeError(error) });
        gridRef.current?.startEditingCell({ rowIndex: event.rowIndex, colKey: column });
      }
    }
  }

  // Ctrl+- deletes rows of this grid (undo and redo keys are in useViewUndo).
  const shortcuts = useRef(actions);
  shortcuts.current = actions;
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const ctrl = event.ctrlKey || event.metaKey;
      const target = event.target as HTMLElement | null;
      if (!ctrl || target?.closest('input, select, textarea, [role="dialog"], [role="alertdialog"]')) return;
      if (event.key === '-' && target?.closest('.grid-view')) {
        event.preventDefault();
        void shortcuts.current.askDelete();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const intervals = table === 'samples' || table === 'lithology';
  return (
    <section className="grid-view" aria-label={LABELS[table]} onPaste={(event) => void actions.paste(event)}>
      <header className="grid-toolbar">
        <h1>{LABELS[table]}</h1>
        {table !== 'holes' && (
          <label className="hole-filter">
            Hole{' '}
            <input
              list="entry-hole-ids"
              value={holeFilter}
              placeholder="all holes"
              aria-label="Hole filter"
              onChange={(event) => setHoleFilter(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') applyHoleFilter(holeFilter);
              }}
              onBlur={() => {
                if (holeFilter.trim() !== holeRef.current) applyHoleFilter(holeFilter);
              }}
            />
          </label>
        )}
        <button type="button" onClick={() => void actions.openForm('add')}>
          {table === 'holes' ? 'Add hole' : 'Add row'}
        </button>
        {intervals && (
          <button
            type="button"
            onClick={() => void actions.openForm('next')}
            title="A new interval starting at the hole's deepest To"
          >
            Next interval
          </button>
        )}
        <button
          type="button"
          onClick={() => void actions.askDelete()}
          title="Delete the selected rows (Ctrl+-)"
        >
          Delete rows
        </button>
        <UndoButtons undo={undo} />
        <ColumnChooser columns={layout} />
        <span className="row-total">{total === null ? '' : `${total.toLocaleString('en')} rows`}</span>
        <EmptyColumnsNote columns={layout} />
      </header>
      {(notice || busy) && (
        <div
          role={notice?.kind === 'error' ? 'alert' : 'status'}
          className={notice?.kind === 'error' ? 'notice error' : 'notice'}
        >
          {busy ?? notice?.text}
        </div>
      )}
      <div className="grid-panel" data-table={table} onContextMenu={layout.openMenu}>
        {ready && layout.loaded && (
          <AgGridReact<PageRow>
            columnDefs={columns}
            context={controller}
            defaultColDef={DEFAULT_COLUMN}
            rowModelType="infinite"
            datasource={watchedSource}
            cacheBlockSize={100}
            maxBlocksInCache={100}
            blockLoadDebounceMillis={30}
            rowHeight={28}
            rowSelection={{
              mode: 'multiRow',
              checkboxes: true,
              headerCheckbox: false,
              enableClickSelection: false,
            }}
            readOnlyEdit
            onCellEditRequest={(event) => void onCellEditRequest(event)}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            enableBrowserTooltips
            stopEditingWhenCellsLoseFocus
            onGridReady={(event: GridReadyEvent<PageRow>) => {
              gridRef.current = event.api;
              layout.onGridReady(event.api);
            }}
            getRowId={(params) => String(params.data.id)}
            {...layout.gridProps}
          />
        )}
      </div>
      <ColumnMenu columns={layout} />
      {table !== 'holes' && (
        <datalist id="entry-hole-ids">
          {controller.holeIds.map((holeId) => (
            <option key={holeId} value={holeId} />
          ))}
        </datalist>
      )}
      {dialog?.kind === 'paste' && (
        <PasteDialog
          pending={dialog.pending}
          controller={controller}
          columnLabel={actions.columnLabel}
          busy={busy !== null}
          onApply={(rows, goodOnly) => void actions.applyPaste(dialog.pending, rows, goodOnly)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'paste-header' && (
        <PasteHeaderDialog
          paste={dialog.paste}
          editable={editableColumnIds(
            table,
            analytes.map((analyte) => analyte.code),
          )}
          columnLabel={actions.columnLabel}
          busy={busy !== null}
          onPasteByHeader={(targets, placement) =>
            void actions.pasteHeaderBlock(dialog.paste, targets, placement)
          }
          onPasteAsCopied={() => void actions.pasteAsCopied(dialog.paste)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          question={dialog.question}
          busy={busy !== null}
          onConfirm={() => void actions.deleteRows(dialog.rowIds)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'form' && (
        <RowForm
          table={table}
          title={dialog.title}
          initial={dialog.initial}
          analytes={analytes}
          lengthUnit={lengthUnit}
          controller={controller}
          chain={dialog.chain}
          error={dialog.error}
          busy={busy !== null}
          onSubmit={actions.insertRow}
          onClose={actions.closeForm}
        />
      )}
    </section>
  );
}
