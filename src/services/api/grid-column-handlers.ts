// Handlers for the grids' columns: the layout saved per grid in the project (order, widths, shown and
// hidden columns, decimals), the decimals each number column was written with, and the analyte columns a
// view has no results for. A layout is not data: saving it is neither audited nor undone, and it leaves
// the grids' views as they are.
import type { GridColumnsInfo } from '../../api/grid-layout-types';
import type { DataTable } from '../../domain/model';
import { deleteGridLayout, readGridLayout, writeGridLayout } from '../../storage/grid-layout-store';
import { emptyAnalyteColumns, writtenDecimals } from '../grid/column-info';
import { gridSession } from '../grid/grid-session';
import type { ApiContext } from './api-context';
import type { HandlerGroup } from './handlers';

function columnsInfo(context: ApiContext, table: DataTable): GridColumnsInfo {
  const { db } = context.project;
  return {
    layout: readGridLayout(db, table),
    written: writtenDecimals(db, gridSession(context.project), table),
  };
}

export const gridColumnHandlers: HandlerGroup<
  'grid.columns' | 'grid.saveLayout' | 'grid.resetLayout' | 'table.emptyAnalytes'
> = {
  'grid.columns': (input, context) => columnsInfo(context, input.table),
  'grid.saveLayout': (input, context) => {
    gridSession(context.project).settingsWrite(() =>
      writeGridLayout(context.project.db, input.table, input.layout),
    );
    return columnsInfo(context, input.table);
  },
  'grid.resetLayout': (input, context) => {
    gridSession(context.project).settingsWrite(() => deleteGridLayout(context.project.db, input.table));
    return columnsInfo(context, input.table);
  },
  'table.emptyAnalytes': (input, context) =>
    emptyAnalyteColumns(context.project.db, gridSession(context.project), input),
};
