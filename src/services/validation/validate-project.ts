// Runs the domain's validation rules over stored holes and keeps the problems table current: per hole
// after an edit or import, project-wide for rules that span holes (duplicate sample IDs).
import type { Database } from 'better-sqlite3';
import type { LengthUnit, Problem } from '../../domain/model';
import {
  checkDuplicateSampleIds,
  checkSampleAssays,
  DEFAULT_VALIDATION,
  validateHole,
  type ValidationSettings,
} from '../../domain/validation/rules';
import { assayCheckCandidates, holeBundleBatches, type AssayCheckRow } from '../../storage/hole-bundles';
import { replaceHoleProblems, replaceRuleProblems } from '../../storage/problems-store';
import { getNumberSetting } from '../../storage/settings-store';

/** Rules judged across the whole project rather than hole by hole. */
export const PROJECT_RULES = ['duplicate-sample-id', 'duplicate-parent-missing'] as const;

export function validationSettings(db: Database, lengthUnit: LengthUnit): ValidationSettings {
  return {
    lengthUnit,
    doglegLimit: getNumberSetting(db, 'validation.dogleg_limit', DEFAULT_VALIDATION.doglegLimit),
    depthTolerance: getNumberSetting(db, 'validation.depth_tolerance', DEFAULT_VALIDATION.depthTolerance),
  };
}

/** Applies the assay rules to candidate rows (ordered by sample), one sample at a time. */
export function assayProblems(
  rows: readonly AssayCheckRow[],
  keep?: ReadonlySet<number>,
): (Problem & { hole: number })[] {
  const found: (Problem & { hole: number })[] = [];
  for (let start = 0; start < rows.length;) {
    const first = rows[start]!;
    let end = start;
    while (end < rows.length && rows[end]!.sample === first.sample) end++;
    if (!keep || keep.has(first.hole)) {
      const label = first.sample_id ? `Sample ${first.sample_id}` : `Sample at ${first.depth_from ?? '?'}`;
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
    found.push(...assayProblems(assayCheckCandidates(db, batch[0]!.hole.id, batch.at(-1)!.hole.id), keep));
    const holes = batch.map((bundle) => bundle.hole.id);
    db.transaction(() => replaceHoleProblems(db, holes, found, { keepRules: PROJECT_RULES }))();
    checked += batch.length;
    onBatch?.(checked);
  }
  return checked;
}

/** Recomputes the project-wide rules. */
export function validateProjectRules(db: Database): void {
  const duplicates = db
    .prepare(
      `SELECT s.sample_id AS sample_id, h.hole_id AS hole_id, s.id AS row_id, s.hole AS hole
         FROM samples s JOIN holes h ON h.id = s.hole
        WHERE s.sample_id IN (SELECT sample_id FROM samples WHERE sample_id IS NOT NULL GROUP BY sample_id HAVING count(*) > 1)
        ORDER BY s.sample_id, s.id`,
    )
    .all() as { sample_id: string; hole_id: string; row_id: number; hole: number }[];
  const holeOfRow = new Map(duplicates.map((row) => [row.row_id, row.hole]));
  const found: (Problem & { hole: number })[] = checkDuplicateSampleIds(duplicates).map((problem) => ({
    ...problem,
    hole: holeOfRow.get(problem.row_id ?? -1) ?? 0,
  }));
  const orphans = db
    .prepare(
      `SELECT s.id AS row_id, s.hole AS hole, h.hole_id AS hole_id, s.sample_id AS sample_id, s.parent_sample_id AS parent
         FROM samples s JOIN holes h ON h.id = s.hole
        WHERE s.sample_type = 'duplicate' AND s.parent_sample_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM samples p WHERE p.sample_id = s.parent_sample_id)`,
    )
    .all() as { row_id: number; hole: number; hole_id: string; sample_id: string | null; parent: string }[];
  for (const orphan of orphans) {
    found.push({
      rule: 'duplicate-parent-missing',
      severity: 'warning',
      table: 'samples',
      hole_id: orphan.hole_id,
      row_id: orphan.row_id,
      column: 'parent_sample_id',
      message: `Duplicate ${orphan.sample_id ?? ''} repeats sample ${orphan.parent}, which is not in the project; correct the parent sample ID.`,
      hole: orphan.hole,
    });
  }
  db.transaction(() => replaceRuleProblems(db, PROJECT_RULES, found))();
}

export function validateProject(db: Database, lengthUnit: LengthUnit): void {
  validateHoles(db, validationSettings(db, lengthUnit));
  validateProjectRules(db);
}
