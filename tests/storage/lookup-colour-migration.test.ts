// Migration 0220: lookup codes gain a colour ('#rrggbb' or NULL for the default), existing codes keep
// their rows untouched and get the default.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, schemaVersion } from '../../src/storage/migrations';

describe('migration 0220: a colour per lookup code', () => {
  it('keeps existing codes with no stored colour and takes only #rrggbb in lower case', () => {
    const db = new DatabaseConstructor(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    const before = Math.max(...migrations.filter((m) => m.version < 220).map((m) => m.version));
    applyMigrations(db, migrations, before);
    db.prepare(
      "INSERT INTO lookup_codes (list, code, description, sort_order) VALUES ('lithology', 'MSUL', 'Massive sulphide', 0)",
    ).run();
    applyMigrations(db, migrations, 220);
    expect(schemaVersion(db)).toBe(220);
    expect(db.prepare('SELECT list, code, description, sort_order, colour FROM lookup_codes').all()).toEqual([
      { list: 'lithology', code: 'MSUL', description: 'Massive sulphide', sort_order: 0, colour: null },
    ]);
    const set = db.prepare("UPDATE lookup_codes SET colour = ? WHERE code = 'MSUL'");
    set.run('#a8741a');
    expect(db.prepare('SELECT colour FROM lookup_codes').pluck().get()).toBe('#a8741a');
    for (const bad of ['#A8741A', 'a8741a', '#a8741', '#a8741az', 'bronze', '']) {
      expect(() => set.run(bad), bad).toThrow(/CHECK/);
    }
    set.run(null);
    expect(db.prepare('SELECT colour FROM lookup_codes').pluck().get()).toBeNull();
  });
});
