// The results of a saved run in a read-only grid: columns titled in people's words (the file's own name
// in the header's tooltip), numbers at full precision in the cell's tooltip, and optionally a Strip log
// button per row and a click on a row opening that hole. A run that fits in one page is sorted in the
// page; a bigger one (composites of a whole project) is paged through runs.get as the grid scrolls.
import type { ColDef, IDatasource, IGetRowsParams, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { RunPage } from '../../api/compositing-types';
import { api } from '../api/api-client';

export type ResultRow = Record<string, string | number | null>;

/** Depths on a strip log: a row's hole and depths. */
export interface ResultInterval {
  holeId: string;
  from: number;
  to: number;
}

const TEXT_COLUMNS = new Set(['hole_id', 'kind', 'domain']);
const DEPTH_COLUMNS = new Set([
  'from',
  'to',
  'length',
  'true_thickness',
  'sampled_length',
  'depth',
  'x',
  'y',
  'z',
]);

/** Decimals shown (the tooltip keeps every digit): depths and coordinates 2, angles 1, grades 3. */
function decimalsOf(name: string): number {
  if (DEPTH_COLUMNS.has(name) || name.endsWith('_length')) return 2;
  if (name === 'angle_to_plane') return 1;
  return 3;
}

function resultColumns(page: RunPage, sortable: boolean): ColDef<ResultRow>[] {
  return page.columns.map((name, index) => {
    const text = TEXT_COLUMNS.has(name);
    const decimals = decimalsOf(name);
    const label = page.labels[index] ?? name;
    // Wide enough for the header's words ("Sampled length (m)") so no title is cut short.
    const fitted = Math.ceil(40 + 7.5 * label.length);
    return {
      field: name,
      headerName: label,
      headerTooltip: `${name} in the results file`,
      sortable,
      width: Math.max(name === 'hole_id' ? 130 : text ? 100 : 115, fitted),
      type: text ? undefined : 'rightAligned',
      valueFormatter: text
        ? undefined
        : (params) =>
            typeof params.value === 'number'
              ? params.value.toFixed(decimals)
              : params.value === null || params.value === undefined
                ? ''
                : String(params.value),
      tooltipValueGetter: (params) => (typeof params.value === 'number' ? String(params.value) : undefined),
    };
  });
}

const toRows = (page: RunPage): ResultRow[] =>
  page.rows.map((cells) => Object.fromEntries(page.columns.map((name, c) => [name, cells[c] ?? null])));

function interval(row: ResultRow | undefined): ResultInterval | null {
  if (!row || typeof row.hole_id !== 'string') return null;
  const from = typeof row.from === 'number' ? row.from : typeof row.depth === 'number' ? row.depth : null;
  const to = typeof row.to === 'number' ? row.to : from;
  return from === null || to === null ? null : { holeId: row.hole_id, from, to };
}

const depthLabel = (value: number) => value.toFixed(1);

/** The grid's columns led by a Strip log button on each row. */
function withStripLogButton(
  columns: ColDef<ResultRow>[],
  open: ((row: ResultInterval) => void) | undefined,
): ColDef<ResultRow>[] {
  if (!open) return columns;
  return [
    {
      colId: 'strip_log',
      headerName: '',
      width: 92,
      pinned: 'left',
      sortable: false,
      cellRenderer: (params: { data?: ResultRow }) => {
        const target = interval(params.data);
        return target ? (
          <button
            type="button"
            className="grid-open-button strip-log-open"
            aria-label={`Strip log of ${target.holeId} at ${depthLabel(target.from)}-${depthLabel(target.to)}`}
            onClick={() => open(target)}
          >
            Strip log
          </button>
        ) : null;
      },
    },
    ...columns,
  ];
}

/** Pages of a run bigger than the first page, read as the grid scrolls. */
function runSource(page: RunPage): IDatasource {
  return {
    rowCount: page.total,
    getRows(params: IGetRowsParams) {
      api['runs.get']({
        id: page.run.id,
        offset: params.startRow,
        limit: Math.min(5000, params.endRow - params.startRow),
      }).then(
        (next) => params.successCallback(toRows(next), page.total),
        () => params.failCallback(),
      );
    },
  };
}

interface Props {
  /** The run's first page of results. */
  page: RunPage;
  /** The grid's accessible name, e.g. "Composite rows". */
  label: string;
  onOpenHole?: (holeId: string) => void;
  onOpenStripLog?: (row: ResultInterval) => void;
}

export function RunResultsGrid({ page, label, onOpenHole, onOpenStripLog }: Props) {
  const whole = page.rows.length >= page.total;
  const columns = useMemo(
    () => withStripLogButton(resultColumns(page, whole), onOpenStripLog),
    [page, whole, onOpenStripLog],
  );
  const rows = useMemo(() => (whole ? toRows(page) : undefined), [page, whole]);
  const source = useMemo(() => (whole ? undefined : runSource(page)), [page, whole]);
  return (
    <div className="results-grid" aria-label={label}>
      <AgGridReact<ResultRow>
        columnDefs={columns}
        defaultColDef={{ resizable: true }}
        tooltipShowDelay={300}
        {...(whole
          ? { rowData: rows }
          : { rowModelType: 'infinite' as const, datasource: source, cacheBlockSize: 500 })}
        onRowClicked={(event: RowClickedEvent<ResultRow>) => {
          // The Strip log button opens the hole view; the rest of the row opens the hole.
          if ((event.event?.target as HTMLElement | null)?.closest('.strip-log-open')) return;
          const hole = event.data?.hole_id;
          if (onOpenHole && typeof hole === 'string') onOpenHole(hole);
        }}
      />
    </div>
  );
}
