// Finding a hole by part of its ID (any case), and the small reads the one-page hole view needs beyond
// the grids' own page queries (table-pages.ts), which it reuses for the rows themselves.
import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statement-cache';

export interface HoleSearchRows {
  holeIds: string[];
  total: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/**
 * Hole IDs containing `text`, ignoring case: the ID typed exactly first, then IDs starting with it, then
 * the rest, each group in ID order. SQLite's LIKE ignores the case of ASCII letters.
 */
export function searchHoleIds(db: Database, text: string, limit: number): HoleSearchRows {
  const pattern = `%${escapeLike(text)}%`;
  const total = cachedStatement(db, "SELECT count(*) FROM holes WHERE hole_id LIKE ? ESCAPE '\\'")
    .pluck()
    .get(pattern) as number;
  const holeIds = cachedStatement(
    db,
    `SELECT hole_id FROM holes WHERE hole_id LIKE @pattern ESCAPE '\\'
      ORDER BY CASE WHEN hole_id = @text THEN 0 WHEN lower(hole_id) = lower(@text) THEN 1
                    WHEN hole_id LIKE @prefix ESCAPE '\\' THEN 2 ELSE 3 END, hole_id
      LIMIT @limit`,
  )
    .pluck()
    .all({ pattern, text, prefix: `${escapeLike(text)}%`, limit }) as string[];
  return { holeIds, total };
}

/** The hole's row id: its ID as typed, else the one hole whose ID differs only in case. */
export function findHoleRowId(db: Database, holeId: string): number | undefined {
  const exact = cachedStatement(db, 'SELECT id FROM holes WHERE hole_id = ?').pluck().get(holeId) as
    number | undefined;
  if (exact !== undefined) return exact;
  const folded = cachedStatement(db, 'SELECT id FROM holes WHERE lower(hole_id) = lower(?) LIMIT 2')
    .pluck()
    .all(holeId) as number[];
  return folded.length === 1 ? folded[0] : undefined;
}

/** Whether a saved run read this hole (its digest list names every hole read). */
export function runReadHole(db: Database, runId: number, holeId: string): boolean {
  return (
    cachedStatement(
      db,
      `SELECT EXISTS (SELECT 1 FROM run_results r, json_each(r.hole_digests) d
                        WHERE r.run = ? AND json_extract(d.value, '$[0]') = ?)`,
    )
      .pluck()
      .get(runId, holeId) === 1
  );
}
