// Acknowledged warnings (migration 0180): an acknowledgement applies to the stored warning with the same
// table, row, rule and message whose row has not been changed since (no later audited write to it), so
// it survives re-validation and lapses when the data the warning is about changes. Writes are audited by
// the caller's change set.
import type { Database } from 'better-sqlite3';
import type { AcknowledgementEvent, ProblemAcknowledgement } from '../domain/validation/acknowledgements';
import { cachedStatement } from './statement-cache';

/**
 * SQL that matches an acknowledgement `a` to a problem `p`: the same warning (the acknowledgements'
 * unique index), on a row not written since the acknowledgement (the audit log's row index). A message
 * rounds its figures, so an edit that leaves the words as they were still lapses it. Assay problems are
 * stored against their sample; their results are audited as assay_results of that sample.
 */
export const ACKNOWLEDGEMENT_MATCH = `a.table_name = p.table_name AND ifnull(a.row_id, -1) = ifnull(p.row_id, -1)
  AND a.rule = p.rule AND a.message = p.message
  AND NOT EXISTS (SELECT 1 FROM audit_log l
                   WHERE l.row_id = a.row_id AND l.change_set > a.change_set
                     AND l.table_name IN (a.table_name, CASE a.table_name WHEN 'assays' THEN 'assay_results' WHEN 'samples' THEN 'assay_results' END))`;

export interface StoredWarning {
  id: number;
  table_name: string;
  row_id: number | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  hole_id: string;
  acknowledgement: number | null;
}

/** A stored problem by id, with the acknowledgement that applies to it, if any. */
export function problemForAcknowledgement(db: Database, problemId: number): StoredWarning | undefined {
  return cachedStatement(
    db,
    `SELECT p.id, p.table_name, p.row_id, p.rule, p.severity, p.message, coalesce(h.hole_id, '') AS hole_id,
            a.id AS acknowledgement
       FROM problems p LEFT JOIN holes h ON h.id = p.hole
       LEFT JOIN problem_acknowledgements a ON ${ACKNOWLEDGEMENT_MATCH}
      WHERE p.id = ?`,
  ).get(problemId) as StoredWarning | undefined;
}

export interface NewAcknowledgement {
  table_name: string;
  row_id: number | null;
  rule: string;
  message: string;
  hole_id: string;
  note: string;
  os_user: string;
  at: string;
  change_set: number;
}

/** Stores an acknowledgement (one per warning: the unique index refuses a second). */
export function insertAcknowledgement(db: Database, ack: NewAcknowledgement): ProblemAcknowledgement {
  const id = Number(
    cachedStatement(
      db,
      `INSERT INTO problem_acknowledgements (table_name, row_id, rule, message, hole_id, note, os_user, at, change_set)
       VALUES (@table_name, @row_id, @rule, @message, @hole_id, @note, @os_user, @at, @change_set)`,
    ).run(ack).lastInsertRowid,
  );
  return { id, note: ack.note, os_user: ack.os_user, at: ack.at };
}

export function acknowledgementById(
  db: Database,
  id: number,
): (NewAcknowledgement & { id: number }) | undefined {
  return cachedStatement(db, 'SELECT * FROM problem_acknowledgements WHERE id = ?').get(id) as
    (NewAcknowledgement & { id: number }) | undefined;
}

export function deleteAcknowledgement(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM problem_acknowledgements WHERE id = ?').run(id);
}

/** Warnings that an acknowledgement applies to right now. */
export function acknowledgedWarningCount(db: Database): number {
  return cachedStatement(
    db,
    `SELECT count(*) FROM problem_acknowledgements a
      WHERE EXISTS (SELECT 1 FROM problems p WHERE ${ACKNOWLEDGEMENT_MATCH} AND p.severity = 'warning')`,
  )
    .pluck()
    .get() as number;
}

/** Acknowledgements and withdrawals from the audit log, newest first. */
export function acknowledgementEvents(db: Database, limit: number): AcknowledgementEvent[] {
  const rows = cachedStatement(
    db,
    `SELECT c.id AS change_set, c.at, c.os_user, l.action, l.old_value, l.new_value
       FROM audit_log l JOIN change_sets c ON c.id = l.change_set
      WHERE l.table_name = 'problem_acknowledgements'
      ORDER BY l.id DESC LIMIT ?`,
  ).all(limit) as {
    change_set: number;
    at: string;
    os_user: string;
    action: string;
    old_value: string | null;
    new_value: string | null;
  }[];
  return rows.map((row) => {
    const inserted = row.action === 'insert';
    const saved = JSON.parse(
      (inserted ? row.new_value : row.old_value) ?? '{}',
    ) as Partial<NewAcknowledgement>;
    return {
      change_set: row.change_set,
      at: row.at,
      os_user: row.os_user,
      action: inserted ? 'acknowledged' : 'withdrawn',
      hole_id: saved.hole_id ?? '',
      rule: saved.rule ?? '',
      message: saved.message ?? '',
      note: saved.note ?? '',
    };
  });
}
