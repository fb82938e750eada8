// One user action in the grids as one transaction: a change set, the audited writes, and re-validation of
// exactly what the writes touched (the holes, and the sample IDs for the project-wide rules), so the
// problems table is current the moment the action commits. An action that changes nothing leaves no
// change set behind.
import type { DateOrder } from '../../domain/date-input';
import type { LengthUnit } from '../../domain/model';
import { keepQaqcWarningsAfterRows } from '../qaqc/qaqc-upkeep';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import type { Database } from '../../storage/project-db';
import {
  newWriteTracker,
  problemCountsOfHoles,
  RowWriter,
  type WriteTracker,
} from '../../storage/row-writes';
import { holeRowsWithRuleProblems, sampleIdsOfRows } from '../../storage/sample-id-checks';
import { existingHoles } from '../../storage/entry-queries';
import {
  PROJECT_RULES,
  validateHoles,
  validateProjectRulesFor,
  validationSettings,
} from '../validation/validate-project';

export interface EntryEnv {
  db: Database;
  lengthUnit: LengthUnit;
  osUser: string;
  source: ChangeSource;
  /** How the user's locale orders numeric dates, sent with the edit so typed dates read as meant. */
  dateOrder?: DateOrder;
}

export interface ActionInfo {
  description: string;
  source?: ChangeSource;
  /** False for undo and redo themselves. */
  undoable?: boolean;
  replays?: number;
}

export interface ActionOutcome<T> {
  value: T;
  changeSet: number | null;
  tracker: WriteTracker;
}

/** Thrown inside a transaction to roll back an action that wrote nothing. */
class NothingChanged extends Error {}

/** Re-validates what a set of writes touched and stores the problems. */
export function revalidate(db: Database, lengthUnit: LengthUnit, tracker: WriteTracker): void {
  const delta = tracker.problemDelta;
  const holes = existingHoles(db, [...tracker.holes]);
  if (holes.length > 0) {
    const before = problemCountsOfHoles(db, holes);
    validateHoles(db, validationSettings(db, lengthUnit), holes);
    const after = problemCountsOfHoles(db, holes);
    delta.errors += after.errors - before.errors;
    delta.warnings += after.warnings - before.warnings;
  }
  const rowIds = new Set(tracker.sampleRows);
  const sampleIds = new Set(tracker.sampleIds);
  // A renamed hole appears in the messages of its samples' project-wide problems.
  for (const hole of tracker.renamedHoles) {
    const rows = holeRowsWithRuleProblems(db, hole, PROJECT_RULES);
    for (const row of rows) rowIds.add(row);
    for (const id of sampleIdsOfRows(db, rows)) sampleIds.add(id);
  }
  const rules = validateProjectRulesFor(db, { sampleIds, rowIds });
  delta.errors += rules.errors;
  delta.warnings += rules.warnings;
  // QA/QC batch warnings (issue 10): only when rows were added, deleted or put back.
  delta.warnings += keepQaqcWarningsAfterRows(db, {
    insertRows: tracker.qcInsertRows,
    sampleRows: [...(tracker.insertedIds.get('samples') ?? []), ...(tracker.deletedIds.get('samples') ?? [])],
  });
}

/**
 * Runs `work` with an audited row writer in one transaction and re-validates what it touched. Throwing
 * inside `work` rolls everything back, change set included.
 */
export function runAction<T>(
  env: EntryEnv,
  info: ActionInfo,
  work: (writer: RowWriter) => T,
): ActionOutcome<T> {
  const { db } = env;
  let outcome: ActionOutcome<T> | undefined;
  let value: T | undefined;
  const tracker = newWriteTracker();
  try {
    db.transaction(() => {
      const changeSet = beginChangeSet(db, {
        source: info.source ?? env.source,
        osUser: env.osUser,
        description: info.description,
        undoable: info.undoable ?? true,
        replays: info.replays,
      });
      let entries = 0;
      const audit = createAuditWriter(db, changeSet);
      const writer = new RowWriter(
        db,
        (entry) => {
          entries++;
          audit(entry);
        },
        tracker,
      );
      value = work(writer);
      if (entries === 0) throw new NothingChanged();
      revalidate(db, env.lengthUnit, tracker);
      outcome = { value, changeSet, tracker };
    })();
  } catch (error) {
    if (!(error instanceof NothingChanged)) throw error;
    return { value: value as T, changeSet: null, tracker: newWriteTracker() };
  }
  return outcome!;
}
