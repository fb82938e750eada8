// Keeps the QA/QC warnings in the problems table current. A failing standard or blank warns every sample
// of its batch, across holes, so these warnings are judged over the whole project: after a lab
// certificate or file import, a method-priority change, a standards table or QA/QC setting change, a
// whole-project validation, and when the QA/QC view finds them out of date. Never in a single cell
// edit's path (that path stays a few index lookups): the QA/QC view says when an edit left them stale.
import type { Database } from 'better-sqlite3';
import type { Problem } from '../../domain/model';
import { allFailures } from '../../domain/qaqc/qaqc-report';
import { batchWarnings, QAQC_RULES, type QcFailure } from '../../domain/qaqc/qaqc-warnings';
import { batchMembers, storedProblemsOf, syncRuleProblems } from '../../storage/qaqc-store';
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

/** Recomputes every QA/QC warning and stores them in place of the old ones (unchanged ones stay). */
export function refreshQaqcWarnings(db: Database): QaqcWarningsState {
  const { failures, problems } = computeWarnings(db);
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
    syncRuleProblems(
      db,
      stale,
      [...wanted.entries()].filter(([key]) => !kept.has(key)).map(([, p]) => p),
    );
  })();
  return { failures: failures.length, stored: problems.length, current: problems.length, upToDate: true };
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
