// Bulk inserts for imports and the demo: prepared statements, row ids assigned here so no insert has to
// be read back, and lookups of holes and analytes kept in memory. The caller owns the transaction.
import type { Database, Statement } from 'better-sqlite3';
import { BatchInsert } from './batch-insert';
import type { AnalyteUnit, AssayFlag, HoleRow, SampleType } from '../domain/model';
import { StorageError } from './storage-error';

export type NewHole = Omit<HoleRow, 'id'>;

function nextId(db: Database, table: string): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number) ?? 1;
}

/**
 * Runs `write` (which opens its own transaction) with foreign-key enforcement off, and turns it back on
 * afterwards if it was on. For bulk writes whose every reference points at a row written or read in the
 * same transaction. The pragma is a no-op while a transaction is open, so a caller already inside one
 * keeps its checks.
 */
export function withoutForeignKeyChecks<T>(db: Database, write: () => T): T {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  try {
    return write();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

export interface AnalyteDefinition {
  code: string;
  unit: AnalyteUnit;
  detection_limit?: number | null;
  upper_limit?: number | null;
  decimals?: number;
  description?: string | null;
}

export class ImportWriter {
  private readonly holes = new Map<string, number>();
  private readonly analytes = new Map<string, { id: number; unit: AnalyteUnit }>();
  private readonly lookups = new Set<string>();
  private nextHole: number;
  private nextSurvey: number;
  private nextSample: number;
  private nextLithology: number;
  private readonly insertHoleStatement: Statement;
  private readonly insertSurveyStatement: Statement;
  private readonly sampleBatch: BatchInsert;
  /** Most imported samples carry only depths and an ID: fewer values to bind per row. */
  private readonly plainSampleBatch: BatchInsert;
  private readonly assayBatch: BatchInsert;
  private readonly plainAssayBatch: BatchInsert;
  /** Results converted from the unit the lab reported (kept in lab_unit) to the analyte's unit. */
  private readonly convertedAssayBatch: BatchInsert;
  private assayCount = 0;
  private readonly insertLithologyStatement: Statement;
  private readonly insertAnalyteStatement: Statement;
  private readonly insertLookupStatement: Statement;
  readonly firstIds: Record<'holes' | 'surveys' | 'samples' | 'lithology', number>;

  constructor(private readonly db: Database) {
    for (const row of db.prepare('SELECT id, hole_id FROM holes').raw().all() as [number, string][])
      this.holes.set(row[1], row[0]);
    for (const row of db.prepare('SELECT id, code, unit FROM analytes').all() as {
      id: number;
      code: string;
      unit: AnalyteUnit;
    }[]) {
      this.analytes.set(row.code, { id: row.id, unit: row.unit });
    }
    for (const row of db.prepare('SELECT list, code FROM lookup_codes').raw().all() as [string, string][]) {
      this.lookups.add(`${row[0]}\u0000${row[1]}`);
    }
    this.nextHole = nextId(db, 'holes');
    this.nextSurvey = nextId(db, 'surveys');
    this.nextSample = nextId(db, 'samples');
    this.nextLithology = nextId(db, 'lithology');
    this.firstIds = {
      holes: this.nextHole,
      surveys: this.nextSurvey,
      samples: this.nextSample,
      lithology: this.nextLithology,
    };
    this.insertHoleStatement = db.prepare(
      `INSERT INTO holes (id, hole_id, easting, northing, elevation, azimuth, dip, eoh, hole_type, station, program, started_on, completed_on, comments)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSurveyStatement = db.prepare(
      'INSERT INTO surveys (id, hole, depth, azimuth, dip, method, comments) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.sampleBatch = new BatchInsert(db, 'samples', [
      'id',
      'hole',
      'depth_from',
      'depth_to',
      'sample_id',
      'sample_type',
      'parent_sample_id',
      'standard_code',
      'density',
      'comments',
    ]);
    this.plainSampleBatch = new BatchInsert(db, 'samples', [
      'id',
      'hole',
      'depth_from',
      'depth_to',
      'sample_id',
    ]);
    // Results refer to samples, so pending samples are written first.
    const samplesFirst = () => {
      this.sampleBatch.flush();
      this.plainSampleBatch.flush();
    };
    this.assayBatch = new BatchInsert(
      db,
      'assay_results',
      ['sample', 'analyte', 'seq', 'value', 'lab_text', 'flag', 'method', 'lab', 'certificate', 'preferred'],
      64,
      samplesFirst,
    );
    this.plainAssayBatch = new BatchInsert(
      db,
      'assay_results',
      ['sample', 'analyte', 'value', 'lab_text', 'flag'],
      64,
      samplesFirst,
    );
    this.convertedAssayBatch = new BatchInsert(
      db,
      'assay_results',
      ['sample', 'analyte', 'value', 'lab_text', 'flag', 'lab_unit'],
      64,
      samplesFirst,
    );
    this.insertLithologyStatement = db.prepare(
      'INSERT INTO lithology (id, hole, depth_from, depth_to, code, description, comments) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAnalyteStatement = db.prepare(
      'INSERT INTO analytes (id, code, unit, detection_limit, upper_limit, decimals, description, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertLookupStatement = db.prepare(
      'INSERT OR IGNORE INTO lookup_codes (list, code, description, sort_order) VALUES (?, ?, ?, ?)',
    );
  }

  holeRowId(holeId: string): number | undefined {
    return this.holes.get(holeId);
  }

  insertHole(hole: NewHole): number {
    const id = this.nextHole++;
    this.insertHoleStatement.run(
      id,
      hole.hole_id,
      hole.easting,
      hole.northing,
      hole.elevation,
      hole.azimuth,
      hole.dip,
      hole.eoh,
      hole.hole_type,
      hole.station,
      hole.program,
      hole.started_on,
      hole.completed_on,
      hole.comments,
    );
    this.holes.set(hole.hole_id, id);
    return id;
  }

  insertSurvey(
    hole: number,
    depth: number,
    azimuth: number,
    dip: number,
    method: string | null,
    comments: string | null,
  ): number {
    const id = this.nextSurvey++;
    this.insertSurveyStatement.run(id, hole, depth, azimuth, dip, method, comments);
    return id;
  }

  insertSample(
    hole: number,
    from: number | null,
    to: number | null,
    sampleId: string | null,
    type: SampleType,
    parent: string | null,
    standard: string | null,
    density: number | null,
    comments: string | null,
  ): number {
    const id = this.nextSample++;
    if (type === 'regular' && parent === null && standard === null && density === null && comments === null) {
      this.plainSampleBatch.add(id, hole, from, to, sampleId);
    } else {
      this.sampleBatch.add(id, hole, from, to, sampleId, type, parent, standard, density, comments);
    }
    return id;
  }

  /** Adds the first result of a sample and analyte (re-assays go through the lab-certificate import). */
  insertAssay(
    sample: number,
    analyte: number,
    value: number | null,
    labText: string,
    flag: AssayFlag,
    method: string | null,
    lab: string | null,
    certificate: string | null,
  ): void {
    if (method === null && lab === null && certificate === null)
      this.plainAssayBatch.add(sample, analyte, value, labText, flag);
    else this.assayBatch.add(sample, analyte, 0, value, labText, flag, method, lab, certificate, 1);
    this.assayCount++;
  }

  /** A result whose value was converted from `labUnit`, the unit of the lab's text. */
  insertConvertedAssay(
    sample: number,
    analyte: number,
    value: number | null,
    labText: string,
    flag: AssayFlag,
    labUnit: AnalyteUnit,
  ): void {
    this.convertedAssayBatch.add(sample, analyte, value, labText, flag, labUnit);
    this.assayCount++;
  }

  /** Writes whatever is still buffered. Call before reading back or committing. */
  flush(): void {
    this.sampleBatch.flush();
    this.plainSampleBatch.flush();
    this.assayBatch.flush();
    this.plainAssayBatch.flush();
    this.convertedAssayBatch.flush();
  }

  insertLithology(
    hole: number,
    from: number,
    to: number,
    code: string,
    description: string | null,
    comments: string | null,
  ): number {
    const id = this.nextLithology++;
    this.insertLithologyStatement.run(id, hole, from, to, code, description, comments);
    return id;
  }

  /** The analyte's row id, creating it when new. A unit clash with an existing analyte is refused. */
  analyteId(definition: AnalyteDefinition): { id: number; created: boolean } {
    const existing = this.analytes.get(definition.code);
    if (existing) {
      if (existing.unit !== definition.unit) {
        throw new StorageError(
          'conflict',
          `Analyte ${definition.code} is stored in ${existing.unit} but the file gives ${definition.unit}. Convert the column or map it to another analyte code.`,
        );
      }
      return { id: existing.id, created: false };
    }
    const id =
      (this.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM analytes').pluck().get() as number) ?? 1;
    this.insertAnalyteStatement.run(
      id,
      definition.code,
      definition.unit,
      definition.detection_limit ?? null,
      definition.upper_limit ?? null,
      definition.decimals ?? (definition.unit === '%' ? 2 : definition.unit === 'ppb' ? 0 : 1),
      definition.description ?? null,
      id,
    );
    this.analytes.set(definition.code, { id, unit: definition.unit });
    return { id, created: true };
  }

  /** Adds a code to a lookup list when missing. Returns true when it was added. */
  ensureLookup(list: string, code: string, description: string | null): boolean {
    const key = `${list}\u0000${code}`;
    if (this.lookups.has(key)) return false;
    this.insertLookupStatement.run(list, code, description, this.lookups.size);
    this.lookups.add(key);
    return true;
  }

  /** Row ids written so far per table, as inclusive ranges (for the audit log and undo of an import). */
  writtenRanges(): Record<
    'holes' | 'surveys' | 'samples' | 'lithology',
    { first: number; last: number; count: number }
  > {
    const range = (first: number, next: number) => ({ first, last: next - 1, count: next - first });
    return {
      holes: range(this.firstIds.holes, this.nextHole),
      surveys: range(this.firstIds.surveys, this.nextSurvey),
      samples: range(this.firstIds.samples, this.nextSample),
      lithology: range(this.firstIds.lithology, this.nextLithology),
    };
  }

  /** Results written so far (they belong to the samples range). */
  get assayResults(): number {
    return this.assayCount;
  }
}
