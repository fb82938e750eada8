// Collars and surveys of every hole for drawing traces: two sorted scans (holes, then all surveys in hole
// order) instead of a query per hole, dips turned negative-down, and for holes with no recorded end the
// deepest sample or lithology interval, so a trace reaches as far as the hole's data.
import type { Database } from 'better-sqlite3';
import type { CollarInput, SurveyInput } from '../domain/desurvey/minimum-curvature';
import { toNegativeDown } from '../domain/dip';
import type { DipConvention } from '../domain/model';
import { listScanHoles, scanStatements } from './compositing-scan';

export interface TraceInput {
  holeId: string;
  /** Easting, northing, elevation as stored (null when missing). */
  easting: number | null;
  northing: number | null;
  elevation: number | null;
  collar: CollarInput;
  surveys: SurveyInput[];
  /** Deepest sample or lithology depth, for holes with no end of hole recorded (else null). */
  deepest: number | null;
}

export function readTraceInputs(db: Database, dipConvention: DipConvention): TraceInput[] {
  const holes = listScanHoles(db, null);
  const surveysByHole = new Map<number, SurveyInput[]>();
  const surveys = db.prepare('SELECT hole, depth, azimuth, dip FROM surveys ORDER BY hole, depth, id').raw();
  for (const [hole, depth, azimuth, dip] of surveys.all() as [number, number, number, number][]) {
    const list = surveysByHole.get(hole);
    const survey = { depth, azimuth, dip: toNegativeDown(dip, dipConvention) };
    if (list) list.push(survey);
    else surveysByHole.set(hole, [survey]);
  }
  const deepest = db.prepare(scanStatements([]).deepest).pluck();
  return holes.map(({ rowId: id, holeId, easting, northing, elevation, azimuth, dip, eoh }) => {
    let reach: number | null = null;
    if (eoh === null) {
      const found = deepest.get(id, id) as number;
      reach = found >= 0 ? found : null;
    }
    return {
      holeId,
      easting,
      northing,
      elevation,
      collar: {
        x: easting ?? NaN,
        y: northing ?? NaN,
        z: elevation ?? NaN,
        azimuth,
        dip: dip === null ? null : toNegativeDown(dip, dipConvention),
        eoh,
      },
      surveys: surveysByHole.get(id) ?? [],
      deepest: reach,
    };
  });
}

/**
 * Changes whenever holes or surveys may have changed through drillbench: every write makes a change set,
 * an undo marks one undone, and the counts catch deletions. Reading it costs a few milliseconds, against
 * the hundreds that desurveying ten thousand holes takes.
 */
export function traceDataVersion(db: Database): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(id) FROM change_sets), (SELECT count(*) FROM change_sets WHERE state = 'undone'),
              (SELECT count(*) FROM holes), (SELECT count(*) FROM surveys)`,
    )
    .raw()
    .get() as unknown[];
  return JSON.stringify(row);
}
