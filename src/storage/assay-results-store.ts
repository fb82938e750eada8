// Reads and writes of individual assay results beside the bulk import: results attached to existing
// samples by sample ID (lab certificates), re-assays with the next seq, and the preferred mark that
// the method priority decides.
import type { Database, Statement } from 'better-sqlite3';
import type { AnalyteUnit, AssayFlag } from '../domain/model';

export interface SampleMatch {
  id: number;
  hole: number;
  hole_id: string;
  sample_id: string;
}

/** Project samples carrying each of the given sample IDs (exact text, leading zeros kept). */
export function samplesById(db: Database, sampleIds: readonly string[]): Map<string, SampleMatch[]> {
  const rows = db
    .prepare(
      `SELECT s.id, s.hole, h.hole_id, s.sample_id FROM samples s JOIN holes h ON h.id = s.hole
        WHERE s.sample_id IN (SELECT value FROM json_each(?)) ORDER BY s.id`,
    )
    .all(JSON.stringify([...new Set(sampleIds)])) as SampleMatch[];
  const found = new Map<string, SampleMatch[]>();
  for (const row of rows) {
    const list = found.get(row.sample_id);
    if (list) list.push(row);
    else found.set(row.sample_id, [row]);
  }
  return found;
}

export interface StoredAnalyte {
  id: number;
  code: string;
  unit: AnalyteUnit;
}

export function analytesByCode(db: Database): StoredAnalyte[] {
  return db.prepare('SELECT id, code, unit FROM analytes ORDER BY id').all() as StoredAnalyte[];
}

export interface NewResult {
  sample: number;
  analyte: number;
  seq: number;
  value: number | null;
  lab_text: string;
  flag: AssayFlag;
  method: string | null;
  lab: string | null;
  certificate: string | null;
  lab_unit: AnalyteUnit | null;
}

export class ResultWriter {
  private readonly nextSeqStatement: Statement;
  private readonly insertStatement: Statement;

  constructor(db: Database) {
    this.nextSeqStatement = db
      .prepare('SELECT coalesce(max(seq) + 1, 0) FROM assay_results WHERE sample = ? AND analyte = ?')
      .pluck();
    this.insertStatement = db.prepare(
      `INSERT INTO assay_results (sample, analyte, seq, value, lab_text, flag, method, lab, certificate, preferred, lab_unit)
       VALUES (@sample, @analyte, @seq, @value, @lab_text, @flag, @method, @lab, @certificate, 0, @lab_unit)`,
    );
  }

  nextSeq(sample: number, analyte: number): number {
    return this.nextSeqStatement.get(sample, analyte) as number;
  }

  /** Inserts a result not yet preferred; call the preferred-result update for its pair afterwards. */
  insert(result: NewResult): void {
    this.insertStatement.run(result);
  }
}

export interface PairResult {
  seq: number;
  method: string | null;
  flag: AssayFlag;
  preferred: 0 | 1;
}

export class PreferredMarks {
  private readonly pairStatement: Statement;
  private readonly setStatement: Statement;

  constructor(db: Database) {
    this.pairStatement = db.prepare(
      'SELECT seq, method, flag, preferred FROM assay_results WHERE sample = ? AND analyte = ? ORDER BY seq',
    );
    this.setStatement = db.prepare(
      'UPDATE assay_results SET preferred = ? WHERE sample = ? AND analyte = ? AND seq = ?',
    );
  }

  results(sample: number, analyte: number): PairResult[] {
    return this.pairStatement.all(sample, analyte) as PairResult[];
  }

  set(sample: number, analyte: number, seq: number, preferred: 0 | 1): void {
    this.setStatement.run(preferred, sample, analyte, seq);
  }
}

/** Samples of an analyte whose results need a preferred choice: several results, or not exactly one marked. */
export function pairsToDecide(db: Database, analyte: number): { sample: number; hole: number }[] {
  return db
    .prepare(
      `SELECT r.sample, s.hole FROM assay_results r JOIN samples s ON s.id = r.sample
        WHERE r.analyte = ? GROUP BY r.sample HAVING count(*) > 1 OR sum(r.preferred) <> 1`,
    )
    .all(analyte) as { sample: number; hole: number }[];
}

export function methodPriority(db: Database, analyte: number): string[] {
  return db
    .prepare('SELECT method FROM method_priorities WHERE analyte = ? ORDER BY rank')
    .pluck()
    .all(analyte) as string[];
}

export function replaceMethodPriority(db: Database, analyte: number, methods: readonly string[]): void {
  db.prepare('DELETE FROM method_priorities WHERE analyte = ?').run(analyte);
  const insert = db.prepare('INSERT INTO method_priorities (analyte, method, rank) VALUES (?, ?, ?)');
  methods.forEach((method, rank) => insert.run(analyte, method, rank));
}

export function methodCounts(
  db: Database,
): { analyte: number; method: string | null; results: number; preferred: number }[] {
  return db
    .prepare(
      `SELECT analyte, method, count(*) AS results, sum(preferred) AS preferred FROM assay_results
        GROUP BY analyte, method ORDER BY analyte, method`,
    )
    .all() as { analyte: number; method: string | null; results: number; preferred: number }[];
}

export function reassayCounts(db: Database): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT analyte, count(*) AS samples FROM (SELECT analyte FROM assay_results WHERE seq > 0 GROUP BY analyte, sample) GROUP BY analyte`,
    )
    .all() as { analyte: number; samples: number }[];
  return new Map(rows.map((row) => [row.analyte, row.samples]));
}

export interface ResultReading {
  sample: number;
  analyte: number;
  seq: number;
  hole: number;
  value: number | null;
  flag: AssayFlag;
  lab_text: string;
}

/**
 * Results whose lab text starts with one of the given negative numbers (-1, -999.0): the candidates to
 * read again when the project's missing-value codes change. SQL narrows by the number; the domain's
 * parser decides (a text such as "-1abc" is passed back and stays what it was).
 */
export function resultsWithNumberText(db: Database, numbers: readonly number[]): ResultReading[] {
  if (numbers.length === 0) return [];
  return db
    .prepare(
      `SELECT r.sample, r.analyte, r.seq, s.hole, r.value, r.flag, r.lab_text
         FROM assay_results r JOIN samples s ON s.id = r.sample
        WHERE ltrim(r.lab_text) LIKE '-%' AND CAST(trim(r.lab_text) AS REAL) IN (SELECT value FROM json_each(?))
        ORDER BY r.sample, r.analyte, r.seq`,
    )
    .all(JSON.stringify(numbers)) as ResultReading[];
}

/** Writes a result's number and flag as read again (the lab text is never changed). */
export function updateResultReading(
  db: Database,
): (key: { sample: number; analyte: number; seq: number }, value: number | null, flag: AssayFlag) => void {
  const statement = db.prepare(
    'UPDATE assay_results SET value = ?, flag = ? WHERE sample = ? AND analyte = ? AND seq = ?',
  );
  return (key, value, flag) => statement.run(value, flag, key.sample, key.analyte, key.seq);
}
