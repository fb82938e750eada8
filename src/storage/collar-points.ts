// Collar positions for the placement checks (collars far outside the project's extent, or in degrees):
// every hole with an easting and a northing, or those in a range of row ids (the holes an import wrote).
import type { Database } from 'better-sqlite3';
import type { CollarPoint } from '../domain/validation/collar-extent';
import { cachedStatement } from './statement-cache';

export function collarPoints(db: Database, rowIds?: { first: number; last: number }): CollarPoint[] {
  const located = 'easting IS NOT NULL AND northing IS NOT NULL';
  if (!rowIds) {
    return cachedStatement(
      db,
      `SELECT id AS row_id, hole_id, easting, northing FROM holes WHERE ${located} ORDER BY id`,
    ).all() as CollarPoint[];
  }
  return cachedStatement(
    db,
    `SELECT id AS row_id, hole_id, easting, northing FROM holes WHERE id BETWEEN ? AND ? AND ${located} ORDER BY id`,
  ).all(rowIds.first, rowIds.last) as CollarPoint[];
}
