// Keeps the QA/QC warnings in the problems table current. A failing standard or blank warns every sample
// of its batch, across holes, so these warnings are judged over the whole project: after a lab
// certificate or file import, a method-priority change, a standards table or QA/QC setting change, a
// whole-project validation, when the grids add, delete or put back a QA/QC insert, and when the QA/QC
// view finds them out of date. Never in a single-cell edit's path (that path stays a few index lookups):
// an edited result of an insert leaves them stale, and the QA/QC view says so and brings them up to date.
import type { Database } from '../../storage/project-db';
import type { Problem } from '../../domain/model';
import { allFailures } from '../../domain/qaqc/qaqc-report';
import { batchWarnings, QAQC_RULES, type QcFailure } from '../../domain/qaqc/qaqc-warnings';
import {
  batchMembers,
  inheritedBatchWarnings,
  problemIdsOfRows,
  storedProblemsOf,
  syncRuleProblems,
} from '../../storage/qaqc-store';
import { loadQcData, qaqcSettings } from './qaqc-data';

export interface QaqcWarningsState {
  /** Failures of standards and blanks over the whole project. */
  failures: number;
  /** Warnings stored now, and the number the current data gives. */
  stored: number;
  current: number;
  upToDate: boolean;
}

function computeWarnings(db: Database): { failures: QcFailure[]; problems: (Problem & { hole: number })[] } {
  const failures = allFailures(loadQcData(db), qaqcSettings(db));
  const members = new Map<string, ReturnType<typeof batchMembers>>();
  const problems = batchWarnings(failures, (batch, analyte) => {
    const key = `${batch}\u0000${analyte}`;
    let list = members.get(key);
    if (!list) {
      list = batchMembers(db, batch, analyte);
      members.set(key, list);
    }
    return list;
  });
  return { failures, problems };
}

const keyOf = (p: { rule: string; row_id: number | null; column: string | null; message: string }) =>
  JSON.stringify([p.rule, p.row_id, p.column, p.message]);

/**
 * Recomputes every QA/QC warning and stores them in place of the old ones (unchanged ones stay).
 * `change` is the number of warnings added less those removed, for the status bar.
 */
export function refreshQaqcWarnings(db: Database): QaqcWarningsState & { change: number } {
  const { failures, problems } = computeWarnings(db);
  let change = 0;
  db.transaction(() => {
    const stored = storedProblemsOf(db, QAQC_RULES);
    const wanted = new Map(problems.map((p) => [keyOf(p), p]));
    const kept = new Set<string>();
    const stale: number[] = [];
    for (const row of stored) {
      const key = keyOf(row);
      if (wanted.has(key) && !kept.has(key)) kept.add(key);
      else stale.push(row.id);
    }
    const added = [...wanted.entries()].filter(([key]) => !kept.has(key)).map(([, p]) => p);
    syncRuleProblems(db, stale, added);
    change = added.length - stale.length;
  })();
  return {
    failures: failures.length,
    stored: problems.length,
    current: problems.length,
    upToDate: true,
    change,
  };
}

/**
 * After rows are added, deleted or put back by the grids (an entry action): when a QA/QC insert was among
 * them, its failures may have changed, so QA/QC is re-judged; otherwise the failures stand and the rows
 * only join or leave their batches' warnings (a few index lookups). A single-cell edit adds and deletes
 * no row and costs nothing here. Returns the change in the number of warnings.
 */
export function keepQaqcWarningsAfterRows(
  db: Database,
  change: { insertRows: boolean; sampleRows: readonly number[] },
): number {
  if (change.insertRows) return refreshQaqcWarnings(db).change;
  if (change.sampleRows.length === 0) return 0;
  const stale = problemIdsOfRows(db, QAQC_RULES, change.sampleRows);
  const added = change.sampleRows.flatMap((rowId) => inheritedBatchWarnings(db, QAQC_RULES, rowId));
  syncRuleProblems(db, stale, added);
  return added.length - stale.length;
}

/** Compares the stored warnings with what the data gives now, writing nothing. */
export function qaqcWarningsState(db: Database): QaqcWarningsState {
  const { failures, problems } = computeWarnings(db);
  const stored = storedProblemsOf(db, QAQC_RULES);
  const wanted = problems.map(keyOf).sort();
  const have = stored.map(keyOf).sort();
  return {
    failures: failures.length,
    stored: stored.length,
    current: problems.length,
    upToDate: wanted.length === have.length && wanted.every((key, i) => key === have[i]),
  };
}
