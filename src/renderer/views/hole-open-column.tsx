// Opening a hole's one-page view from the grids: a double-click on a Hole ID cell opens it (F2 or typing
// still edit the cell, as everywhere else), and the Holes grid gets a "Strip log" button on each row.
import type {
  CellDoubleClickedEvent,
  ColDef,
  ICellRendererParams,
  SuppressMouseEventHandlingParams,
} from 'ag-grid-community';
import type { PageRow } from '../../api/types';
import type { DataTable } from '../../domain/model';

type OpenHole = (holeId: string) => void;

function holeIdOf(row: PageRow | undefined): string | null {
  return row && 'hole_id' in row && typeof row.hole_id === 'string' ? row.hole_id : null;
}

function StripLogButton(props: ICellRendererParams<PageRow> & { openHole: () => OpenHole }) {
  const holeId = holeIdOf(props.data);
  if (!holeId) return null;
  return (
    <button
      type="button"
      className="grid-open-button"
      aria-label={`Strip log of ${holeId}`}
      title={`Open ${holeId}: collar, surveys, samples, lithology and its strip log`}
      onClick={() => props.openHole()(holeId)}
    >
      Strip log
    </button>
  );
}

/**
 * The grid's columns with the hole-opening behaviour added. `openHole` is read when used, so the columns
 * need not be rebuilt when the caller's handler changes.
 */
export function withHoleOpening(
  columns: ColDef<PageRow>[],
  table: DataTable,
  openHole: () => OpenHole | undefined,
): ColDef<PageRow>[] {
  const open = (holeId: string | null) => {
    const handler = openHole();
    if (holeId && handler) handler(holeId);
  };
  const decorated = columns.map((column) =>
    column.colId !== 'hole_id'
      ? column
      : {
          ...column,
          headerTooltip: 'Double-click a Hole ID to open the hole; F2 or typing edits it.',
          // AG Grid starts editing on a double-click unless the cell suppresses it; the keys still edit.
          cellRendererParams: {
            ...(column.cellRendererParams as object | undefined),
            suppressMouseEventHandling: (params: SuppressMouseEventHandlingParams<PageRow>) =>
              params.event.type === 'dblclick',
          },
          onCellDoubleClicked: (event: CellDoubleClickedEvent<PageRow>) => open(holeIdOf(event.data)),
        },
  );
  if (table !== 'holes') return decorated;
  const button: ColDef<PageRow> = {
    colId: 'strip_log',
    headerName: '',
    width: 92,
    // At the right edge, after every data column, so a pasted block never reaches it.
    pinned: 'right',
    editable: false,
    sortable: false,
    suppressNavigable: true,
    cellRenderer: StripLogButton,
    cellRendererParams: { openHole: () => (holeId: string) => open(holeId) },
  };
  return [...decorated, button];
}
