// Stored validation problems: replaced per hole after each change, read by grids, the Validation view,
// the status bar and `drillbench validate`.
import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statement-cache';
import type { Problem, Severity } from '../domain/model';
import type { ProblemAcknowledgement } from '../domain/validation/acknowledgements';
import { ACKNOWLEDGEMENT_MATCH } from './acknowledgements-store';

export interface StoredProblem extends Problem {
  id: number;
  /** The acknowledgement that applies to this warning, if any. */
  acknowledgement: ProblemAcknowledgement | null;
}

export interface ProblemScope {
  /** Only problems stored against these tables are replaced. */
  tables?: readonly string[];
  /** Problems of these rules are kept (project-wide rules that per-hole checks do not recompute). */
  keepRules?: readonly string[];
}

/** Replaces the problems of the given holes, within `scope`, with a new list. */
export function replaceHoleProblems(
  db: Database,
  holeRowIds: readonly number[],
  problems: readonly (Problem & { hole: number })[],
  scope: ProblemScope = {},
): void {
  const marks = (list: readonly string[]) => list.map(() => '?').join(',');
  const conditions = ['hole = ?'];
  const params: string[] = [];
  if (scope.tables) {
    conditions.push(`table_name IN (${marks(scope.tables)})`);
    params.push(...scope.tables);
  }
  if (scope.keepRules && scope.keepRules.length > 0) {
    conditions.push(`rule NOT IN (${marks(scope.keepRules)})`);
    params.push(...scope.keepRules);
  }
  const remove = cachedStatement(db, `DELETE FROM problems WHERE ${conditions.join(' AND ')}`);
  const insert = cachedStatement(
    db,
    'INSERT INTO problems (hole, table_name, row_id, column_name, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const hole of holeRowIds) remove.run(hole, ...params);
  for (const p of problems) insert.run(p.hole, p.table, p.row_id, p.column, p.rule, p.severity, p.message);
}

/** Replaces every problem of the given project-wide rules (such as duplicate sample IDs). */
export function replaceRuleProblems(
  db: Database,
  rules: readonly string[],
  problems: readonly (Problem & { hole: number })[],
): void {
  cachedStatement(db, `DELETE FROM problems WHERE rule IN (${rules.map(() => '?').join(',')})`).run(...rules);
  const insert = cachedStatement(
    db,
    'INSERT INTO problems (hole, table_name, row_id, column_name, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of problems) insert.run(p.hole, p.table, p.row_id, p.column, p.rule, p.severity, p.message);
}

export interface ProblemFilter {
  severity?: Severity;
  rule?: string;
  /** Exactly this hole ID. */
  holeId?: string;
  /** Holes whose ID contains this text, in any case (the Validation view's search). */
  hole?: string;
  table?: string;
  /** Acknowledged warnings: left out, included (the default), or alone. */
  acknowledged?: 'hide' | 'include' | 'only';
  limit?: number;
  offset?: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

export function listProblems(
  db: Database,
  filter: ProblemFilter = {},
): { rows: StoredProblem[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.severity) {
    where.push('p.severity = ?');
    params.push(filter.severity);
  }
  if (filter.rule) {
    where.push('p.rule = ?');
    params.push(filter.rule);
  }
  if (filter.holeId) {
    where.push('h.hole_id = ?');
    params.push(filter.holeId);
  }
  if (filter.hole) {
    where.push("h.hole_id LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(filter.hole)}%`);
  }
  if (filter.table) {
    where.push('p.table_name = ?');
    params.push(filter.table);
  }
  if (filter.acknowledged === 'hide') where.push('a.id IS NULL');
  if (filter.acknowledged === 'only') where.push('a.id IS NOT NULL');
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // Only warnings are acknowledged (errors keep a hole out of calculations until the data is fixed).
  const from = `FROM problems p LEFT JOIN holes h ON h.id = p.hole
    LEFT JOIN problem_acknowledgements a ON p.severity = 'warning' AND ${ACKNOWLEDGEMENT_MATCH}`;
  const total = cachedStatement(db, `SELECT count(*) ${from} ${clause}`)
    .pluck()
    .get(...params) as number;
  const rows = cachedStatement(
    db,
    `SELECT p.id, p.rule, p.severity, p.table_name AS "table", coalesce(h.hole_id, '') AS hole_id, p.row_id, p.column_name AS "column", p.message,
            a.id AS ack_id, a.note AS ack_note, a.os_user AS ack_user, a.at AS ack_at
         ${from} ${clause}
        ORDER BY CASE p.severity WHEN 'error' THEN 0 ELSE 1 END, h.hole_id, p.table_name, p.row_id, p.id
        LIMIT ? OFFSET ?`,
  ).all(...params, filter.limit ?? 1000, filter.offset ?? 0) as (Omit<StoredProblem, 'acknowledgement'> & {
    ack_id: number | null;
    ack_note: string | null;
    ack_user: string | null;
    ack_at: string | null;
  })[];
  return {
    rows: rows.map(({ ack_id, ack_note, ack_user, ack_at, ...problem }) => ({
      ...problem,
      acknowledgement:
        ack_id === null
          ? null
          : { id: ack_id, note: ack_note ?? '', os_user: ack_user ?? '', at: ack_at ?? '' },
    })),
    total,
  };
}

/** Stored problems of these rules (all severities). */
export function countRuleProblems(db: Database, rules: readonly string[]): number {
  return cachedStatement(
    db,
    `SELECT count(*) FROM problems WHERE rule IN (${rules.map(() => '?').join(',')})`,
  )
    .pluck()
    .get(...rules) as number;
}

export interface ProblemCount {
  rule: string;
  severity: Severity;
  count: number;
}

export function countProblems(db: Database): ProblemCount[] {
  return cachedStatement(
    db,
    'SELECT rule, severity, count(*) AS count FROM problems GROUP BY rule, severity ORDER BY severity, rule',
  ).all() as ProblemCount[];
}

/** Holes with at least one error: calculations leave them out and reports name them. */
export function holesWithErrors(db: Database): { id: number; hole_id: string; errors: number }[] {
  return cachedStatement(
    db,
    `SELECT h.id, h.hole_id, count(*) AS errors FROM problems p JOIN holes h ON h.id = p.hole
        WHERE p.severity = 'error' GROUP BY h.id ORDER BY h.hole_id`,
  ).all() as { id: number; hole_id: string; errors: number }[];
}
