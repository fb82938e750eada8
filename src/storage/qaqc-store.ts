// QA/QC storage: the standards table (migration 0170), the preferred results of the inserted blanks,
// standards and field duplicates (read through the partial index on inserts), and the samples of a
// batch (read through the partial index on certificate numbers).
import type { Database } from 'better-sqlite3';
import type { AnalyteUnit, AssayFlag, Problem } from '../domain/model';
import type { BatchMember } from '../domain/qaqc/qaqc-warnings';
import type { BlankResult, DuplicateResult, StandardResult } from '../domain/qaqc/qaqc-report';
import type { StandardValue } from '../domain/qaqc/qaqc-model';
import { cachedStatement } from './statement-cache';

export interface StandardRecord extends StandardValue {
  id: number;
}

const STANDARD_COLUMNS =
  'id, code, analyte, certified_value AS certifiedValue, sd, unit, source FROM qaqc_standards';

export function listStandards(db: Database): StandardRecord[] {
  return cachedStatement(
    db,
    `SELECT ${STANDARD_COLUMNS} ORDER BY code COLLATE NOCASE, analyte COLLATE NOCASE`,
  ).all() as StandardRecord[];
}

export function findStandard(db: Database, code: string, analyte: string): StandardRecord | null {
  return (
    (cachedStatement(db, `SELECT ${STANDARD_COLUMNS} WHERE code = ? AND analyte = ?`).get(code, analyte) as
      StandardRecord | undefined) ?? null
  );
}

export function insertStandard(db: Database, standard: StandardValue): number {
  return Number(
    cachedStatement(
      db,
      'INSERT INTO qaqc_standards (code, analyte, certified_value, sd, unit, source) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      standard.code,
      standard.analyte,
      standard.certifiedValue,
      standard.sd,
      standard.unit,
      standard.source,
    ).lastInsertRowid,
  );
}

export function updateStandard(db: Database, id: number, standard: StandardValue): void {
  cachedStatement(
    db,
    'UPDATE qaqc_standards SET code = ?, analyte = ?, certified_value = ?, sd = ?, unit = ?, source = ? WHERE id = ?',
  ).run(
    standard.code,
    standard.analyte,
    standard.certifiedValue,
    standard.sd,
    standard.unit,
    standard.source,
    id,
  );
}

export function deleteStandard(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM qaqc_standards WHERE id = ?').run(id);
}

export interface QcAnalyteRecord {
  id: number;
  code: string;
  unit: AnalyteUnit;
  detectionLimit: number | null;
}

export function qcAnalytes(db: Database): QcAnalyteRecord[] {
  return cachedStatement(
    db,
    'SELECT id, code, unit, detection_limit AS detectionLimit FROM analytes ORDER BY sort_order, code',
  ).all() as QcAnalyteRecord[];
}

export function setDetectionLimit(db: Database, analyteId: number, limit: number | null): void {
  cachedStatement(db, 'UPDATE analytes SET detection_limit = ? WHERE id = ?').run(limit, analyteId);
}

/** How many inserts of each kind the project holds (with or without results). */
export function insertCounts(db: Database): Record<'standard' | 'blank' | 'duplicate', number> {
  const rows = cachedStatement(
    db,
    "SELECT sample_type AS type, count(*) AS n FROM samples WHERE sample_type <> 'regular' GROUP BY sample_type",
  ).all() as { type: string; n: number }[];
  const count = (type: string) => rows.find((row) => row.type === type)?.n ?? 0;
  return { standard: count('standard'), blank: count('blank'), duplicate: count('duplicate') };
}

// `sample_type <> 'regular'` repeats the partial index's condition so SQLite may use it.
const INSERT_RESULTS = `
  SELECT s.id AS rowId, s.sample_id AS sampleId, s.hole AS hole, h.hole_id AS holeId, s.standard_code AS standardCode,
         a.code AS analyte, r.value AS value, r.flag AS flag, r.lab_text AS labText, r.certificate AS batch
    FROM samples s
    JOIN holes h ON h.id = s.hole
    JOIN assay_results r ON r.sample = s.id AND r.preferred = 1
    JOIN analytes a ON a.id = r.analyte
   WHERE s.sample_type <> 'regular' AND s.sample_type = ? AND (? IS NULL OR r.analyte = ?)`;

interface InsertRow {
  rowId: number;
  sampleId: string | null;
  hole: number;
  holeId: string;
  standardCode: string | null;
  analyte: string;
  value: number | null;
  flag: AssayFlag;
  labText: string;
  batch: string | null;
}

/** Preferred results of the standards (of one analyte when given). */
export function standardResults(db: Database, analyteId: number | null = null): StandardResult[] {
  return cachedStatement(db, INSERT_RESULTS).all('standard', analyteId, analyteId) as InsertRow[];
}

export function blankResults(db: Database, analyteId: number | null = null): BlankResult[] {
  return (cachedStatement(db, INSERT_RESULTS).all('blank', analyteId, analyteId) as InsertRow[]).map(
    ({ standardCode: _code, ...row }) => row,
  );
}

/**
 * Each field duplicate's preferred result beside its parent's for the same analyte. A parent ID used by
 * several samples (itself a validation error) pairs with the first of them.
 */
export function duplicateResults(db: Database, analyteId: number | null = null): DuplicateResult[] {
  const rows = cachedStatement(
    db,
    `SELECT d.id, d.sample_id, d.hole, h.hole_id, d.parent_sample_id, a.code, rd.value, rd.flag, rd.lab_text, rd.certificate,
            p.id, p.sample_id, p.hole, ph.hole_id, rp.value, rp.flag, rp.lab_text, rp.certificate
       FROM samples d
       JOIN holes h ON h.id = d.hole
       JOIN assay_results rd ON rd.sample = d.id AND rd.preferred = 1
       JOIN analytes a ON a.id = rd.analyte
       LEFT JOIN samples p ON p.sample_id = d.parent_sample_id AND p.id <> d.id
       LEFT JOIN holes ph ON ph.id = p.hole
       LEFT JOIN assay_results rp ON rp.sample = p.id AND rp.analyte = rd.analyte AND rp.preferred = 1
      WHERE d.sample_type <> 'regular' AND d.sample_type = 'duplicate' AND d.parent_sample_id IS NOT NULL
        AND (? IS NULL OR rd.analyte = ?)
      ORDER BY d.id, rd.analyte, p.id`,
  )
    .raw()
    .all(analyteId, analyteId) as unknown[][];
  const seen = new Set<string>();
  const out: DuplicateResult[] = [];
  for (const r of rows) {
    const key = `${r[0] as number}:${r[5] as string}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      analyte: r[5] as string,
      parentSampleId: r[4] as string,
      duplicate: {
        rowId: r[0] as number,
        sampleId: r[1] as string | null,
        hole: r[2] as number,
        holeId: r[3] as string,
        value: r[6] as number | null,
        flag: r[7] as AssayFlag,
        labText: r[8] as string,
        batch: r[9] as string | null,
      },
      original:
        r[10] === null || r[16] === null
          ? null
          : {
              rowId: r[10] as number,
              sampleId: r[11] as string | null,
              hole: r[12] as number,
              holeId: r[13] as string,
              value: r[14] as number | null,
              flag: r[15] as AssayFlag,
              labText: r[16] as string,
              batch: r[17] as string | null,
            },
    });
  }
  return out;
}

/** The samples whose preferred result of the analyte came on the certificate. */
export function batchMembers(db: Database, certificate: string, analyte: string): BatchMember[] {
  return cachedStatement(
    db,
    `SELECT r.sample AS rowId, s.hole AS hole, h.hole_id AS holeId
       FROM assay_results r
       JOIN analytes a ON a.id = r.analyte
       JOIN samples s ON s.id = r.sample
       JOIN holes h ON h.id = s.hole
      WHERE r.certificate IS NOT NULL AND r.certificate = ? AND a.code = ? AND r.preferred = 1
      ORDER BY r.sample`,
  ).all(certificate, analyte) as BatchMember[];
}

export interface StoredQaqcProblem {
  id: number;
  rule: string;
  row_id: number | null;
  column: string | null;
  message: string;
}

export function storedProblemsOf(db: Database, rules: readonly string[]): StoredQaqcProblem[] {
  return cachedStatement(
    db,
    `SELECT id, rule, row_id, column_name AS "column", message FROM problems WHERE rule IN (${rules.map(() => '?').join(',')})`,
  ).all(...rules) as StoredQaqcProblem[];
}

/**
 * Brings the stored problems of `rules` to `wanted`: removes the ones no longer wanted and adds the new
 * ones, leaving unchanged problems (and their ids) alone, so "problems since" lists only real news.
 */
export function syncRuleProblems(
  db: Database,
  stale: readonly number[],
  added: readonly (Problem & { hole: number })[],
): void {
  const remove = cachedStatement(db, 'DELETE FROM problems WHERE id = ?');
  const insert = cachedStatement(
    db,
    'INSERT INTO problems (hole, table_name, row_id, column_name, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const id of stale) remove.run(id);
  for (const p of added) insert.run(p.hole, p.table, p.row_id, p.column, p.rule, p.severity, p.message);
}

/** Ids of the stored problems of `rules` on the given sample rows. */
export function problemIdsOfRows(
  db: Database,
  rules: readonly string[],
  rowIds: readonly number[],
): number[] {
  const statement = cachedStatement(
    db,
    `SELECT id FROM problems WHERE table_name = 'assays' AND row_id = ? AND rule IN (${rules.map(() => '?').join(',')})`,
  ).pluck();
  return rowIds.flatMap((rowId) => statement.all(rowId, ...rules) as number[]);
}

/**
 * The batch warnings a sample row should carry, copied from the other samples of its batches: for each
 * preferred result with a certificate, the warnings stored on another sample's result of that analyte on
 * that certificate. Index lookups only (results by sample, by certificate; problems by row).
 */
export function inheritedBatchWarnings(
  db: Database,
  rules: readonly string[],
  rowId: number,
): (Problem & { hole: number })[] {
  return cachedStatement(
    db,
    // CROSS JOIN fixes the order: from the row's own results to its batch-mates to their problems. Left
    // to itself the planner started from every assay problem (all the QA/QC warnings) for each row, which
    // made a 20,000-row paste take seconds longer.
    `SELECT DISTINCT p.rule AS rule, p.severity AS severity, 'assays' AS "table", h.hole_id AS hole_id, s.hole AS hole,
            r.sample AS row_id, p.column_name AS "column", p.message AS message
       FROM assay_results r
       CROSS JOIN assay_results o ON o.certificate IS NOT NULL AND o.certificate = r.certificate
        AND o.analyte = r.analyte AND o.preferred = 1 AND o.sample <> r.sample
       CROSS JOIN analytes a ON a.id = r.analyte
       CROSS JOIN problems p ON p.table_name = 'assays' AND p.row_id = o.sample AND p.column_name = a.code
        AND p.rule IN (${rules.map(() => '?').join(',')})
       JOIN samples s ON s.id = r.sample
       JOIN holes h ON h.id = s.hole
      WHERE r.sample = ? AND r.preferred = 1 AND r.certificate IS NOT NULL`,
  ).all(...rules, rowId) as (Problem & { hole: number })[];
}
