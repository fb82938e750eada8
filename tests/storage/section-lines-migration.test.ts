// Migration 0230: section lines saved by name, with a positive half-width and two distinct ends.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../src/storage/migrations';

describe('0230 section lines', () => {
  it('keeps one line per name, refuses no width and a line of no length, and adds nothing else', () => {
    const migrations = loadMigrations();
    const db = new DatabaseConstructor(':memory:');
    applyMigrations(db, migrations, 229);
    const before = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    applyMigrations(db, migrations, 230);
    const after = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(after.filter((name) => !before.includes(name))).toEqual(['section_lines']);
    const insert = db.prepare(
      "INSERT INTO section_lines (name, start_x, start_y, end_x, end_y, half_width, saved_at) VALUES (?, ?, ?, ?, ?, ?, 'now')",
    );
    insert.run('A-B', 0, 0, 100, 0, 25);
    expect(() => insert.run('A-B', 0, 0, 50, 50, 25)).toThrow(/UNIQUE/);
    expect(() => insert.run('flat', 0, 0, 100, 0, 0)).toThrow(/CHECK/);
    expect(() => insert.run('dot', 5, 5, 5, 5, 10)).toThrow(/CHECK/);
    expect(() => insert.run('  ', 0, 0, 1, 1, 10)).toThrow(/CHECK/);
    expect(() => insert.run('text', 'east', 0, 1, 1, 10)).toThrow(/cannot store TEXT value in REAL column/);
  });
});
