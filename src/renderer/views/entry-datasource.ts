// The infinite grid's datasource: AG Grid's sort and filter models become the API's whitelisted sort and
// filters, plus the hole filter; the server pages through the view's ordered ids. The last view asked for
// is remembered, because a paste or a jump to a row must address the rows exactly as the grid shows them.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ApiInput } from '../../api/contract';
import type { ProjectStatus } from '../../api/entry-types';
import type { DataTable } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

export type ViewQuery = ApiInput<'table.paste'>['view'];

type FilterModelEntry = {
  filterType?: string;
  type?: string;
  filter?: string | number;
  filterTo?: string | number;
};

type FilterOp = NonNullable<ViewQuery['filters']>[number]['op'];

const OPS: Record<string, FilterOp> = {
  equals: 'equals',
  contains: 'contains',
  startsWith: 'startsWith',
  lessThan: 'lessThan',
  greaterThan: 'greaterThan',
  inRange: 'between',
  blank: 'blank',
  notBlank: 'notBlank',
};

export function viewFromModels(
  table: DataTable,
  params: Pick<IGetRowsParams, 'sortModel' | 'filterModel'>,
  holeId: string,
): ViewQuery {
  const filters = Object.entries((params.filterModel ?? {}) as Record<string, FilterModelEntry>).flatMap(
    ([column, entry]) => {
      const op = OPS[entry.type ?? 'equals'];
      return op ? [{ column, op, value: entry.filter, valueTo: entry.filterTo }] : [];
    },
  );
  return {
    table,
    sort: params.sortModel.map((sort) => ({ column: sort.colId, direction: sort.sort })),
    filters,
    holeId: holeId.trim() === '' ? undefined : holeId.trim(),
  };
}

export interface GridSource extends IDatasource {
  /** The view behind the rows shown now. */
  current(): ViewQuery;
}

export function gridSource(
  table: DataTable,
  holeId: () => string,
  onError: (message: string) => void,
  onLoaded?: (total: number, status?: ProjectStatus) => void,
): GridSource {
  let current: ViewQuery = { table, holeId: holeId() || undefined };
  return {
    current: () => current,
    getRows(params: IGetRowsParams) {
      const view = viewFromModels(table, params, holeId());
      current = view;
      api['table.page']({ ...view, offset: params.startRow, limit: params.endRow - params.startRow }).then(
        (page) => {
          params.successCallback(page.rows, page.total);
          onLoaded?.(page.total);
        },
        (error: unknown) => {
          onError(describeError(error));
          params.failCallback();
        },
      );
    },
  };
}
