// Migration 0190: one saved column layout per grid, a JSON object, and nothing else added.
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../src/storage/migrations';
import { deleteGridLayout, readGridLayout, writeGridLayout } from '../../src/storage/grid-layout-store';

describe('0190 grid layouts', () => {
  it('keeps one layout per grid, refuses what is not a JSON object, and adds nothing else', () => {
    const migrations = loadMigrations();
    const db = new DatabaseConstructor(':memory:');
    applyMigrations(db, migrations, 189);
    db.prepare("INSERT INTO holes (hole_id) VALUES ('DH001')").run();
    const tables = () =>
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    const before = tables();
    expect(applyMigrations(db, migrations, 190)).toEqual([190]);
    expect(tables().filter((name) => !before.includes(name))).toEqual(['grid_layouts']);
    expect(db.prepare('SELECT hole_id FROM holes').pluck().all()).toEqual(['DH001']);

    const insert = db.prepare('INSERT INTO grid_layouts (grid, layout, saved_at) VALUES (?, ?, ?)');
    insert.run('holes', '{"columns":[]}', 'now');
    expect(() => insert.run('holes', '{"columns":[]}', 'now')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('surveys', 'not json', 'now')).toThrow(/CHECK/);
    expect(() => insert.run('surveys', '[1, 2]', 'now')).toThrow(/CHECK/);
    expect(() => insert.run('', '{}', 'now')).toThrow(/CHECK/);
    expect(() => insert.run('surveys', '{}', null)).toThrow(/NOT NULL/);
  });

  it('is written and read back whole, and forgotten on reset', () => {
    const db = new DatabaseConstructor(':memory:');
    applyMigrations(db, loadMigrations(), 190);
    const layout = { columns: [{ id: 'depth_from', width: 90, decimals: 2 }], showEmptyAnalytes: true };
    writeGridLayout(db, 'samples', layout);
    writeGridLayout(db, 'samples', { columns: [{ id: 'depth_to', visible: false }] });
    expect(readGridLayout(db, 'samples')).toEqual({ columns: [{ id: 'depth_to', visible: false }] });
    expect(readGridLayout(db, 'holes')).toBeNull();
    deleteGridLayout(db, 'samples');
    expect(readGridLayout(db, 'samples')).toBeNull();
  });
});
