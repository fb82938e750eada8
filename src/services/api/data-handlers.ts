// Handlers that read table pages for the grids.
import type { Page, PageRow } from '../../api/types';
import type { DataTable } from '../../domain/model';
import { readPage } from '../../storage/table-pages';
import type { HandlerGroup } from './handlers';

export const dataHandlers: HandlerGroup<'table.page'> = {
  'table.page': (input, context) =>
    readPage(context.project.db, { ...input, table: input.table as DataTable }) as unknown as Page<PageRow>,
};
