// Section lines saved in the project (migration 0230): listed by name, saved over one of the same name.
import type { Database } from 'better-sqlite3';
import type { SectionLine } from '../domain/sections/section-geometry';

export interface StoredSectionLine extends SectionLine {
  id: number;
  name: string;
  savedAt: string;
}

interface Row {
  id: number;
  name: string;
  start_x: number;
  start_y: number;
  end_x: number;
  end_y: number;
  half_width: number;
  saved_at: string;
}

const toLine = (row: Row): StoredSectionLine => ({
  id: row.id,
  name: row.name,
  start: { x: row.start_x, y: row.start_y },
  end: { x: row.end_x, y: row.end_y },
  halfWidth: row.half_width,
  savedAt: row.saved_at,
});

export function listSectionLines(db: Database): StoredSectionLine[] {
  return (db.prepare('SELECT * FROM section_lines ORDER BY name').all() as Row[]).map(toLine);
}

/** Saves the line under its name, replacing one saved before with that name. */
export function saveSectionLine(db: Database, name: string, line: SectionLine): StoredSectionLine {
  db.prepare(
    `INSERT INTO section_lines (name, start_x, start_y, end_x, end_y, half_width, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET start_x = excluded.start_x, start_y = excluded.start_y,
       end_x = excluded.end_x, end_y = excluded.end_y, half_width = excluded.half_width, saved_at = excluded.saved_at`,
  ).run(name, line.start.x, line.start.y, line.end.x, line.end.y, line.halfWidth, new Date().toISOString());
  return toLine(db.prepare('SELECT * FROM section_lines WHERE name = ?').get(name) as Row);
}

export function deleteSectionLine(db: Database, name: string): boolean {
  return db.prepare('DELETE FROM section_lines WHERE name = ?').run(name).changes > 0;
}
