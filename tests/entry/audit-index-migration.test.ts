// Migration 0210 (audit entries indexed by change set and table), applied to a database holding change
// sets from before it.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../src/storage/migrations';
import { undoTarget } from '../../src/storage/undo-log';

describe('migration 0210_audit_change_set_tables', () => {
  it('replaces the change set index with one on change set and table, keeping the entries', () => {
    const db = new DatabaseConstructor(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, loadMigrations(), 209);
    db.prepare(
      `INSERT INTO change_sets (at, os_user, source, description, undoable) VALUES ('2024-01-01T00:00:00Z', 'geo', 'grid', 'Edit Dip of Hole DH1', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO audit_log (change_set, action, table_name, row_id, column_name, old_value, new_value) VALUES (1, 'update', 'holes', 1, 'dip', -60, -61)`,
    ).run();
    applyMigrations(db, loadMigrations(), 210);
    const indexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name`)
      .pluck()
      .all();
    expect(indexes).toEqual(['audit_log_change_set_table', 'audit_log_row']);
    expect(undoTarget(db, ['holes'])?.description).toBe('Edit Dip of Hole DH1');
    expect(undoTarget(db, ['samples', 'assay_results'])).toBeUndefined();
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM audit_log WHERE change_set = ? ORDER BY id')
      .all(1) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('audit_log_change_set_table');
  });
});
