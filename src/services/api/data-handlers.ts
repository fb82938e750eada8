// Handlers that read table pages for the grids: every page is a slice of the view's ordered row ids
// (services/grid/view-snapshots.ts), read by primary key, whatever its offset.
import type { LocateResult, ProjectStatus } from '../../api/entry-types';
import type { Page, PageRow } from '../../api/types';
import { holeIdList } from '../../storage/entry-queries';
import { readRowsByIds } from '../../storage/table-pages';
import { gridSession } from '../grid/grid-session';
import type { HandlerGroup } from './handlers';

export const dataHandlers: HandlerGroup<'table.page' | 'table.locate' | 'holes.ids' | 'project.status'> = {
  'table.page': (input, context) => {
    const { db } = context.project;
    const session = gridSession(context.project);
    session.sync();
    const view = session.views.get(db, input);
    const ids = Array.from(view.ids.subarray(input.offset, input.offset + input.limit));
    return {
      rows: readRowsByIds(db, input.table, ids) as unknown as PageRow[],
      total: view.ids.length,
    } satisfies Page<PageRow>;
  },
  'table.locate': (input, context): LocateResult => {
    const session = gridSession(context.project);
    session.sync();
    const view = session.views.get(context.project.db, input);
    const index = view.ids.indexOf(input.rowId);
    return { index: index === -1 ? null : index, total: view.ids.length };
  },
  'holes.ids': (_input, context) => holeIdList(context.project.db),
  'project.status': (_input, context): ProjectStatus => gridSession(context.project).status(),
};
