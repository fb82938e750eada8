// Re-runs a saved run with its own parameters, without saving, to check that the data it read is still
// the same (and so the published table still stands) and to say plainly which holes changed if not.
import type { RunVerification } from '../../api/compositing-types';
import { textAt, type ResultTable } from '../../domain/compositing/result-table';
import type { RunKind } from '../../domain/compositing/run-results';
import type { Project } from '../../storage/project-db';
import { decodeResultTable } from '../../storage/result-table-codec';
import { readRunResults, type StoredRun } from '../../storage/runs-store';
import { runComposites } from './composites-run';
import { runDesurvey } from './desurvey-run';
import { runIntercepts } from './intercepts-run';
import {
  resolveCompositeParams,
  resolveDesurveyParams,
  resolveInterceptParams,
  type StartRequest,
} from './run-params';
import { recheckIfRulesChanged } from '../validation/validate-project';
import { loadRun, runContext } from './run-reading';
import { ENGINE, holesLeftOut, type RunContextRecord, type RunControl, type RunOutcome } from './run-support';

/** Resolves a start request and runs the calculation of that kind: the one path jobs and the CLI use. */
export function runKind(
  project: Project,
  kind: RunKind,
  request: StartRequest,
  control: RunControl,
): RunOutcome {
  // Which holes are left out follows the stored problems: they must be today's.
  recheckIfRulesChanged(project.db, project.settings.length_unit);
  switch (kind) {
    case 'intercepts':
      return runIntercepts(project, resolveInterceptParams(project.db, request), control);
    case 'composites':
      return runComposites(project, resolveCompositeParams(project.db, request), control);
    case 'desurvey':
      return runDesurvey(project, resolveDesurveyParams(project.db, request), control);
  }
}

const list = (holes: readonly string[], limit = 20) =>
  holes.length <= limit
    ? holes.join(', ')
    : `${holes.slice(0, limit).join(', ')} and ${holes.length - limit} more`;

/**
 * The parameters to re-run a saved run with. An intercept run saved before grades had a declared unit has
 * no `gradeUnit`: it read its grade in the unit its context records (the first analyte's), so it is
 * re-run in that unit (an expression mixing units is then converted, and the results say so by differing).
 */
function rerunParams(run: StoredRun): Record<string, unknown> {
  const params = { ...(run.params as Record<string, unknown>) };
  const unit = runContext(run).expression?.unit;
  if (run.kind === 'intercepts' && !('gradeUnit' in params) && unit) params.gradeUnit = unit;
  return params;
}

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * True when `now` holds `then`'s rows and, in every column `then` has, the same values: a run saved by an
 * earlier version stands when a later one only adds columns (angle_to_plane, ...).
 */
function sameSavedColumns(then: ResultTable, now: ResultTable): boolean {
  if (then.rowCount !== now.rowCount || then.holes.join('\n') !== now.holes.join('\n')) return false;
  for (let r = 0; r < then.rowCount; r++) if (then.hole[r] !== now.hole[r]) return false;
  for (const column of then.numbers) {
    const other = now.numbers.find((c) => c.name === column.name);
    if (!other) return false;
    for (let r = 0; r < then.rowCount; r++) {
      if (!sameNumber(column.values[r]!, other.values[r]!)) return false;
    }
  }
  for (const column of then.texts) {
    const other = now.texts.find((c) => c.name === column.name);
    if (!other) return false;
    for (let r = 0; r < then.rowCount; r++) if (textAt(column, r) !== textAt(other, r)) return false;
  }
  return true;
}

/** For a run saved under the older rule: what a new run would read that it left out. */
function olderRuleNote(project: Project, id: number, outcome: RunOutcome): string {
  const now = holesLeftOut(project.db, outcome.reads, 'reads');
  const nowOut = new Set([...now.values()].map((hole) => hole.holeId));
  const wouldRead = outcome.run.excluded
    .filter((hole) => hole.source === 'validation' && !nowOut.has(hole.holeId))
    .map((hole) => hole.holeId);
  const more =
    wouldRead.length === 0
      ? 'a new run would leave out the same holes'
      : `a new run would read ${wouldRead.length} more hole${wouldRead.length === 1 ? '' : 's'} (${list(wouldRead)})`;
  return `Run ${id} was made before holes were left out only for errors in what a calculation reads: it left out a hole for any validation error and was checked the same way; ${more}.`;
}

export function verifyRun(project: Project, id: number, control: RunControl): RunVerification {
  const run = loadRun(project.db, id);
  const stored = readRunResults(project.db, id);
  // A run saved before holes were left out only for errors in what they read is checked with its own
  // rule, so unchanged data still gives the same data hash.
  const exclusion = (run.context as RunContextRecord).exclusion ?? 'any-error';
  const outcome = runKind(
    project,
    run.kind,
    { params: rerunParams(run) },
    { ...control, save: false, exclusion },
  );
  const then = new Map(stored?.holeDigests ?? []);
  const now = new Map(outcome.holeDigests);
  const changedHoles = [...now]
    .filter(([hole, digest]) => then.has(hole) && then.get(hole) !== digest)
    .map(([h]) => h);
  const addedHoles = [...now.keys()].filter((hole) => !then.has(hole));
  const removedHoles = [...then.keys()].filter((hole) => !now.has(hole));
  const dataUnchanged = outcome.run.dataHash === run.dataHash;
  const sameBytes = outcome.run.resultsHash === run.resultsHash;
  // Only a run saved by another version can differ in bytes yet hold the same numbers.
  const saved = !sameBytes && run.engine !== ENGINE && stored ? decodeResultTable(stored.results) : null;
  const resultsIdentical = sameBytes || (saved !== null && sameSavedColumns(saved, outcome.table));
  const added =
    saved && resultsIdentical
      ? outcome.table.numbers.map((c) => c.name).filter((name) => !saved.numbers.some((c) => c.name === name))
      : [];
  const when = `run ${run.id} (${run.kind}, ${run.finishedAt} by ${run.osUser})`;
  let message: string;
  if (dataUnchanged) {
    const addedNote =
      added.length > 0 ? ` (${ENGINE} also saves ${added.join(', ')}, which ${run.engine} did not)` : '';
    message = resultsIdentical
      ? `The data ${when} read is unchanged (SHA-256 ${run.dataHash.slice(0, 16)}...) and a re-run gives identical results${addedNote}.`
      : `The data ${when} read is unchanged, but a re-run gives different results: the calculation changed since (${run.engine} then, ${ENGINE} now).`;
  } else {
    const parts: string[] = [];
    if (changedHoles.length > 0)
      parts.push(
        `${changedHoles.length} hole${changedHoles.length === 1 ? '' : 's'} changed (${list(changedHoles)})`,
      );
    if (addedHoles.length > 0)
      parts.push(
        `${addedHoles.length} hole${addedHoles.length === 1 ? '' : 's'} now read that were not (${list(addedHoles)})`,
      );
    if (removedHoles.length > 0)
      parts.push(
        `${removedHoles.length} hole${removedHoles.length === 1 ? '' : 's'} no longer read (${list(removedHoles)})`,
      );
    const leftThen = run.excluded.map((h) => h.holeId).join(', ') || 'none';
    const leftNow = outcome.run.excluded.map((h) => h.holeId).join(', ') || 'none';
    const reasons = (list: readonly { reason: string }[]) => JSON.stringify(list.map((h) => h.reason));
    if (leftThen !== leftNow) parts.push(`holes left out were ${leftThen}, now ${leftNow}`);
    else if (reasons(run.excluded) !== reasons(outcome.run.excluded)) {
      parts.push('the errors that keep holes out changed');
    }
    if (parts.length === 0) parts.push('the analytes or units the run reads changed');
    message = `THE DATA CHANGED since ${when}: ${parts.join('; ')}. ${resultsIdentical ? 'The results are nevertheless identical.' : 'The results differ: run it again before publishing.'}`;
  }
  if (exclusion === 'any-error') message += ` ${olderRuleNote(project, run.id, outcome)}`;
  return {
    runId: run.id,
    kind: run.kind,
    checkedAt: new Date().toISOString(),
    dataHashThen: run.dataHash,
    dataHashNow: outcome.run.dataHash,
    dataUnchanged,
    resultsIdentical,
    changedHoles,
    addedHoles,
    removedHoles,
    message,
  };
}
