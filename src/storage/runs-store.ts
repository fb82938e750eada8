// Saved compositing runs: parameters, the hash of the data read, who ran it and when, the holes left
// out, and the results (a blob in run_results, read only when asked for).
import type { Database } from 'better-sqlite3';
import type { RunKind } from '../domain/compositing/run-results';

export interface ExcludedHoleRecord {
  holeId: string;
  reason: string;
  /** 'validation': the hole has errors in the problems table; 'calculation': the calculation refused it. */
  source: 'validation' | 'calculation';
}

export interface RunRecord {
  kind: RunKind;
  params: unknown;
  /** The preset the parameters came from, when one was named. */
  preset: string | null;
  /** What the run needs to be read back: units, analytes, expression. */
  context: unknown;
  dataHash: string;
  resultsHash: string;
  startedAt: string;
  finishedAt: string;
  osUser: string;
  source: string;
  engine: string;
  holesRead: number;
  samplesRead: number;
  resultRows: number;
  excluded: ExcludedHoleRecord[];
  notes: string[];
}

export interface StoredRun extends RunRecord {
  id: number;
}

interface RunRow {
  id: number;
  kind: RunKind;
  params: string;
  preset: string | null;
  context: string;
  data_hash: string;
  results_hash: string;
  started_at: string;
  finished_at: string;
  os_user: string;
  source: string;
  engine: string;
  holes_read: number;
  samples_read: number;
  result_rows: number;
  excluded: string;
  notes: string;
}

const COLUMNS =
  'id, kind, params, preset, context, data_hash, results_hash, started_at, finished_at, os_user, source, engine, holes_read, samples_read, result_rows, excluded, notes';

function fromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    kind: row.kind,
    params: JSON.parse(row.params) as unknown,
    preset: row.preset,
    context: JSON.parse(row.context) as unknown,
    dataHash: row.data_hash,
    resultsHash: row.results_hash,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    osUser: row.os_user,
    source: row.source,
    engine: row.engine,
    holesRead: row.holes_read,
    samplesRead: row.samples_read,
    resultRows: row.result_rows,
    excluded: JSON.parse(row.excluded) as ExcludedHoleRecord[],
    notes: JSON.parse(row.notes) as string[],
  };
}

/** Saves a run with its results in one transaction; returns its id. */
export function saveRun(
  db: Database,
  run: RunRecord,
  results: Buffer,
  holeDigests: readonly (readonly [string, string])[],
): number {
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO runs (kind, params, preset, context, data_hash, results_hash, started_at, finished_at, os_user, source, engine, holes_read, samples_read, result_rows, excluded, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        run.kind,
        JSON.stringify(run.params),
        run.preset,
        JSON.stringify(run.context),
        run.dataHash,
        run.resultsHash,
        run.startedAt,
        run.finishedAt,
        run.osUser,
        run.source,
        run.engine,
        run.holesRead,
        run.samplesRead,
        run.resultRows,
        JSON.stringify(run.excluded),
        JSON.stringify(run.notes),
      ) as number;
    db.prepare('INSERT INTO run_results (run, results, hole_digests) VALUES (?, ?, ?)').run(
      id,
      results,
      JSON.stringify(holeDigests),
    );
    return id;
  })();
}

export function listRuns(
  db: Database,
  filter: { kind?: RunKind; limit?: number; offset?: number } = {},
): { rows: StoredRun[]; total: number } {
  const where = filter.kind ? 'WHERE kind = ?' : '';
  const params = filter.kind ? [filter.kind] : [];
  const total = db
    .prepare(`SELECT count(*) FROM runs ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM runs ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, filter.limit ?? 100, filter.offset ?? 0) as RunRow[];
  return { rows: rows.map(fromRow), total };
}

export function getRun(db: Database, id: number): StoredRun | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function readRunResults(
  db: Database,
  id: number,
): { results: Buffer; holeDigests: [string, string][] } | undefined {
  const row = db.prepare('SELECT results, hole_digests FROM run_results WHERE run = ?').get(id) as
    { results: Buffer; hole_digests: string } | undefined;
  if (!row) return undefined;
  return { results: row.results, holeDigests: JSON.parse(row.hole_digests) as [string, string][] };
}

export function deleteRun(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
}
