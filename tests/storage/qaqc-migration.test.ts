// Migration 0170 (issue 10, QA/QC): the standards table and the two partial indexes, applied to a
// project at the previous version holding data.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';

const migrations = loadMigrations();

describe('migration 0170: QA/QC standards table and indexes', () => {
  it('adds the standards table (one line per standard and analyte, any case) and leaves the data alone', () => {
    const before = Math.max(...migrations.filter((m) => m.version < 170).map((m) => m.version));
    const db = new DatabaseConstructor(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations, before);
    db.exec(`
      INSERT INTO holes (id, hole_id) VALUES (1, 'DH001');
      INSERT INTO samples (id, hole, sample_id, sample_type, standard_code) VALUES (1, 1, '0712001', 'standard', 'CDN-ME-4');
      INSERT INTO analytes (id, code, unit) VALUES (1, 'Zn', '%');
      INSERT INTO assay_results (sample, analyte, value, lab_text, flag, certificate) VALUES (1, 1, 15.2, '15.20', 'value', 'VAN1');
    `);
    applyMigrations(db, migrations, 170);
    expect(schemaVersion(db)).toBe(170);
    const insert = db.prepare(
      'INSERT INTO qaqc_standards (code, analyte, certified_value, sd, unit, source) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('CDN-ME-4', 'Zn', 15.12, 0.2, '%', null);
    expect(() => insert.run('cdn-me-4', 'ZN', 15, 0.2, '%', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('CDN-ME-4', 'Pb', 3.18, 0, '%', null)).toThrow(/CHECK/);
    expect(() => insert.run('CDN-ME-4', 'Pb', -1, 0.1, '%', null)).toThrow(/CHECK/);
    expect(() => insert.run('CDN-ME-4', 'Pb', 3.18, 0.07, 'pct', null)).toThrow(/CHECK/);
    expect(() => insert.run('', 'Pb', 3.18, 0.07, '%', null)).toThrow(/CHECK/);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('samples_qc_inserts', 'assay_results_certificate')",
      )
      .pluck()
      .all();
    expect(indexes.sort()).toEqual(['assay_results_certificate', 'samples_qc_inserts']);
    expect(db.prepare('SELECT count(*) FROM assay_results').pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
