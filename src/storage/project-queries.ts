// Small read queries about a project as a whole: counts, analytes, lookup lists.
import type { Database } from 'better-sqlite3';
import type { AnalyteRow } from '../domain/model';
import { schemaVersion } from './migrations';

export interface ProjectCounts {
  holes: number;
  surveys: number;
  samples: number;
  assayResults: number;
  lithology: number;
}

export function projectCounts(db: Database): ProjectCounts {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM holes) AS holes, (SELECT count(*) FROM surveys) AS surveys,
              (SELECT count(*) FROM samples) AS samples, (SELECT count(*) FROM assay_results) AS assayResults,
              (SELECT count(*) FROM lithology) AS lithology`,
    )
    .get() as ProjectCounts;
}

export function problemTotals(db: Database): { errors: number; warnings: number } {
  return db
    .prepare(
      `SELECT coalesce(sum(severity = 'error'), 0) AS errors, coalesce(sum(severity = 'warning'), 0) AS warnings FROM problems`,
    )
    .get() as { errors: number; warnings: number };
}

export function listAnalytes(db: Database): AnalyteRow[] {
  return db
    .prepare(
      'SELECT id, code, unit, detection_limit, upper_limit, decimals, description FROM analytes ORDER BY sort_order, code',
    )
    .all() as AnalyteRow[];
}

export function listLookupCodes(
  db: Database,
  list?: string,
): { list: string; code: string; description: string | null }[] {
  const sql = 'SELECT list, code, description FROM lookup_codes';
  return (
    list === undefined
      ? db.prepare(`${sql} ORDER BY list, sort_order, code`).all()
      : db.prepare(`${sql} WHERE list = ? ORDER BY sort_order, code`).all(list)
  ) as { list: string; code: string; description: string | null }[];
}

export function updateProjectSettings(
  db: Database,
  changes: { name?: string; coordinate_system?: string | null },
): void {
  if (changes.name !== undefined) db.prepare('UPDATE project SET name = ? WHERE id = 1').run(changes.name);
  if (changes.coordinate_system !== undefined) {
    db.prepare('UPDATE project SET coordinate_system = ? WHERE id = 1').run(changes.coordinate_system);
  }
}

export { schemaVersion };
