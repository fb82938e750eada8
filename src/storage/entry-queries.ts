// Small reads behind data entry: hole and analyte lookups, codes allowed per list, a sample's results,
// the next interval of a hole, and what a delete would take with it.
import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statement-cache';
import { rowName, type RowNameParts } from '../domain/entry/row-name';
import type { AnalyteUnit } from '../domain/model';
import type { RowTable, StoredRow } from './row-writes';

export function existingHoles(db: Database, holes: readonly number[]): number[] {
  if (holes.length === 0) return [];
  return cachedStatement(db, 'SELECT id FROM holes WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(holes)) as number[];
}

export function holeRowId(db: Database, holeId: string): number | undefined {
  return cachedStatement(db, 'SELECT id FROM holes WHERE hole_id = ?').pluck().get(holeId) as
    number | undefined;
}

/** Every hole's row id by its hole ID (a paste may name many). */
export function holeRowIds(db: Database): Map<string, number> {
  const rows = cachedStatement(db, 'SELECT hole_id, id FROM holes').raw().all() as [string, number][];
  return new Map(rows);
}

export function holeIdList(db: Database): string[] {
  return cachedStatement(db, 'SELECT hole_id FROM holes ORDER BY hole_id').pluck().all() as string[];
}

/** Codes per lookup list; a list without codes is absent (its fields then accept any code). */
export function lookupSets(db: Database): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const [list, code] of cachedStatement(db, 'SELECT list, code FROM lookup_codes').raw().all() as [
    string,
    string,
  ][]) {
    let set = sets.get(list);
    if (!set) {
      set = new Set();
      sets.set(list, set);
    }
    set.add(code);
  }
  return sets;
}

export interface AnalyteKey {
  id: number;
  code: string;
  unit: AnalyteUnit;
}

export function analyteKeys(db: Database): Map<string, AnalyteKey> {
  const rows = cachedStatement(db, 'SELECT id, code, unit FROM analytes').all() as AnalyteKey[];
  return new Map(rows.map((row) => [row.code, row]));
}

/** Every result of one sample and analyte, oldest first. */
export function resultsOf(db: Database, sample: number, analyte: number): StoredRow[] {
  return cachedStatement(db, 'SELECT * FROM assay_results WHERE sample = ? AND analyte = ? ORDER BY seq').all(
    sample,
    analyte,
  ) as StoredRow[];
}

/** The deepest interval of a hole (regular samples only), from which the next one starts. */
export function deepestInterval(
  db: Database,
  table: 'samples' | 'lithology',
  hole: number,
): { depth_from: number | null; depth_to: number } | undefined {
  const sql =
    table === 'samples'
      ? `SELECT depth_from, depth_to FROM samples WHERE hole = ? AND sample_type = 'regular' AND depth_to IS NOT NULL ORDER BY depth_to DESC, id DESC LIMIT 1`
      : 'SELECT depth_from, depth_to FROM lithology WHERE hole = ? ORDER BY depth_to DESC, id DESC LIMIT 1';
  return cachedStatement(db, sql).get(hole) as { depth_from: number | null; depth_to: number } | undefined;
}

export interface DependentCounts {
  surveys: number;
  samples: number;
  assayResults: number;
  lithology: number;
}

/** Rows a delete of these rows takes with it. */
export function deleteDependents(db: Database, table: RowTable, ids: readonly number[]): DependentCounts {
  const list = JSON.stringify(ids);
  if (table === 'holes') {
    return cachedStatement(
      db,
      `SELECT (SELECT count(*) FROM surveys WHERE hole IN (SELECT value FROM json_each(@list))) AS surveys,
                (SELECT count(*) FROM samples WHERE hole IN (SELECT value FROM json_each(@list))) AS samples,
                (SELECT count(*) FROM assay_results WHERE sample IN (SELECT id FROM samples WHERE hole IN (SELECT value FROM json_each(@list)))) AS assayResults,
                (SELECT count(*) FROM lithology WHERE hole IN (SELECT value FROM json_each(@list))) AS lithology`,
    ).get({ list }) as DependentCounts;
  }
  const assayResults =
    table === 'samples'
      ? (cachedStatement(
          db,
          'SELECT count(*) FROM assay_results WHERE sample IN (SELECT value FROM json_each(?))',
        )
          .pluck()
          .get(list) as number)
      : 0;
  return { surveys: 0, samples: 0, assayResults, lithology: 0 };
}

/** How a user names rows: hole IDs, sample IDs, or hole and depths (numbers as JavaScript prints them). */
export function rowLabels(db: Database, table: RowTable, ids: readonly number[], limit = 5): string[] {
  return [...rowLabelMap(db, table, ids.slice(0, limit)).values()];
}

/** Each row's name for messages, by row id: "Hole DH-12", "DH-12 sample S001 (10-11)". */
export function rowLabelMap(db: Database, table: RowTable, ids: readonly number[]): Map<number, string> {
  const list = JSON.stringify(ids);
  if (table === 'holes') {
    const holes = cachedStatement(
      db,
      'SELECT id, hole_id FROM holes WHERE id IN (SELECT value FROM json_each(?))',
    )
      .raw()
      .all(list) as [number, string][];
    return new Map(holes.map(([id, holeId]) => [id, rowName(table, { hole_id: holeId })]));
  }
  const rows = cachedStatement(
    db,
    `SELECT h.hole_id AS hole_id, t.* FROM ${table} t JOIN holes h ON h.id = t.hole WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(list) as (RowNameParts & { id: number })[];
  return new Map(rows.map((row) => [row.id, rowName(table, row)]));
}

/** The hole each row belongs to (its own id for holes). */
export function holesOfRows(db: Database, table: RowTable, ids: readonly number[]): Map<number, number> {
  const sql =
    table === 'holes'
      ? 'SELECT id, id FROM holes WHERE id IN (SELECT value FROM json_each(?))'
      : `SELECT id, hole FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`;
  return new Map(cachedStatement(db, sql).raw().all(JSON.stringify(ids)) as [number, number][]);
}

/** A fingerprint of each row's stored problems in some holes, to tell which rows' marks changed. */
export function problemFingerprints(db: Database, holes: readonly number[]): Map<string, string> {
  const rows = cachedStatement(
    db,
    `SELECT table_name, row_id, group_concat(rule || '|' || coalesce(column_name, '') || '|' || message, '\n')
         FROM (SELECT * FROM problems WHERE hole IN (SELECT value FROM json_each(?)) AND row_id IS NOT NULL ORDER BY id)
        GROUP BY table_name, row_id`,
  )
    .raw()
    .all(JSON.stringify(holes)) as [string, number, string][];
  return new Map(rows.map(([table, row, text]) => [`${table}:${row}`, text]));
}

export function holeIdOfRow(db: Database, id: number): string | undefined {
  return cachedStatement(db, 'SELECT hole_id FROM holes WHERE id = ?').pluck().get(id) as string | undefined;
}
