// One test per migration: apply everything before it, add data, apply it, check what it must do.
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, latestVersion, loadMigrations, schemaVersion } from '../../src/storage/migrations';

const migrations = loadMigrations();

function databaseAt(version: number): Database {
  const db = new DatabaseConstructor(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations, version);
  return db;
}

function apply(db: Database, version: number): void {
  applyMigrations(db, migrations, version);
}

function addHole(db: Database, holeId = 'DH001'): number {
  return Number(db.prepare('INSERT INTO holes (hole_id) VALUES (?)').run(holeId).lastInsertRowid);
}

describe('migrations', () => {
  it('are numbered in steps of ten and all apply in one go', () => {
    expect(migrations.map((m) => m.version % 10)).toEqual(migrations.map(() => 0));
    const db = databaseAt(Infinity);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%'",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('roll back completely when one fails', () => {
    const db = new DatabaseConstructor(':memory:');
    const broken = [
      ...migrations.slice(0, 2),
      { version: 9990, name: 'broken', sql: 'CREATE TABLE x (a INTEGER) STRICT; THIS IS NOT SQL;' },
    ];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('0010 project: one settings row with a unit and a dip convention', () => {
    const db = databaseAt(0);
    apply(db, 10);
    const insert = db.prepare(
      "INSERT INTO project (id, name, length_unit, dip_convention, created_at, created_by) VALUES (?, 'p', ?, ?, 'now', 'me')",
    );
    insert.run(1, 'm', 'negative-down');
    expect(() => insert.run(2, 'm', 'negative-down')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE project SET length_unit = 'yards'").run()).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO lookup_codes (list, code, description) VALUES ('lithology', 'MS', 'massive sulphide')",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO lookup_codes (list, code) VALUES ('lithology', 'MS')").run(),
    ).toThrow(/UNIQUE/);
  });

  it('0020 holes: IDs kept as typed and unique, azimuth and dip in range', () => {
    const db = databaseAt(10);
    apply(db, 20);
    addHole(db, '007');
    addHole(db, '7');
    expect(db.prepare('SELECT hole_id FROM holes ORDER BY id').pluck().all()).toEqual(['007', '7']);
    expect(() => addHole(db, '007')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO holes (hole_id, dip) VALUES ('X', -91)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO holes (hole_id, azimuth) VALUES ('Y', 360)").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO holes (hole_id, started_on) VALUES ('Z', '2011-13-01')").run(),
    ).toThrow(/CHECK/);
  });

  it('0030 surveys: belong to a hole and go with it', () => {
    const db = databaseAt(20);
    const hole = addHole(db);
    apply(db, 30);
    db.prepare('INSERT INTO surveys (hole, depth, azimuth, dip) VALUES (?, 0, 90, -60)').run(hole);
    expect(() =>
      db.prepare('INSERT INTO surveys (hole, depth, azimuth, dip) VALUES (999, 0, 90, -60)').run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM holes WHERE id = ?').run(hole);
    expect(db.prepare('SELECT count(*) FROM surveys').pluck().get()).toBe(0);
  });

  it('0040 samples: QA/QC types, depths may be absent, overlaps are not a constraint', () => {
    const db = databaseAt(30);
    const hole = addHole(db);
    apply(db, 40);
    const insert = db.prepare(
      'INSERT INTO samples (hole, depth_from, depth_to, sample_id, sample_type) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run(hole, 0, 2, 'S1', 'regular');
    insert.run(hole, 1, 3, 'S2', 'regular');
    insert.run(hole, null, null, 'B1', 'blank');
    insert.run(hole, 0, 2, 'S1', 'duplicate');
    expect(() => insert.run(hole, 0, 1, 'S3', 'pulp')).toThrow(/CHECK/);
    expect(db.prepare("SELECT count(*) FROM samples WHERE sample_id = 'S1'").pluck().get()).toBe(2);
    expect(
      db.prepare('EXPLAIN QUERY PLAN SELECT * FROM samples WHERE hole = 1 ORDER BY depth_from').all(),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ detail: expect.stringContaining('samples_hole_from') }),
      ]),
    );
  });

  it('0050 assays: results in long form keyed by sample, analyte and re-assay number', () => {
    const db = databaseAt(40);
    const hole = addHole(db);
    const sample = Number(
      db.prepare('INSERT INTO samples (hole, depth_from, depth_to) VALUES (?, 0, 1)').run(hole)
        .lastInsertRowid,
    );
    apply(db, 50);
    db.prepare("INSERT INTO analytes (id, code, unit) VALUES (1, 'Zn', '%')").run();
    expect(() => db.prepare("INSERT INTO analytes (code, unit) VALUES ('Pb', 'percent')").run()).toThrow(
      /CHECK/,
    );
    const insert = db.prepare(
      'INSERT INTO assay_results (sample, analyte, seq, value, lab_text, flag, preferred) VALUES (?, 1, ?, ?, ?, ?, ?)',
    );
    insert.run(sample, 0, 0.01, '<0.01', 'bdl', 0);
    insert.run(sample, 1, 0.02, '0.02', 'value', 1);
    expect(() => insert.run(sample, 1, 1, '1', 'value', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(sample, 2, 1, '1', 'guess', 0)).toThrow(/CHECK/);
    expect(db.prepare('SELECT lab_text FROM assay_results WHERE preferred = 1').pluck().all()).toEqual([
      '0.02',
    ]);
    db.prepare('DELETE FROM samples WHERE id = ?').run(sample);
    expect(db.prepare('SELECT count(*) FROM assay_results').pluck().get()).toBe(0);
  });

  it('0060 lithology: intervals with a code, removed with their hole', () => {
    const db = databaseAt(50);
    const hole = addHole(db);
    apply(db, 60);
    db.prepare("INSERT INTO lithology (hole, depth_from, depth_to, code) VALUES (?, 0, 5, 'SCH')").run(hole);
    expect(() =>
      db.prepare("INSERT INTO lithology (hole, depth_from, depth_to, code) VALUES (?, 0, 5, '')").run(hole),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM holes').run();
    expect(db.prepare('SELECT count(*) FROM lithology').pluck().get()).toBe(0);
  });

  it('0070 audit: change sets group entries that keep old and new values of any type', () => {
    const db = databaseAt(60);
    apply(db, 70);
    const set = Number(
      db
        .prepare(
          "INSERT INTO change_sets (at, os_user, source, description) VALUES ('now', 'me', 'grid', 'edit')",
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO audit_log (change_set, action, table_name, row_id, column_name, old_value, new_value) VALUES (?, 'update', 'holes', 1, 'dip', -60.5, 'text')",
    ).run(set);
    expect(db.prepare('SELECT typeof(old_value), typeof(new_value) FROM audit_log').raw().get()).toEqual([
      'real',
      'text',
    ]);
    expect(() =>
      db
        .prepare("INSERT INTO audit_log (change_set, action, table_name) VALUES (?, 'rename', 'holes')")
        .run(set),
    ).toThrow(/CHECK/);
  });

  it('0080 problems: stored per hole and removed with it', () => {
    const db = databaseAt(70);
    const hole = addHole(db);
    apply(db, 80);
    db.prepare(
      "INSERT INTO problems (hole, table_name, rule, severity, message) VALUES (?, 'samples', 'interval-gap', 'warning', 'gap')",
    ).run(hole);
    expect(() =>
      db
        .prepare(
          "INSERT INTO problems (hole, table_name, rule, severity, message) VALUES (?, 'samples', 'x', 'fatal', 'm')",
        )
        .run(hole),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM holes').run();
    expect(db.prepare('SELECT count(*) FROM problems').pluck().get()).toBe(0);
  });

  it('0090 presets: JSON parameters, one name per kind', () => {
    const db = databaseAt(80);
    apply(db, 90);
    const insert = db.prepare("INSERT INTO presets (kind, name, params, created_at) VALUES (?, ?, ?, 'now')");
    insert.run('intercepts', 'a', '{"cutoff": 5}');
    insert.run('composites', 'a', '{}');
    expect(() => insert.run('intercepts', 'a', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('intercepts', 'b', 'not json')).toThrow(/CHECK/);
  });
});
