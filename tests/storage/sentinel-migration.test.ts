// Migration 0160 (issue 9): results -99, -999, -9999 stored as below detection (or unreadable) become
// missing with their lab text kept, audited; the preferred result is decided again; a project with
// holes is marked for re-validation, an empty one is not.
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openApiSession } from '../../src/services/api/api-session';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';
import { APPLICATION_ID, openProject } from '../../src/storage/project-db';
import { tempFolder, track } from '../helpers/temp-project';

function databaseAt(version: number) {
  const db = new DatabaseConstructor(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations(), version);
  expect(schemaVersion(db)).toBe(version);
  return db;
}

describe('migration 0160: missing-value sentinels', () => {
  it('re-flags -999 and -9999 results as missing, decides the preferred result again and marks the project', () => {
    const db = databaseAt(150);
    db.exec(`
      INSERT INTO holes (id, hole_id) VALUES (1, 'DH001');
      INSERT INTO samples (id, hole, depth_from, depth_to) VALUES (1, 1, 0, 1), (2, 1, 1, 2), (3, 1, 2, 3);
      INSERT INTO analytes (id, code, unit) VALUES (1, 'Cu', '%'), (2, 'Ag', 'ppm');
      INSERT INTO assay_results (sample, analyte, seq, value, lab_text, flag, preferred, method) VALUES
        (1, 1, 0, 999, '-999', 'bdl', 1, NULL),
        (1, 2, 0, 0.5, '-0.5', 'bdl', 1, NULL),
        (2, 1, 0, NULL, ' -9999.0 ', 'invalid', 1, NULL),
        (3, 1, 0, 999, '-999', 'bdl', 1, 'AAS'),
        (3, 1, 1, 0.42, '0.42', 'value', 0, 'ICP'),
        (3, 2, 0, 99.9, '-99.9', 'bdl', 1, NULL);
    `);
    applyMigrations(db, loadMigrations(), 160);
    const rows = db
      .prepare(
        'SELECT sample, analyte, seq, value, flag, lab_text, preferred FROM assay_results ORDER BY 1, 2, 3',
      )
      .raw()
      .all();
    expect(rows).toEqual([
      [1, 1, 0, null, 'missing', '-999', 1],
      [1, 2, 0, 0.5, 'bdl', '-0.5', 1],
      [2, 1, 0, null, 'missing', ' -9999.0 ', 1],
      // The re-assay with a number is now the one calculations use.
      [3, 1, 0, null, 'missing', '-999', 0],
      [3, 1, 1, 0.42, 'value', '0.42', 1],
      [3, 2, 0, 99.9, 'bdl', '-99.9', 1],
    ]);
    const audit = db
      .prepare(
        'SELECT c.source, a.row_id, a.old_value, a.new_value FROM audit_log a JOIN change_sets c ON c.id = a.change_set ORDER BY a.id',
      )
      .all() as { source: string; row_id: number; old_value: string; new_value: string }[];
    expect(
      audit.map((a) => [a.source, a.row_id, JSON.parse(a.old_value).flag, JSON.parse(a.new_value).flag]),
    ).toEqual([
      ['migration', 1, 'bdl', 'missing'],
      ['migration', 2, 'invalid', 'missing'],
      ['migration', 3, 'bdl', 'missing'],
    ]);
    expect(
      db.prepare("SELECT value FROM project_settings WHERE key = 'validation.recheck'").pluck().get(),
    ).toMatch(/^schema 160/);
  });

  it('leaves an empty project unmarked and writes no change set', () => {
    const db = databaseAt(150);
    applyMigrations(db, loadMigrations(), 160);
    expect(db.prepare('SELECT count(*) FROM project_settings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM change_sets').pluck().get()).toBe(0);
  });
});

describe('an upgraded project is re-validated when opened for work', () => {
  it('finds the new rules (collar elevation, implausible limits) and clears the mark', () => {
    const path = join(tempFolder(), 'old.drillbench');
    const old = new DatabaseConstructor(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(old, loadMigrations(), 150);
    old.exec(`
      INSERT INTO project (id, name, length_unit, dip_convention, created_at, created_by)
        VALUES (1, 'old', 'm', 'negative-down', 'then', 'me');
      INSERT INTO holes (id, hole_id, easting, northing) VALUES (1, 'DH001', 100, 200);
      INSERT INTO samples (id, hole, depth_from, depth_to) VALUES (1, 1, 0, 1);
      INSERT INTO analytes (id, code, unit) VALUES (1, 'Cu', '%');
      INSERT INTO assay_results (sample, analyte, value, lab_text, flag) VALUES (1, 1, 5000, '-5000', 'bdl');
    `);
    old.close();
    const project = track(openProject(path));
    const session = openApiSession(project, 'api', 'tester');
    const rules = project.db.prepare('SELECT rule FROM problems ORDER BY rule').pluck().all();
    expect(rules).toEqual(['assay-implausible-limit', 'collar-elevation-missing']);
    expect(
      project.db
        .prepare("SELECT count(*) FROM project_settings WHERE key = 'validation.recheck'")
        .pluck()
        .get(),
    ).toBe(0);
    void session.jobs.close();
  });
});
