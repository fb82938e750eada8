// Handlers for data entry: cell edits, added and deleted rows, pastes, undo and redo, lookup lists.
// Each write keeps the grid session's views and counts in step and returns the status bar's figures.
import type { PageRow } from '../../api/types';
import type { DataTable } from '../../domain/model';
import type { WriteTracker } from '../../storage/row-writes';
import { editCells } from '../entry/cell-edits';
import type { EntryEnv } from '../entry/entry-transaction';
import { addCode, deleteCode, lookupLists, updateCode } from '../entry/lookup-lists';
import { paste } from '../entry/paste';
import { deletePreview, deleteRows, insertRows, nextInterval } from '../entry/row-entry';
import { editHistory, redo, undo } from '../entry/undo-redo';
import { gridSession } from '../grid/grid-session';
import type { Placement } from '../grid/view-snapshots';
import type { ApiContext } from './api-context';
import type { HandlerGroup } from './handlers';

function entryEnv(context: ApiContext): EntryEnv {
  return {
    db: context.project.db,
    lengthUnit: context.project.settings.length_unit,
    osUser: context.osUser,
    source: context.source,
  };
}

/** Runs a write with the grid session synchronised before and updated after. */
function write<T extends { tracker: WriteTracker | null }>(
  context: ApiContext,
  run: (env: EntryEnv) => T,
  placement?: (value: T) => Placement,
): T {
  const session = gridSession(context.project);
  session.sync();
  const value = run(entryEnv(context));
  if (value.tracker) session.afterWrite(value.tracker, placement?.(value));
  return value;
}

const asRows = (rows: Record<string, unknown>[]) => rows as unknown as PageRow[];

export const entryHandlers: HandlerGroup<
  | 'table.edit'
  | 'table.insert'
  | 'table.nextInterval'
  | 'table.deletePreview'
  | 'table.delete'
  | 'table.paste'
  | 'edit.undo'
  | 'edit.redo'
  | 'edit.history'
  | 'lookups.lists'
  | 'lookups.add'
  | 'lookups.update'
  | 'lookups.delete'
> = {
  'table.edit': (input, context) => {
    const outcome = write(context, (env) =>
      editCells({ ...env, dateOrder: input.dateOrder }, input.table, input.edits),
    );
    return {
      changeSet: outcome.changeSet,
      rows: asRows(outcome.rows),
      status: gridSession(context.project).status(),
    };
  },
  'table.insert': (input, context) => {
    const outcome = write(
      context,
      (env) => insertRows({ ...env, dateOrder: input.dateOrder }, input.table, input.rows),
      () => ({ afterRowId: input.afterRowId }),
    );
    return {
      changeSet: outcome.changeSet,
      ids: outcome.ids,
      rows: asRows(outcome.rows),
      status: gridSession(context.project).status(),
    };
  },
  'table.nextInterval': (input, context) => nextInterval(context.project.db, input.table, input.holeId),
  'table.deletePreview': (input, context) => deletePreview(context.project.db, input.table, input.rowIds),
  'table.delete': (input, context) => {
    const outcome = write(context, (env) => deleteRows(env, input.table, input.rowIds));
    return {
      changeSet: outcome.changeSet,
      deleted: outcome.deleted,
      status: gridSession(context.project).status(),
    };
  },
  'table.paste': (input, context) => {
    const views = gridSession(context.project).views;
    const outcome = write(
      context,
      (env) => paste({ ...env, dateOrder: input.dateOrder }, views, input),
      (value) => ({ afterRowId: value.afterRowId }),
    );
    const { tracker: _tracker, afterRowId: _after, ...result } = outcome;
    return { ...result, status: gridSession(context.project).status() };
  },
  'edit.undo': (input, context) => {
    const outcome = write(
      context,
      (env) => undo(env, input.scope),
      () => ({ rebuild: true }),
    );
    return replayResult(outcome, context);
  },
  'edit.redo': (input, context) => {
    const outcome = write(
      context,
      (env) => redo(env, input.scope),
      () => ({ rebuild: true }),
    );
    return replayResult(outcome, context);
  },
  'edit.history': (input, context) => {
    const history = editHistory(context.project.db, input.scope);
    const entry = (summary: typeof history.undo) =>
      summary ? { id: summary.id, at: summary.at, description: summary.description } : null;
    return { undo: entry(history.undo), redo: entry(history.redo) };
  },
  'lookups.lists': (_input, context) => lookupLists(context.project.db),
  'lookups.add': (input, context) => {
    write(context, (env) => ({ tracker: addCode(env, input.list, input.code, input.description ?? null) }));
    return lookupLists(context.project.db);
  },
  'lookups.update': (input, context) => {
    write(context, (env) => ({
      tracker: updateCode(env, input.list, input.code, {
        newCode: input.newCode,
        description: input.description,
        colour: input.colour,
      }),
    }));
    return lookupLists(context.project.db);
  },
  'lookups.delete': (input, context) => {
    write(context, (env) => ({ tracker: deleteCode(env, input.list, input.code) }));
    return lookupLists(context.project.db);
  },
};

function replayResult(
  outcome: ReturnType<typeof undo>,
  context: ApiContext,
): {
  changeSet: number | null;
  replayed: { id: number; description: string };
  tables: DataTable[];
  status: ReturnType<ReturnType<typeof gridSession>['status']>;
} {
  return {
    changeSet: outcome.changeSet,
    replayed: { id: outcome.replayed.id, description: outcome.replayed.description },
    tables: outcome.tables,
    status: gridSession(context.project).status(),
  };
}
