// Row streams for exports, in the order the grids show them (hole ID, then depth) without sorting whole
// tables in memory: holes are walked in ID order and each hole's rows read through its index. A grid
// view's filters and sort go through the same whitelist as table pages.
import type { Database } from 'better-sqlite3';
import { EXPORT_TABLES } from '../domain/export/export-tables';
import type { AnalyteUnit, AssayFlag, DataTable } from '../domain/model';
import { viewClauses, type PageFilter, type PageSort } from './table-pages';

export interface ViewQuery {
  filters?: PageFilter[];
  sort?: PageSort[];
  holeId?: string;
}

export interface ResultCell {
  lab_text: string;
  value: number | null;
  flag: AssayFlag;
  lab_unit: AnalyteUnit | null;
}

export type ExportRow = Record<string, unknown> & { results?: Map<string, ResultCell> };

const SELECTS: Record<DataTable, string> = {
  holes:
    'h.id, h.hole_id, h.easting, h.northing, h.elevation, h.azimuth, h.dip, h.eoh, h.hole_type, h.station, h.program, h.started_on, h.completed_on, h.comments',
  surveys: 't.id, h.hole_id, t.depth, t.azimuth, t.dip, t.method, t.comments',
  samples:
    't.id, h.hole_id, t.depth_from, t.depth_to, t.sample_id, t.sample_type, t.parent_sample_id, t.standard_code, t.density, t.comments',
  lithology: 't.id, h.hole_id, t.depth_from, t.depth_to, t.code, t.description, t.comments',
};

const DEPTH: Record<Exclude<DataTable, 'holes'>, string> = {
  surveys: 't.depth',
  samples: 't.depth_from',
  lithology: 't.depth_from',
};

function isView(query: ViewQuery | undefined): boolean {
  return (query?.filters?.length ?? 0) > 0 || (query?.sort?.length ?? 0) > 0;
}

/** Rows of one grid table: the whole table hole by hole, or a filtered/sorted view in one query. */
export function* gridRows(db: Database, table: DataTable, query?: ViewQuery): Generator<ExportRow> {
  const holeFilter = query?.holeId;
  if (table === 'holes' || isView(query)) {
    const view = viewClauses(db, { table, filters: query?.filters, sort: query?.sort, holeId: holeFilter });
    const statement = db.prepare(
      `SELECT ${SELECTS[table]} FROM ${view.from} ${view.where} ORDER BY ${view.orderBy}`,
    );
    const params = view.params;
    let batch: ExportRow[] = [];
    for (const row of statement.iterate(...params) as Iterable<ExportRow>) {
      if (table !== 'samples') {
        yield row;
        continue;
      }
      batch.push(row);
      if (batch.length === 500) {
        attachResults(db, batch);
        yield* batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      attachResults(db, batch);
      yield* batch;
    }
    return;
  }
  const holes = db
    .prepare(`SELECT id FROM holes ${holeFilter !== undefined ? 'WHERE hole_id = ?' : ''} ORDER BY hole_id`)
    .pluck()
    .all(...(holeFilter !== undefined ? [holeFilter] : [])) as number[];
  const rowsOfHole = db.prepare(
    `SELECT ${SELECTS[table]} FROM ${table} t JOIN holes h ON h.id = t.hole WHERE t.hole = ? ORDER BY ${DEPTH[table]}, t.id`,
  );
  const resultsOfHole = db
    .prepare(
      `SELECT r.sample, a.code, r.lab_text, r.value, r.flag, r.lab_unit FROM samples s
         JOIN assay_results r ON r.sample = s.id AND r.preferred = 1 JOIN analytes a ON a.id = r.analyte
        WHERE s.hole = ?`,
    )
    .raw();
  for (const hole of holes) {
    const rows = rowsOfHole.all(hole) as ExportRow[];
    if (table === 'samples') {
      const bySample = new Map<number, Map<string, ResultCell>>();
      for (const [sample, code, lab_text, value, flag, lab_unit] of resultsOfHole.all(hole) as [
        number,
        string,
        string,
        number | null,
        AssayFlag,
        AnalyteUnit | null,
      ][]) {
        let cells = bySample.get(sample);
        if (!cells) bySample.set(sample, (cells = new Map()));
        cells.set(code, { lab_text, value, flag, lab_unit });
      }
      for (const row of rows) row.results = bySample.get(row.id as number) ?? new Map();
    }
    yield* rows;
  }
}

function attachResults(db: Database, rows: ExportRow[]): void {
  const results = db
    .prepare(
      `SELECT r.sample, a.code, r.lab_text, r.value, r.flag, r.lab_unit FROM assay_results r JOIN analytes a ON a.id = r.analyte
        WHERE r.preferred = 1 AND r.sample IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(rows.map((row) => row.id))) as [
    number,
    string,
    string,
    number | null,
    AssayFlag,
    AnalyteUnit | null,
  ][];
  const bySample = new Map<number, Map<string, ResultCell>>();
  for (const [sample, code, lab_text, value, flag, lab_unit] of results) {
    let cells = bySample.get(sample);
    if (!cells) bySample.set(sample, (cells = new Map()));
    cells.set(code, { lab_text, value, flag, lab_unit });
  }
  for (const row of rows) row.results = bySample.get(row.id as number) ?? new Map();
}

/** Every assay result (all seqs), long form, hole by hole in depth order. */
export function* assayResultRows(db: Database): Generator<ExportRow> {
  const holes = db.prepare('SELECT id FROM holes ORDER BY hole_id').pluck().all() as number[];
  const statement = db.prepare(
    `SELECT h.hole_id, s.sample_id, s.depth_from, s.depth_to, a.code AS analyte, a.unit, r.seq, r.lab_text, r.value,
            r.flag, r.lab_unit, r.method, r.lab, r.certificate, r.preferred
       FROM samples s JOIN holes h ON h.id = s.hole JOIN assay_results r ON r.sample = s.id
       JOIN analytes a ON a.id = r.analyte
      WHERE s.hole = ? ORDER BY s.depth_from, s.id, a.sort_order, a.code, r.seq`,
  );
  for (const hole of holes) yield* statement.all(hole) as ExportRow[];
}

const SIMPLE: Record<'analytes' | 'lookup_codes' | 'problems' | 'lab_certificates', string> = {
  analytes:
    'SELECT code, unit, detection_limit, upper_limit, decimals, description FROM analytes ORDER BY sort_order, code',
  lookup_codes: 'SELECT list, code, description, colour FROM lookup_codes ORDER BY list, sort_order, code',
  problems: `SELECT p.severity, p.rule, coalesce(h.hole_id, '') AS hole_id, p.table_name AS "table", p.row_id, p.column_name AS "column", p.message
               FROM problems p LEFT JOIN holes h ON h.id = p.hole
              ORDER BY CASE p.severity WHEN 'error' THEN 0 ELSE 1 END, h.hole_id, p.table_name, p.row_id, p.id`,
  lab_certificates:
    'SELECT certificate, lab, client, project, reported_on, file_name, samples, results, imported_at FROM lab_certificates ORDER BY imported_at, id',
};

export function* simpleRows(db: Database, table: keyof typeof SIMPLE): Generator<ExportRow> {
  yield* db.prepare(SIMPLE[table]).iterate() as Iterable<ExportRow>;
}

/** Row counts for progress bars. */
export function exportRowCount(db: Database, table: string, query?: ViewQuery): number {
  if (
    ['holes', 'surveys', 'samples', 'lithology'].includes(table) &&
    (query?.filters?.length || query?.holeId)
  ) {
    const view = viewClauses(db, {
      table: table as DataTable,
      filters: query?.filters,
      holeId: query?.holeId,
    });
    return db
      .prepare(`SELECT count(*) FROM ${view.from} ${view.where}`)
      .pluck()
      .get(...view.params) as number;
  }
  if (!COUNTABLE.has(table)) throw new Error(`Not an exportable table: ${table}`);
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

const COUNTABLE = new Set<string>(EXPORT_TABLES);

export interface CollarRow {
  hole_id: string;
  easting: number | null;
  northing: number | null;
  elevation: number | null;
  eoh: number | null;
  azimuth: number | null;
  dip: number | null;
  hole_type: string | null;
  station: string | null;
  program: string | null;
  /** The deepest sample, log or survey depth: a maximum depth where no end of hole is recorded. */
  data_depth: number | null;
  surveys: number;
}

/** Collars with what the Leapfrog set needs beside them, in hole ID order. */
export function leapfrogCollarRows(db: Database): CollarRow[] {
  return db
    .prepare(
      `SELECT h.hole_id, h.easting, h.northing, h.elevation, h.eoh, h.azimuth, h.dip, h.hole_type, h.station, h.program,
              max(coalesce((SELECT max(depth_to) FROM samples WHERE hole = h.id), 0),
                  coalesce((SELECT max(depth_to) FROM lithology WHERE hole = h.id), 0),
                  coalesce((SELECT max(depth) FROM surveys WHERE hole = h.id), 0)) AS data_depth,
              (SELECT count(*) FROM surveys WHERE hole = h.id) AS surveys
         FROM holes h ORDER BY h.hole_id`,
    )
    .all() as CollarRow[];
}

/** Analytes in display order. */
export function exportAnalytes(
  db: Database,
): { id: number; code: string; unit: AnalyteUnit; decimals: number; detection_limit: number | null }[] {
  return db
    .prepare('SELECT id, code, unit, decimals, detection_limit FROM analytes ORDER BY sort_order, code')
    .all() as {
    id: number;
    code: string;
    unit: AnalyteUnit;
    decimals: number;
    detection_limit: number | null;
  }[];
}
