// Migrations 0130-0150 (issue 5): each applied to a project at the previous version holding data.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';

function databaseAt(version: number) {
  const db = new DatabaseConstructor(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations(), version);
  expect(schemaVersion(db)).toBe(version);
  return db;
}

function seed(db: DatabaseConstructor.Database): void {
  db.exec(`
    INSERT INTO holes (id, hole_id) VALUES (1, 'DH001');
    INSERT INTO samples (id, hole, depth_from, depth_to, sample_id) VALUES (1, 1, 0, 1, '0712001');
    INSERT INTO analytes (id, code, unit) VALUES (1, 'Zn', '%');
    INSERT INTO assay_results (sample, analyte, value, lab_text, flag) VALUES (1, 1, 1.5, '1.50', 'value');
  `);
}

describe('migration 0130: remembered import mappings', () => {
  it('adds the table keyed by header row, refusing bad JSON and unknown kinds', () => {
    const db = databaseAt(120);
    seed(db);
    applyMigrations(db, loadMigrations(), 130);
    const insert = db.prepare(
      'INSERT INTO import_mappings (header_signature, kind, mapping, options, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('["BHID","FROM","TO"]', 'assays', '{}', '{}', '2011-06-30', 'me');
    expect(() => insert.run('["BHID","FROM","TO"]', 'assays', '{}', '{}', 'x', 'me')).toThrow(/UNIQUE/);
    expect(() => insert.run('["A"]', 'pictures', '{}', '{}', 'x', 'me')).toThrow(/CHECK/);
    expect(() => insert.run('not json', 'assays', '{}', '{}', 'x', 'me')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM assay_results').pluck().get()).toBe(1);
  });
});

describe('migration 0140: lab certificates and the lab unit of a result', () => {
  it('keeps existing results with no lab unit and records certificates once', () => {
    const db = databaseAt(130);
    seed(db);
    applyMigrations(db, loadMigrations(), 140);
    expect(db.prepare('SELECT lab_unit FROM assay_results').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE assay_results SET lab_unit = 'kg'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE assay_results SET lab_unit = 'ppm'").run();
    const insert = db.prepare(
      `INSERT INTO lab_certificates (certificate, file_name, header, columns, samples, results, unknown_samples, imported_at)
       VALUES (?, 'c.csv', '[]', '[]', 1, 2, '[]', '2011-08-19')`,
    );
    insert.run('VAN11002817');
    expect(() => insert.run('VAN11002817')).toThrow(/UNIQUE/);
    expect(() => insert.run('')).toThrow(/CHECK/);
  });
});

describe('migration 0150: method priorities', () => {
  it('ranks methods per analyte, one rank each, and goes with its analyte', () => {
    const db = databaseAt(140);
    seed(db);
    applyMigrations(db, loadMigrations(), 150);
    const insert = db.prepare('INSERT INTO method_priorities (analyte, method, rank) VALUES (?, ?, ?)');
    insert.run(1, '7TD', 0);
    insert.run(1, 'G7AR', 1);
    expect(() => insert.run(1, '1DX', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(2, '1DX', 0)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM assay_results').run();
    db.prepare('DELETE FROM analytes WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM method_priorities').pluck().get()).toBe(0);
  });
});
