// Migration 0180: acknowledged warnings (one per warning, a note required), the coordinate system kept
// as its EPSG code with the text it replaced in the audit log, and upgraded projects marked for
// re-validation under the new gap-warning default.
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';

const migrations = loadMigrations();

function projectBefore0180(coordinateSystem: string | null, withHole: boolean): Database {
  const db = new DatabaseConstructor(':memory:');
  db.pragma('foreign_keys = ON');
  const before = Math.max(...migrations.filter((m) => m.version < 180).map((m) => m.version));
  applyMigrations(db, migrations, before);
  db.prepare(
    "INSERT INTO project (id, name, coordinate_system, length_unit, dip_convention, created_at, created_by) VALUES (1, 'p', ?, 'm', 'negative-down', 'now', 'me')",
  ).run(coordinateSystem);
  if (withHole) db.prepare("INSERT INTO holes (hole_id) VALUES ('DH001')").run();
  applyMigrations(db, migrations, 180);
  expect(schemaVersion(db)).toBe(180);
  return db;
}

const crs = (db: Database) => db.prepare('SELECT coordinate_system FROM project').pluck().get();
const setting = (db: Database, key: string) =>
  db.prepare('SELECT value FROM project_settings WHERE key = ?').pluck().get(key);

describe('migration 0180', () => {
  it('keeps the EPSG code of a coordinate system text and the text itself in the audit log', () => {
    const db = projectBefore0180('NAD83 / UTM zone 11N (EPSG:26911)', true);
    expect(crs(db)).toBe('EPSG:26911');
    expect(
      db
        .prepare(
          `SELECT c.source, l.table_name, l.column_name, l.old_value, l.new_value FROM audit_log l JOIN change_sets c ON c.id = l.change_set`,
        )
        .all(),
    ).toEqual([
      {
        source: 'migration',
        table_name: 'project',
        column_name: 'coordinate_system',
        old_value: 'NAD83 / UTM zone 11N (EPSG:26911)',
        new_value: 'EPSG:26911',
      },
    ]);
    expect(setting(db, 'validation.recheck')).toMatch(/schema 180/);
  });

  it('leaves a text without a code, an exact code and no system alone, and an empty project unmarked', () => {
    for (const [before, after] of [
      ['Mine grid 1998', 'Mine grid 1998'],
      ['EPSG:32609', 'EPSG:32609'],
      ['epsg:4326 lat/long', 'EPSG:4326'],
      ['EPSG:123456', 'EPSG:123456'],
      [null, null],
    ] as const) {
      const db = projectBefore0180(before, false);
      expect(crs(db)).toBe(after);
      expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before === after ? 0 : 1);
      expect(setting(db, 'validation.recheck')).toBeUndefined();
    }
  });

  it('stores one acknowledgement per warning, with a note, naming it by table, row, rule and message', () => {
    const db = projectBefore0180(null, true);
    const set = Number(
      db
        .prepare(
          "INSERT INTO change_sets (at, os_user, source, description) VALUES ('now', 'me', 'api', 'ack')",
        )
        .run().lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO problem_acknowledgements (table_name, row_id, rule, message, hole_id, note, os_user, at, change_set)
       VALUES (?, ?, 'interval-gap', ?, 'DH001', ?, 'me', 'now', ?)`,
    );
    insert.run('samples', 7, 'Gap of 1 m before sample A', 'core loss, see log', set);
    insert.run('samples', 7, 'Gap of 2 m before sample A', 'another gap', set);
    insert.run('holes', null, 'Collar far', 'surveyed twice, it is right', set);
    expect(() => insert.run('samples', 7, 'Gap of 1 m before sample A', 'again', set)).toThrow(/UNIQUE/);
    expect(() => insert.run('holes', null, 'Collar far', 'again', set)).toThrow(/UNIQUE/);
    expect(() => insert.run('samples', 8, 'x', '   ', set)).toThrow(/CHECK/);
    expect(() => insert.run('samples', 9, 'x', 'note', 999)).toThrow(/FOREIGN KEY/);
  });
});
