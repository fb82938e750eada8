// Saved column layouts of the grids, one JSON document per grid, in the project file.
import type { Database } from 'better-sqlite3';
import { layoutFromJson, type GridLayout } from '../domain/entry/column-layout';

export function readGridLayout(db: Database, grid: string): GridLayout | null {
  const text = db.prepare('SELECT layout FROM grid_layouts WHERE grid = ?').pluck().get(grid) as
    string | undefined;
  return text === undefined ? null : layoutFromJson(JSON.parse(text));
}

export function writeGridLayout(db: Database, grid: string, layout: GridLayout): void {
  db.prepare(
    `INSERT INTO grid_layouts (grid, layout, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (grid) DO UPDATE SET layout = excluded.layout, saved_at = excluded.saved_at`,
  ).run(grid, JSON.stringify(layout), new Date().toISOString());
}

/** Forgets a grid's layout, so it opens with the default columns, sized to fit. */
export function deleteGridLayout(db: Database, grid: string): void {
  db.prepare('DELETE FROM grid_layouts WHERE grid = ?').run(grid);
}
