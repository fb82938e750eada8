// Migration 0100 (runs): applied on top of a project at 0090 with data in it, the data stays, the runs
// tables take a run, refuse what their checks forbid, and results go with their run.
import { describe, expect, it } from 'vitest';
import DatabaseConstructor from 'better-sqlite3';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';

function runRow(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'intercepts',
    params: '{"grade":"Zn"}',
    context: '{}',
    data_hash: 'a'.repeat(64),
    results_hash: 'b'.repeat(64),
    excluded: '[]',
    ...overrides,
  };
}

const insertRun = (db: DatabaseConstructor.Database, row: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO runs (kind, params, context, data_hash, results_hash, started_at, finished_at, os_user, source, engine, holes_read, samples_read, result_rows, excluded)
       VALUES (@kind, @params, @context, @data_hash, @results_hash, '2024-01-01', '2024-01-01', 'me', 'cli', 'e', 1, 2, 3, @excluded)`,
    )
    .run(row);

describe('migration 0100_runs', () => {
  it('adds runs and run_results to a 0090 project without touching its data', () => {
    const db = new DatabaseConstructor(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    applyMigrations(db, migrations, 90);
    expect(schemaVersion(db)).toBe(90);
    db.prepare("INSERT INTO holes (hole_id) VALUES ('DH001')").run();
    db.prepare(
      "INSERT INTO presets (kind, name, params, created_at) VALUES ('intercepts', 'p', '{\"grade\":\"Zn\"}', 'now')",
    ).run();

    expect(applyMigrations(db, migrations, 100)).toEqual([100]);
    expect(schemaVersion(db)).toBe(100);
    expect(db.prepare('SELECT hole_id FROM holes').pluck().all()).toEqual(['DH001']);
    expect(db.prepare('SELECT count(*) FROM presets').pluck().get()).toBe(1);

    const id = Number(insertRun(db, runRow()).lastInsertRowid);
    db.prepare("INSERT INTO run_results (run, results, hole_digests) VALUES (?, x'00', '[]')").run(id);
    expect(() => insertRun(db, runRow({ kind: 'kriging' }))).toThrow(/CHECK/);
    expect(() => insertRun(db, runRow({ params: 'not json' }))).toThrow(/CHECK/);
    expect(() => insertRun(db, runRow({ data_hash: 'short' }))).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO run_results (run, results, hole_digests) VALUES (999, x'00', '[]')").run(),
    ).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM runs WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM run_results').pluck().get()).toBe(0);
  });
});
