// Runs the domain's validation rules over stored holes and keeps the problems table current: per hole
// after an edit or import, project-wide for rules that span holes (duplicate sample IDs, and QA/QC's
// batch warnings when the whole project is validated).
import type { LengthUnit, Problem } from '../../domain/model';
import {
  checkDuplicateParents,
  checkDuplicateSampleIds,
  DEFAULT_VALIDATION,
  intervalName,
  sampleLabel,
  sentenceStart,
  validateHole,
  type ValidationSettings,
} from '../../domain/validation/rules';
import { QAQC_RULES } from '../../domain/qaqc/qaqc-warnings';
import { checkSampleAssays } from '../../domain/validation/assay-checks';
import { assayCheckCandidates, holeBundleBatches, type AssayCheckRow } from '../../storage/hole-bundles';
import { countRuleProblems, replaceHoleProblems, replaceRuleProblems } from '../../storage/problems-store';
import { collarPoints } from '../../storage/collar-points';
import { readSettings, type Database } from '../../storage/project-db';
import { checkCollarPlacement } from '../../domain/validation/collar-extent';
import { deleteSetting, getNumberSetting, getSetting } from '../../storage/settings-store';
import { readGapSettings } from './validation-settings';
import {
  duplicateSampleIdUses,
  orphanDuplicates,
  replaceRowRuleProblems,
  sampleRowsNamingParents,
  sampleRowsUsing,
} from '../../storage/sample-id-checks';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';

/** Rules judged across the whole project rather than hole by hole. */
export const PROJECT_RULES = [
  'duplicate-sample-id',
  'duplicate-parent-missing',
  'collar-far-away',
  'collar-in-degrees',
] as const;

/** Collars judged against the extent of the project's holes and its coordinate system. */
const PLACEMENT_RULES = ['collar-far-away', 'collar-in-degrees'] as const;

function placementProblems(db: Database): (Problem & { hole: number })[] {
  const settings = readSettings(db);
  const points = collarPoints(db);
  // A collar's problem is stored against its own hole: the row is the hole.
  return checkCollarPlacement(points, {
    lengthUnit: settings.length_unit,
    coordinateSystem: settings.coordinate_system,
  }).map((problem) => ({ ...problem, hole: problem.row_id! }));
}

/**
 * Recomputes the collar placement rules over every collar: cheap (one row per hole), and any moved,
 * added or removed collar can change the extent the others are judged against. Returns the change in
 * stored problems.
 */
export function validateCollarPlacement(db: Database): { errors: number; warnings: number } {
  const before = countRuleProblems(db, PLACEMENT_RULES);
  const found = placementProblems(db);
  db.transaction(() => replaceRuleProblems(db, PLACEMENT_RULES, found))();
  return { errors: 0, warnings: found.length - before };
}

/** Rules a per-hole check leaves alone: the project-wide ones and QA/QC's batch warnings (qaqc-upkeep.ts). */
export const KEPT_RULES: readonly string[] = [...PROJECT_RULES, ...QAQC_RULES];

export function validationSettings(db: Database, lengthUnit: LengthUnit): ValidationSettings {
  const gaps = readGapSettings(db, lengthUnit);
  return {
    lengthUnit,
    doglegLimit: getNumberSetting(db, 'validation.dogleg_limit', DEFAULT_VALIDATION.doglegLimit),
    doglegMinAngle: getNumberSetting(db, 'validation.dogleg_min_angle', DEFAULT_VALIDATION.doglegMinAngle),
    depthTolerance: getNumberSetting(db, 'validation.depth_tolerance', DEFAULT_VALIDATION.depthTolerance),
    sampleGaps: gaps.mode,
    sampleRunBreak: gaps.runBreak,
  };
}

/** Applies the assay rules to candidate rows (ordered by sample), one sample at a time. */
export function assayProblems(
  rows: readonly AssayCheckRow[],
  lengthUnit: LengthUnit,
  keep?: ReadonlySet<number>,
): (Problem & { hole: number })[] {
  const found: (Problem & { hole: number })[] = [];
  for (let start = 0; start < rows.length;) {
    const first = rows[start]!;
    let end = start;
    while (end < rows.length && rows[end]!.sample === first.sample) end++;
    if (!keep || keep.has(first.hole)) {
      const label = () =>
        sentenceStart(
          intervalName(
            sampleLabel(first.sample_id),
            first.hole_id,
            first.depth_from,
            first.depth_to,
            lengthUnit,
          ),
        );
      for (const problem of checkSampleAssays(first.hole_id, first.sample, label, rows.slice(start, end))) {
        found.push({ ...problem, hole: first.hole });
      }
    }
    start = end;
  }
  return found;
}

/** Re-validates the given holes (all when omitted) and stores their problems. */
export function validateHoles(
  db: Database,
  settings: ValidationSettings,
  holeIds?: readonly number[],
  onBatch?: (holesChecked: number) => void,
): number {
  let checked = 0;
  for (const batch of holeBundleBatches(db, { holeIds })) {
    if (batch.length === 0) continue;
    const found: (Problem & { hole: number })[] = [];
    for (const bundle of batch) {
      for (const problem of validateHole(bundle, settings)) found.push({ ...problem, hole: bundle.hole.id });
    }
    const keep = new Set(batch.map((bundle) => bundle.hole.id));
    found.push(
      ...assayProblems(
        assayCheckCandidates(db, batch[0]!.hole.id, batch.at(-1)!.hole.id),
        settings.lengthUnit,
        keep,
      ),
    );
    const holes = batch.map((bundle) => bundle.hole.id);
    db.transaction(() => replaceHoleProblems(db, holes, found, { keepRules: KEPT_RULES }))();
    checked += batch.length;
    onBatch?.(checked);
  }
  return checked;
}

function withHoles<T extends { row_id: number; hole: number }>(
  problems: readonly Problem[],
  rows: readonly T[],
): (Problem & { hole: number })[] {
  const holeOfRow = new Map(rows.map((row) => [row.row_id, row.hole]));
  return problems.map((problem) => ({ ...problem, hole: holeOfRow.get(problem.row_id ?? -1) ?? 0 }));
}

/** Recomputes the project-wide rules over the whole project. */
export function validateProjectRules(db: Database): void {
  const uses = duplicateSampleIdUses(db);
  const orphans = orphanDuplicates(db);
  const found = [
    ...withHoles(checkDuplicateSampleIds(uses), uses),
    ...withHoles(checkDuplicateParents(orphans), orphans),
    ...placementProblems(db),
  ];
  db.transaction(() => replaceRuleProblems(db, PROJECT_RULES, found))();
}

export interface SampleIdScope {
  /** Sample IDs whose uses changed (old and new values of edited, added or deleted samples). */
  sampleIds: Iterable<string>;
  /** Sample rows edited, added or deleted. */
  rowIds: Iterable<number>;
}

/**
 * Recomputes the project-wide rules for what one change can have affected: the uses of the sample IDs
 * involved, the rows changed, and the duplicates naming those IDs as parents. Same rules as
 * validateProjectRules, a few index lookups instead of a pass over every sample. Returns the change in
 * stored problems by severity.
 */
export function validateProjectRulesFor(
  db: Database,
  scope: SampleIdScope,
): { errors: number; warnings: number } {
  const sampleIds = [...new Set(scope.sampleIds)];
  const rowIds = [...new Set(scope.rowIds)];
  const delta = { errors: 0, warnings: 0 };
  if (sampleIds.length === 0 && rowIds.length === 0) return delta;
  const uses = duplicateSampleIdUses(db, sampleIds);
  const duplicateRows = [...new Set([...rowIds, ...sampleRowsUsing(db, sampleIds)])];
  const orphans = orphanDuplicates(db, { rowIds, parentIds: sampleIds });
  const parentRows = [...new Set([...rowIds, ...sampleRowsNamingParents(db, sampleIds)])];
  const add = (change: { errors: number; warnings: number }) => {
    delta.errors += change.errors;
    delta.warnings += change.warnings;
  };
  db.transaction(() => {
    add(
      replaceRowRuleProblems(
        db,
        ['duplicate-sample-id'],
        duplicateRows,
        withHoles(checkDuplicateSampleIds(uses), uses),
      ),
    );
    add(
      replaceRowRuleProblems(
        db,
        ['duplicate-parent-missing'],
        parentRows,
        withHoles(checkDuplicateParents(orphans), orphans),
      ),
    );
  })();
  return delta;
}

/** Set by a migration when the rules changed since the stored problems were found (migration 0160). */
export const RECHECK_KEY = 'validation.recheck';

export function validateProject(db: Database, lengthUnit: LengthUnit): void {
  validateHoles(db, validationSettings(db, lengthUnit));
  validateProjectRules(db);
  refreshQaqcWarnings(db);
  deleteSetting(db, RECHECK_KEY);
}

/**
 * Re-validates a project whose stored problems predate the current rules (an upgraded project), so the
 * grids, the Validation view and the holes calculations leave out follow today's rules. Called when a
 * project is opened for work (the app, the browser host) and before every calculation. Returns whether
 * it re-validated.
 */
export function recheckIfRulesChanged(db: Database, lengthUnit: LengthUnit): boolean {
  if (db.readonly || getSetting(db, RECHECK_KEY) === null) return false;
  validateProject(db, lengthUnit);
  return true;
}
