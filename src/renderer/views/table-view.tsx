// A read view of one table on AG Grid's Infinite Row Model: pages come from the API with sorting and
// filtering done in SQL, so a million-row table scrolls without loading it whole.
import type { ColDef, GridReadyEvent, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import type { AnalyteRow, PageRow, SamplePageRow } from '../../api/types';
import type { DataTable, LengthUnit } from '../../domain/model';
import { TABLE_FIELDS, type FieldSpec } from '../../domain/table-fields';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

function unitSuffix(field: FieldSpec, lengthUnit: LengthUnit): string {
  switch (field.quantity) {
    case 'depth':
    case 'coordinate':
      return ` (${lengthUnit})`;
    case 'azimuth':
    case 'dip':
      return ' (deg)';
    case 'density':
      return ' (g/cm3)';
    default:
      return '';
  }
}

function columnsFor(table: DataTable, lengthUnit: LengthUnit): ColDef<PageRow>[] {
  return TABLE_FIELDS[table].map((field) => ({
    field: (field.kind === 'hole-ref' ? 'hole_id' : field.key) as never,
    colId: field.kind === 'hole-ref' ? 'hole_id' : field.key,
    headerName: field.label + unitSuffix(field, lengthUnit),
    sortable: true,
    filter: field.kind === 'number' ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    filterParams: { buttons: ['apply', 'reset'], maxNumConditions: 1 },
    type: field.kind === 'number' ? 'rightAligned' : undefined,
  }));
}

type FilterModelEntry = {
  filterType?: string;
  type?: string;
  filter?: string | number;
  filterTo?: string | number;
};

const OPS: Record<
  string,
  'equals' | 'contains' | 'startsWith' | 'lessThan' | 'greaterThan' | 'between' | 'blank' | 'notBlank'
> = {
  equals: 'equals',
  contains: 'contains',
  startsWith: 'startsWith',
  lessThan: 'lessThan',
  greaterThan: 'greaterThan',
  inRange: 'between',
  blank: 'blank',
  notBlank: 'notBlank',
};

function datasource(table: DataTable, holeId?: string): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const filters = Object.entries(params.filterModel as Record<string, FilterModelEntry>).flatMap(
        ([column, entry]) => {
          const op = OPS[entry.type ?? 'equals'];
          return op ? [{ column, op, value: entry.filter, valueTo: entry.filterTo }] : [];
        },
      );
      api['table.page']({
        table,
        offset: params.startRow,
        limit: params.endRow - params.startRow,
        sort: params.sortModel.map((sort) => ({ column: sort.colId, direction: sort.sort })),
        filters,
        holeId,
      }).then(
        (page) => params.successCallback(page.rows, page.total),
        (error: unknown) => {
          console.error(describeError(error));
          params.failCallback();
        },
      );
    },
  };
}

/** Samples are shown wide: one column per analyte, the lab's text as reported, unit in the header. */
function analyteColumns(analytes: readonly AnalyteRow[]): ColDef<PageRow>[] {
  return analytes.map((analyte) => ({
    colId: `analyte:${analyte.code}`,
    headerName: `${analyte.code} (${analyte.unit})`,
    sortable: false,
    type: 'rightAligned',
    valueGetter: (params) =>
      (params.data as SamplePageRow | undefined)?.results?.[analyte.code]?.lab_text ?? '',
  }));
}

export function TableView({
  table,
  lengthUnit,
  holeId,
}: {
  table: DataTable;
  lengthUnit: LengthUnit;
  /** Only this hole's rows (opened from another view). */
  holeId?: string;
}) {
  const [analytes, setAnalytes] = useState<AnalyteRow[]>([]);
  useEffect(() => {
    if (table === 'samples')
      api['analytes.list']({}).then(setAnalytes, (error: unknown) => console.error(describeError(error)));
  }, [table]);
  const columns = useMemo(
    () => [...columnsFor(table, lengthUnit), ...(table === 'samples' ? analyteColumns(analytes) : [])],
    [table, lengthUnit, analytes],
  );
  const source = useMemo(() => datasource(table, holeId), [table, holeId]);
  return (
    <div className="grid-panel" data-table={table}>
      <AgGridReact<PageRow>
        columnDefs={columns}
        defaultColDef={{ width: 115, resizable: true }}
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={50}
        onGridReady={(event: GridReadyEvent<PageRow>) => event.api.setGridOption('datasource', source)}
        getRowId={(params) => String(params.data.id)}
      />
    </div>
  );
}
