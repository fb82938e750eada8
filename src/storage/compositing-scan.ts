// Reads holes for compositing, intercepts and desurvey, one hole at a time in hole ID order: collar,
// surveys (dips turned negative-down), regular samples in depth order with density and the preferred
// result per analyte, and lithology. Rows are fetched raw and narrow (flags as small integers from SQL)
// straight into a reused HoleSamplesBuffer, because turning SQLite values into objects is the cost.
// Each hole's rows, exactly as read, also feed a SHA-256 digest: the run's record of its data.
import { createHash, type Hash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { DomainInterval } from '../domain/compositing/fixed-length-composites';
import { FLAG, HoleSamplesBuffer } from '../domain/compositing/hole-samples';
import type { CollarInput, SurveyInput } from '../domain/desurvey/minimum-curvature';
import { toNegativeDown } from '../domain/dip';
import type { DipConvention } from '../domain/model';
import { StorageError } from './storage-error';

/** SQLite joins at most 64 tables; one is the samples table. */
export const MAX_SCAN_ANALYTES = 60;

export interface ScanAnalyte {
  id: number;
  code: string;
}

export interface ScanOptions {
  /** Sample columns, in this order; with none, samples are not read. */
  analytes: readonly ScanAnalyte[];
  samples: boolean;
  surveys: boolean;
  lithology: boolean;
  /** For holes without a recorded end: read the deepest sample and lithology depth. */
  depthExtent?: boolean;
  dipConvention: DipConvention;
}

/** A hole as listed for a scan, with its collar. */
export interface ScanHoleRow {
  rowId: number;
  holeId: string;
  easting: number | null;
  northing: number | null;
  elevation: number | null;
  azimuth: number | null;
  dip: number | null;
  eoh: number | null;
}

export interface ScannedHole {
  rowId: number;
  holeId: string;
  collar: CollarInput;
  /** False when the collar lacks easting, northing or elevation. */
  hasCoordinates: boolean;
  surveys: SurveyInput[];
  /** The scan's shared buffer, valid until the next read. */
  samples: HoleSamplesBuffer;
  lithology: DomainInterval[];
  /** Deepest sample or lithology depth, when asked for and the hole has no recorded end. */
  deepest: number | null;
  /** Hex SHA-256 (first 16 bytes) of the rows read for this hole. */
  digest: string;
}

/** Holes to read, in hole ID order; `holeIds` restricts them and every one must exist. */
export function listScanHoles(db: Database, holeIds: readonly string[] | null): ScanHoleRow[] {
  // Raw rows turned into objects here: quicker than named rows for ten thousand holes.
  const raw = db
    .prepare(
      'SELECT id, hole_id, easting, northing, elevation, azimuth, dip, eoh FROM holes ORDER BY hole_id',
    )
    .raw()
    .all() as [
    number,
    string,
    number | null,
    number | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ][];
  const rows: ScanHoleRow[] = raw.map(([rowId, holeId, easting, northing, elevation, azimuth, dip, eoh]) => ({
    rowId,
    holeId,
    easting,
    northing,
    elevation,
    azimuth,
    dip,
    eoh,
  }));
  if (holeIds === null) return rows;
  const wanted = new Set(holeIds);
  const found = rows.filter((row) => wanted.has(row.holeId));
  if (found.length < wanted.size) {
    const known = new Set(found.map((row) => row.holeId));
    const missing = [...wanted].filter((id) => !known.has(id));
    throw new StorageError(
      'not-found',
      `${missing.length === 1 ? 'Hole' : 'Holes'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the project; check the hole IDs (they are matched exactly, case and leading zeros included).`,
    );
  }
  return found;
}

export interface HoleErrorSummary {
  rowId: number;
  holeId: string;
  /** The table the errors are stored against ('assays' for results, with the analyte as column). */
  table: string;
  column: string | null;
  rule: string;
  count: number;
  /** One of the messages, to show what is wrong. */
  example: string;
}

/**
 * Errors in the problems table per hole, table, column and rule: the calculations decide from these
 * which holes to leave out (those with errors in what they read). The column only matters for results
 * (the analyte) and collars (position or orientation), so for other tables it is folded.
 */
export function holeErrorSummaries(db: Database): HoleErrorSummary[] {
  return db
    .prepare(
      `SELECT p.hole AS rowId, h.hole_id AS holeId, p.table_name AS "table",
              CASE WHEN p.table_name IN ('assays', 'holes') THEN p.column_name END AS "column",
              p.rule, count(*) AS count, min(p.message) AS example
         FROM problems p JOIN holes h ON h.id = p.hole
        WHERE p.severity = 'error'
        GROUP BY p.hole, 3, 4, p.rule ORDER BY h.hole_id, 3, 4, p.rule`,
    )
    .all() as HoleErrorSummary[];
}

const FLAG_CODE = (alias: string) =>
  `CASE ${alias}.flag WHEN 'value' THEN ${FLAG.value} WHEN 'bdl' THEN ${FLAG.bdl} WHEN 'odl' THEN ${FLAG.odl} WHEN 'ns' THEN ${FLAG.ns} WHEN 'is' THEN ${FLAG.is} WHEN 'missing' THEN ${FLAG.missing} WHEN 'invalid' THEN ${FLAG.invalid} END`;

/**
 * The SQL a scan runs per hole, exposed so a benchmark can time the same reads doing nothing else.
 * Results are pivoted by a LEFT JOIN per analyte on the (sample, analyte, seq) key, preferred only.
 */
export function scanStatements(analytes: readonly ScanAnalyte[]): {
  samples: string;
  surveys: string;
  lithology: string;
  deepest: string;
} {
  if (analytes.length > MAX_SCAN_ANALYTES) {
    throw new StorageError(
      'refused',
      `A calculation can read at most ${MAX_SCAN_ANALYTES} analytes at a time, not ${analytes.length}; choose fewer analytes.`,
    );
  }
  const columns = analytes.map((_, k) => `, r${k}.value, ${FLAG_CODE(`r${k}`)}`).join('');
  // Analyte ids are integers from the analytes table, inlined so the statement is one plan per scan.
  const joins = analytes
    .map(
      (a, k) =>
        ` LEFT JOIN assay_results r${k} ON r${k}.sample = s.id AND r${k}.analyte = ${Math.trunc(a.id)} AND r${k}.preferred = 1`,
    )
    .join('');
  return {
    samples: `SELECT s.id, s.depth_from, s.depth_to, s.density${columns} FROM samples s${joins}
               WHERE s.hole = ? AND s.sample_type = 'regular' ORDER BY s.depth_from, s.id`,
    surveys: 'SELECT id, depth, azimuth, dip FROM surveys WHERE hole = ? ORDER BY depth, id',
    lithology: 'SELECT id, depth_from, depth_to, code FROM lithology WHERE hole = ? ORDER BY depth_from, id',
    deepest: `SELECT max(coalesce((SELECT max(depth_to) FROM samples WHERE hole = ? AND sample_type = 'regular'), -1),
                        coalesce((SELECT max(depth_to) FROM lithology WHERE hole = ?), -1))`,
  };
}

const nan = (value: number | null) => value ?? NaN;

/** Numbers of one hole for its digest, appended to a reused array (null as NaN). */
class NumberLog {
  private count = 0;

  constructor(public values: Float64Array) {}

  add(...items: (number | null)[]): void {
    if (this.count + items.length > this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, this.count + items.length));
      grown.set(this.values.subarray(0, this.count));
      this.values = grown;
    }
    for (const item of items) this.values[this.count++] = nan(item);
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.values.buffer, 0, this.count * 8);
  }
}

/** Reads holes one by one into reused buffers and keeps the run's data hash. */
export class CompositingScan {
  readonly samples: HoleSamplesBuffer;
  private sampleIds = new Float64Array(256);
  private readonly statements: {
    samples: Statement | null;
    surveys: Statement | null;
    lithology: Statement | null;
    deepest: Statement | null;
  };
  private readonly overall: Hash;
  private readonly scratch = new Float64Array(1);
  /** Reused from hole to hole by NumberLog. */
  private log: Float64Array = new Float64Array(256);
  samplesRead = 0;
  holesRead = 0;

  constructor(
    db: Database,
    private readonly options: ScanOptions,
    /** Everything besides the rows that decides what is read (analytes, units, holes left out). */
    header: string,
  ) {
    const sql = scanStatements(options.analytes);
    this.statements = {
      samples: options.samples ? db.prepare(sql.samples).raw() : null,
      surveys: options.surveys ? db.prepare(sql.surveys).raw() : null,
      lithology: options.lithology ? db.prepare(sql.lithology).raw() : null,
      deepest: options.depthExtent ? db.prepare(sql.deepest).pluck() : null,
    };
    this.samples = new HoleSamplesBuffer(
      options.analytes.map((a) => a.code),
      256,
    );
    this.overall = createHash('sha256').update(header, 'utf8');
  }

  read(hole: ScanHoleRow): ScannedHole {
    // The hole's numbers (collar, surveys, lithology) and texts go to the digest in one update each; the
    // samples' columns follow as the typed arrays they were read into.
    const numbers = new NumberLog(this.log);
    let texts = `${hole.holeId}\u0000`;
    numbers.add(hole.rowId, hole.easting, hole.northing, hole.elevation, hole.azimuth, hole.dip, hole.eoh);
    const convention = this.options.dipConvention;
    const surveys: SurveyInput[] = [];
    if (this.statements.surveys) {
      const rows = this.statements.surveys.all(hole.rowId) as [number, number, number, number][];
      numbers.add(rows.length);
      for (const [id, depth, azimuth, dip] of rows) {
        numbers.add(id, depth, azimuth, dip);
        surveys.push({ depth, azimuth, dip: toNegativeDown(dip, convention) });
      }
    }
    const lithology: DomainInterval[] = [];
    if (this.statements.lithology) {
      const rows = this.statements.lithology.all(hole.rowId) as [number, number, number, string][];
      numbers.add(rows.length);
      for (const [id, from, to, code] of rows) {
        numbers.add(id, from, to);
        texts += `${code}\u0000`;
        lithology.push({ from, to, code });
      }
    }
    let deepest: number | null = null;
    if (this.statements.deepest && hole.eoh === null) {
      const found = this.statements.deepest.get(hole.rowId, hole.rowId) as number;
      deepest = found >= 0 ? found : null;
      numbers.add(deepest);
    }
    this.log = numbers.values;
    const digest = createHash('sha256').update(texts, 'utf8').update(numbers.bytes());
    this.readSamples(hole, digest);
    const hex = digest.digest('hex').slice(0, 32);
    this.overall.update(`${hole.holeId}\u0000${hex}\n`, 'utf8');
    this.holesRead++;
    const dip = hole.dip === null ? null : toNegativeDown(hole.dip, convention);
    return {
      rowId: hole.rowId,
      holeId: hole.holeId,
      collar: {
        x: nan(hole.easting),
        y: nan(hole.northing),
        z: nan(hole.elevation),
        azimuth: hole.azimuth,
        dip,
        eoh: hole.eoh,
      },
      hasCoordinates: hole.easting !== null && hole.northing !== null && hole.elevation !== null,
      surveys,
      samples: this.samples,
      lithology,
      deepest,
      digest: hex,
    };
  }

  /** Hex SHA-256 of the header and every hole's digest, in reading order. */
  dataHash(): string {
    return this.overall.digest('hex');
  }

  private readSamples(hole: ScanHoleRow, digest: Hash): void {
    const buffer = this.samples;
    buffer.reset(hole.holeId);
    const statement = this.statements.samples;
    if (!statement) return;
    const rows = statement.all(hole.rowId) as (number | null)[][];
    const width = buffer.analytes.length;
    if (this.sampleIds.length < rows.length) this.sampleIds = new Float64Array(rows.length * 2);
    let previousId = -1;
    for (const row of rows) {
      const id = row[0] as number;
      // Two preferred results for one sample and analyte would repeat the sample: keep one sample.
      const repeated = id === previousId;
      const i = repeated ? buffer.count - 1 : buffer.appendSample(row[1]!, row[2]!, row[3] ?? null);
      this.sampleIds[i] = id;
      previousId = id;
      const base = i * width;
      const values = buffer.values;
      const flags = buffer.flags;
      for (let a = 0; a < width; a++) {
        const flag = row[5 + 2 * a];
        if (flag === null || flag === undefined) {
          if (repeated) continue;
          values[base + a] = NaN;
          flags[base + a] = FLAG.missing;
        } else {
          values[base + a] = row[4 + 2 * a] ?? NaN;
          flags[base + a] = flag;
        }
      }
    }
    const n = buffer.count;
    this.samplesRead += n;
    const bytes = (array: Float64Array | Uint8Array, count: number) =>
      digest.update(new Uint8Array(array.buffer, array.byteOffset, count * array.BYTES_PER_ELEMENT));
    this.scratch[0] = n;
    digest.update(new Uint8Array(this.scratch.buffer, 0, 8));
    bytes(this.sampleIds, n);
    bytes(buffer.from, n);
    bytes(buffer.to, n);
    bytes(buffer.density, n);
    bytes(buffer.values, n * width);
    bytes(buffer.flags, n * width);
  }
}
