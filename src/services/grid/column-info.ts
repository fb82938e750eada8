// What the grids ask about columns rather than rows: which analyte columns have no results in a view
// (hidden by default) and how many decimals each number column's stored values were written with.
// Answers are kept per view until the session sees a write.
import type { Database } from '../../storage/project-db';
import type { ColumnDecimals, EmptyAnalyteColumns } from '../../api/grid-layout-types';
import { columnDecimals } from '../../domain/entry/display-precision';
import type { DataTable } from '../../domain/model';
import { analytesWithAnyValue, analytesWithValues, numberColumnSample } from '../../storage/column-values';
import { listAnalytes } from '../../storage/project-queries';
import type { ViewQuery } from '../../storage/table-pages';
import type { GridSession } from './grid-session';

/** Samples of a view read before an analyte not yet seen is judged by the whole project instead. */
export const EMPTY_SCAN_BUDGET = 10_000;
/** Rows of a table whose numbers tell the decimals of its columns. */
export const DECIMALS_SAMPLE = 10_000;

interface Memo {
  generation: number;
  emptyByView: Map<string, EmptyAnalyteColumns>;
  anywhere: Set<number> | null;
  decimals: Map<DataTable, ColumnDecimals>;
}

const memos = new WeakMap<GridSession, Memo>();

function memoOf(session: GridSession): Memo {
  let memo = memos.get(session);
  if (!memo || memo.generation !== session.generation) {
    memo = { generation: session.generation, emptyByView: new Map(), anywhere: null, decimals: new Map() };
    memos.set(session, memo);
  }
  return memo;
}

/**
 * The analytes with no result in a view's samples. The view's samples are read a chunk at a time until
 * every analyte is seen; in a view of more than EMPTY_SCAN_BUDGET samples, an analyte not seen by then is
 * empty only if the project has no result for it at all (one pass over the results, kept until a write).
 */
export function emptyAnalyteColumns(
  db: Database,
  session: GridSession,
  query: ViewQuery,
): EmptyAnalyteColumns {
  if (query.table !== 'samples') return { empty: [], complete: true };
  session.sync();
  const view = session.views.get(db, query);
  const memo = memoOf(session);
  const known = memo.emptyByView.get(view.key);
  if (known) return known;
  const analytes = listAnalytes(db);
  const wanted = new Set(analytes.map((analyte) => analyte.id));
  const scan = analytesWithValues(db, view.ids, wanted, EMPTY_SCAN_BUDGET);
  let hasValues = (id: number) => scan.found.has(id);
  if (!scan.complete) {
    const anywhere = (memo.anywhere ??= analytesWithAnyValue(db));
    hasValues = (id) => scan.found.has(id) || anywhere.has(id);
  }
  const answer: EmptyAnalyteColumns = {
    empty: analytes.filter((analyte) => !hasValues(analyte.id)).map((analyte) => analyte.code),
    complete: scan.complete,
  };
  memo.emptyByView.set(view.key, answer);
  return answer;
}

/** Decimals each number column of a table was written with, from its first DECIMALS_SAMPLE rows. */
export function writtenDecimals(db: Database, session: GridSession, table: DataTable): ColumnDecimals {
  session.sync();
  const memo = memoOf(session);
  const known = memo.decimals.get(table);
  if (known) return known;
  const decimals: ColumnDecimals = {};
  for (const [column, values] of numberColumnSample(db, table, DECIMALS_SAMPLE)) {
    decimals[column] = columnDecimals(values);
  }
  memo.decimals.set(table, decimals);
  return decimals;
}
