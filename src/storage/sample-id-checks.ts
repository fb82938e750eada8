// The rows behind the project-wide sample ID rules (duplicate sample IDs, duplicates of unknown parents):
// all of them for `drillbench validate`, or only those an edit can have changed, found through the
// sample_id and parent_sample_id indexes so an edit in a million-sample project stays cheap.
import type { Database } from 'better-sqlite3';
import type { Problem } from '../domain/model';
import { cachedStatement } from './statement-cache';

export interface SampleIdUse {
  sample_id: string;
  hole_id: string;
  row_id: number;
  hole: number;
}

export interface OrphanDuplicate {
  row_id: number;
  hole: number;
  hole_id: string;
  sample_id: string | null;
  parent: string;
}

/** Every use of a sample ID that is used more than once (all of them, or only of the IDs given). */
export function duplicateSampleIdUses(db: Database, sampleIds?: readonly string[]): SampleIdUse[] {
  if (sampleIds === undefined) {
    return cachedStatement(
      db,
      `SELECT s.sample_id AS sample_id, h.hole_id AS hole_id, s.id AS row_id, s.hole AS hole
           FROM samples s JOIN holes h ON h.id = s.hole
          WHERE s.sample_id IN (SELECT sample_id FROM samples WHERE sample_id IS NOT NULL GROUP BY sample_id HAVING count(*) > 1)
          ORDER BY s.sample_id, s.id`,
    ).all() as SampleIdUse[];
  }
  if (sampleIds.length === 0) return [];
  return cachedStatement(
    db,
    `SELECT s.sample_id AS sample_id, h.hole_id AS hole_id, s.id AS row_id, s.hole AS hole
         FROM samples s JOIN holes h ON h.id = s.hole
        WHERE s.sample_id IN (SELECT value FROM json_each(?)) AND s.sample_id IS NOT NULL
        ORDER BY s.sample_id, s.id`,
  ).all(JSON.stringify(sampleIds)) as SampleIdUse[];
}

/** Sample rows using any of the given sample IDs. */
export function sampleRowsUsing(db: Database, sampleIds: readonly string[]): number[] {
  if (sampleIds.length === 0) return [];
  return cachedStatement(
    db,
    'SELECT id FROM samples WHERE sample_id IN (SELECT value FROM json_each(?)) AND sample_id IS NOT NULL',
  )
    .pluck()
    .all(JSON.stringify(sampleIds)) as number[];
}

/**
 * Field duplicates whose parent sample ID is not in the project: all of them, or only among the rows
 * given and the duplicates naming one of the sample IDs given as their parent.
 */
export function orphanDuplicates(
  db: Database,
  scope?: { rowIds: readonly number[]; parentIds: readonly string[] },
): OrphanDuplicate[] {
  const select = `SELECT s.id AS row_id, s.hole AS hole, h.hole_id AS hole_id, s.sample_id AS sample_id, s.parent_sample_id AS parent
      FROM samples s JOIN holes h ON h.id = s.hole
     WHERE s.sample_type = 'duplicate' AND s.parent_sample_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM samples p WHERE p.sample_id = s.parent_sample_id)`;
  if (!scope) return db.prepare(select).all() as OrphanDuplicate[];
  return cachedStatement(
    db,
    `${select} AND s.id IN (
         SELECT value FROM json_each(?)
         UNION SELECT id FROM samples WHERE parent_sample_id IN (SELECT value FROM json_each(?)) AND parent_sample_id IS NOT NULL)`,
  ).all(JSON.stringify(scope.rowIds), JSON.stringify(scope.parentIds)) as OrphanDuplicate[];
}

/**
 * Replaces the problems of some rules stored against some sample rows; returns the change in stored
 * problems by severity.
 */
export function replaceRowRuleProblems(
  db: Database,
  rules: readonly string[],
  rowIds: readonly number[],
  problems: readonly (Problem & { hole: number })[],
): { errors: number; warnings: number } {
  const delta = { errors: 0, warnings: 0 };
  const removed = cachedStatement(
    db,
    `DELETE FROM problems WHERE table_name = 'samples' AND row_id IN (SELECT value FROM json_each(?))
        AND rule IN (SELECT value FROM json_each(?)) RETURNING severity`,
  )
    .pluck(true)
    .all(JSON.stringify(rowIds), JSON.stringify(rules)) as string[];
  for (const severity of removed) delta[severity === 'error' ? 'errors' : 'warnings']--;
  const insert = cachedStatement(
    db,
    'INSERT INTO problems (hole, table_name, row_id, column_name, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of problems) {
    insert.run(p.hole, p.table, p.row_id, p.column, p.rule, p.severity, p.message);
    delta[p.severity === 'error' ? 'errors' : 'warnings']++;
  }
  return delta;
}

/** Sample rows of a hole that carry a project-wide problem (their messages name the hole). */
export function holeRowsWithRuleProblems(db: Database, hole: number, rules: readonly string[]): number[] {
  return cachedStatement(
    db,
    `SELECT DISTINCT row_id FROM problems WHERE hole = ? AND table_name = 'samples' AND row_id IS NOT NULL
          AND rule IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(hole, JSON.stringify(rules)) as number[];
}

export function sampleIdsOfRows(db: Database, rowIds: readonly number[]): string[] {
  if (rowIds.length === 0) return [];
  return cachedStatement(
    db,
    'SELECT DISTINCT sample_id FROM samples WHERE id IN (SELECT value FROM json_each(?)) AND sample_id IS NOT NULL',
  )
    .pluck()
    .all(JSON.stringify(rowIds)) as string[];
}

/** Sample rows (field duplicates) naming any of the given sample IDs as their parent. */
export function sampleRowsNamingParents(db: Database, sampleIds: readonly string[]): number[] {
  if (sampleIds.length === 0) return [];
  return cachedStatement(
    db,
    'SELECT id FROM samples WHERE parent_sample_id IN (SELECT value FROM json_each(?)) AND parent_sample_id IS NOT NULL',
  )
    .pluck()
    .all(JSON.stringify(sampleIds)) as number[];
}
