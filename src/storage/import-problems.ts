// The problems an import (or a dry run, or a certificate) stored for the holes it wrote to: the rows added
// after the last problem id read before it started, for the wizard's validation report.
import type { Database } from 'better-sqlite3';
import type { Severity } from '../domain/model';

export interface ProblemSince {
  rule: string;
  severity: Severity;
  hole_id: string;
  table: string;
  column: string | null;
  message: string;
}

/** The newest problem's id (0 when none): read before writing, then pass it to `problemsSince`. */
export function lastProblemId(db: Database): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM problems').pluck().get() as number;
}

export function problemsSince(
  db: Database,
  afterId: number,
  limit = 500,
): { total: number; rows: ProblemSince[] } {
  const total = db.prepare('SELECT count(*) FROM problems WHERE id > ?').pluck().get(afterId) as number;
  const rows = db
    .prepare(
      `SELECT p.rule, p.severity, coalesce(h.hole_id, '') AS hole_id, p.table_name AS "table", p.column_name AS "column", p.message
         FROM problems p LEFT JOIN holes h ON h.id = p.hole
        WHERE p.id > ? ORDER BY CASE p.severity WHEN 'error' THEN 0 ELSE 1 END, p.id LIMIT ?`,
    )
    .all(afterId, limit) as ProblemSince[];
  return { total, rows };
}
