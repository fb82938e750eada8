// Reads holes with the rows validation needs, a batch of holes at a time. Batches keep memory bounded
// on million-row projects and leave the connection free to write between them; only the columns the
// rules read are fetched, because turning SQLite values into JavaScript is the expensive part.
import type { Database } from 'better-sqlite3';
import { ppmFactor } from '../domain/assay-values';
import { cachedStatement } from './statement-cache';
import type { AssayFlag, SampleType } from '../domain/model';
import type {
  HoleBundle,
  HoleUnderTest,
  LithologyUnderTest,
  SampleUnderTest,
  SurveyUnderTest,
} from '../domain/validation/rules';

export interface BundleOptions {
  /** Restrict to these hole row ids; all holes when absent. */
  holeIds?: readonly number[];
  batchSize?: number;
}

function groupByHole<T>(
  rows: [number, ...unknown[]][],
  make: (row: [number, ...unknown[]]) => T,
): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row[0]);
    const value = make(row);
    if (list) list.push(value);
    else grouped.set(row[0], [value]);
  }
  return grouped;
}

/** One hole's collar fields the rules read, or undefined when there is no such hole row. */
export function holeUnderTest(db: Database, holeRowId: number): HoleUnderTest | undefined {
  return cachedStatement(
    db,
    'SELECT id, hole_id, eoh, easting, northing, elevation FROM holes WHERE id = ?',
  ).get(holeRowId) as HoleUnderTest | undefined;
}

const HAS_ROWS = {
  surveys: 'SELECT EXISTS (SELECT 1 FROM surveys WHERE hole = ?)',
  samples: 'SELECT EXISTS (SELECT 1 FROM samples WHERE hole = ?)',
  lithology: 'SELECT EXISTS (SELECT 1 FROM lithology WHERE hole = ?)',
} as const;

/** Whether a hole already has rows in one of its child tables. */
export function holeHasRows(db: Database, table: keyof typeof HAS_ROWS, holeRowId: number): boolean {
  return cachedStatement(db, HAS_ROWS[table]).pluck().get(holeRowId) === 1;
}

/** Yields hole bundles, `batchSize` holes at a time, in hole row id order. */
export function* holeBundleBatches(db: Database, options: BundleOptions = {}): Generator<HoleBundle[]> {
  const batchSize = options.batchSize ?? 500;
  const ids = options.holeIds
    ? [...new Set(options.holeIds)].sort((a, b) => a - b)
    : (cachedStatement(db, 'SELECT id FROM holes ORDER BY id').pluck().all() as number[]);
  const holes = cachedStatement(
    db,
    'SELECT id, hole_id, eoh, easting, northing, elevation FROM holes WHERE id >= ? AND id <= ? ORDER BY id',
  );
  const surveys = cachedStatement(
    db,
    'SELECT hole, id, depth, azimuth, dip FROM surveys WHERE hole >= ? AND hole <= ?',
  ).raw();
  const samples = cachedStatement(
    db,
    'SELECT hole, id, depth_from, depth_to, sample_id, sample_type FROM samples WHERE hole >= ? AND hole <= ?',
  ).raw();
  const lithology = cachedStatement(
    db,
    'SELECT hole, id, depth_from, depth_to, code FROM lithology WHERE hole >= ? AND hole <= ?',
  ).raw();
  for (let start = 0; start < ids.length; start += batchSize) {
    const wanted = ids.slice(start, start + batchSize);
    const low = wanted[0]!;
    const high = wanted.at(-1)!;
    const keep = new Set(wanted);
    const surveysByHole = groupByHole<SurveyUnderTest>(
      surveys.all(low, high) as [number, ...unknown[]][],
      (r) => ({
        id: r[1] as number,
        depth: r[2] as number,
        azimuth: r[3] as number,
        dip: r[4] as number,
      }),
    );
    const samplesByHole = groupByHole<SampleUnderTest>(
      samples.all(low, high) as [number, ...unknown[]][],
      (r) => ({
        id: r[1] as number,
        depth_from: r[2] as number | null,
        depth_to: r[3] as number | null,
        sample_id: r[4] as string | null,
        sample_type: r[5] as SampleType,
      }),
    );
    const lithologyByHole = groupByHole<LithologyUnderTest>(
      lithology.all(low, high) as [number, ...unknown[]][],
      (r) => ({
        id: r[1] as number,
        depth_from: r[2] as number,
        depth_to: r[3] as number,
        code: r[4] as string,
      }),
    );
    const batch: HoleBundle[] = [];
    for (const hole of holes.all(low, high) as HoleUnderTest[]) {
      if (!keep.has(hole.id)) continue;
      batch.push({
        hole,
        surveys: surveysByHole.get(hole.id) ?? [],
        samples: samplesByHole.get(hole.id) ?? [],
        lithology: lithologyByHole.get(hole.id) ?? [],
      });
    }
    yield batch;
  }
}

export interface AssayCheckRow {
  hole: number;
  hole_id: string;
  sample: number;
  sample_id: string | null;
  depth_from: number | null;
  analyte: string;
  unit: string;
  value: number | null;
  flag: AssayFlag;
  lab_text: string;
}

/** A result's unit factor to ppm in SQL, as ppmFactor in domain/assay-values. */
const PPM_FACTOR_SQL = `(CASE a.unit WHEN '%' THEN ${ppmFactor('%')} WHEN 'ppb' THEN ${ppmFactor('ppb')} WHEN 'oz/t' THEN ${ppmFactor('oz/t')} ELSE 1 END)`;

/**
 * Preferred results of the samples whose results need a closer look by the assay rules: an unreadable
 * result, a percent analyte, or a below-detection limit over 100 % (1,000,000 ppm). SQL narrows the
 * million-row table down; the domain rule decides.
 */
export function assayCheckCandidates(db: Database, holeLow: number, holeHigh: number): AssayCheckRow[] {
  return cachedStatement(
    db,
    `WITH suspect AS (
         SELECT r.sample FROM samples s
           JOIN assay_results r ON r.sample = s.id AND r.preferred = 1
           JOIN analytes a ON a.id = r.analyte
          WHERE s.hole >= ? AND s.hole <= ?
            AND (r.flag = 'invalid' OR (a.unit = '%' AND r.flag = 'value')
                 OR (r.flag = 'bdl' AND r.value * ${PPM_FACTOR_SQL} > 1000000))
          GROUP BY r.sample
         HAVING max(r.flag <> 'value') = 1 OR max(r.value) > 100 OR sum(r.value) > 100
       )
       SELECT s.hole, h.hole_id, s.id AS sample, s.sample_id, s.depth_from, a.code AS analyte, a.unit, r.value, r.flag, r.lab_text
         FROM suspect JOIN samples s ON s.id = suspect.sample JOIN holes h ON h.id = s.hole
         JOIN assay_results r ON r.sample = s.id AND r.preferred = 1 JOIN analytes a ON a.id = r.analyte
        ORDER BY s.id`,
  ).all(holeLow, holeHigh) as AssayCheckRow[];
}
