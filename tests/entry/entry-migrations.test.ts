// Migrations 0110 (undo columns on change sets) and 0120 (index of parent sample IDs), applied to a
// database holding data from before them.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../src/storage/migrations';

function databaseAt(version: number) {
  const db = new DatabaseConstructor(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations(), version);
  return db;
}

describe('migration 0110_undo', () => {
  it('keeps existing change sets off the undo stack and links undos to what they replay', () => {
    const db = databaseAt(109);
    db.prepare(
      `INSERT INTO change_sets (at, os_user, source, description) VALUES ('2024-01-01T00:00:00Z', 'geo', 'import', 'Import collars')`,
    ).run();
    applyMigrations(db, loadMigrations(), 110);
    expect(db.prepare('SELECT undoable, replays, state FROM change_sets').get()).toEqual({
      undoable: 0,
      replays: null,
      state: 'done',
    });
    db.prepare(
      `INSERT INTO change_sets (at, os_user, source, description, replays) VALUES ('2024-01-02T00:00:00Z', 'geo', 'undo', 'Undo', 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO change_sets (at, os_user, source, description, replays) VALUES ('2024-01-02T00:00:00Z', 'geo', 'undo', 'Undo', 99)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE change_sets SET undoable = 2').run()).toThrow(/CHECK/);
  });
});

describe('migration 0120_parent_sample_index', () => {
  it('indexes only samples that name a parent', () => {
    const db = databaseAt(110);
    db.prepare(`INSERT INTO holes (id, hole_id) VALUES (1, 'DH1')`).run();
    db.prepare(`INSERT INTO samples (hole, sample_id) VALUES (1, 'A'), (1, 'B')`).run();
    db.prepare(
      `INSERT INTO samples (hole, sample_id, sample_type, parent_sample_id) VALUES (1, 'A-D', 'duplicate', 'A')`,
    ).run();
    applyMigrations(db, loadMigrations(), 120);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM samples WHERE parent_sample_id = 'A' AND parent_sample_id IS NOT NULL`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('samples_parent_sample_id');
    expect(
      db
        .prepare(
          `SELECT count(*) FROM samples INDEXED BY samples_parent_sample_id WHERE parent_sample_id IS NOT NULL`,
        )
        .pluck()
        .get(),
    ).toBe(1);
  });
});
