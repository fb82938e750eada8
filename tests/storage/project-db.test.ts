import DatabaseConstructor from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, latestVersion, loadMigrations } from '../../src/storage/migrations';
import { APPLICATION_ID, closeProject, createProject, openProject } from '../../src/storage/project-db';
import { StorageError } from '../../src/storage/storage-error';
import { tempFolder, tempProject, track } from '../helpers/temp-project';

describe('project files', () => {
  it('are SQLite files in WAL mode with foreign keys, marked as drillbench projects', () => {
    const project = tempProject({ length_unit: 'ft', dip_convention: 'positive-down' });
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(project.settings).toMatchObject({ length_unit: 'ft', dip_convention: 'positive-down' });
  });

  it('are never overwritten by `new`', () => {
    const project = tempProject();
    expect(() =>
      createProject(project.path, { name: 'x', length_unit: 'm', dip_convention: 'negative-down' }, 'me'),
    ).toThrow(/already exists/);
  });

  it('refuse files that are not projects, naming the file', () => {
    const folder = tempFolder();
    const text = join(folder, 'notes.drillbench');
    writeFileSync(text, 'hole,from,to\n');
    expect(() => openProject(text)).toThrow(
      /notes.drillbench is not a drillbench project \(it is not a SQLite database\)/,
    );
    const other = join(folder, 'other.db');
    new DatabaseConstructor(other).exec('CREATE TABLE t (a)');
    expect(() => openProject(other)).toThrow(/a SQLite database but not a drillbench project/);
    expect(() => openProject(join(folder, 'missing.drillbench'))).toThrow(/does not exist/);
  });

  it('refuse a project written by a newer drillbench and leave it unchanged', () => {
    const project = tempProject();
    const path = project.path;
    const newer = latestVersion(loadMigrations()) + 10;
    project.db.pragma(`user_version = ${newer}`);
    closeProject(project);
    let error: unknown;
    try {
      openProject(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('newer-version');
    expect((error as Error).message).toContain('Update drillbench');
    const raw = new DatabaseConstructor(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(newer);
    raw.close();
  });

  it('migrate an older project after backing it up', () => {
    const folder = tempFolder();
    const path = join(folder, 'old.drillbench');
    // A project as version 80 of the schema wrote it.
    const old = new DatabaseConstructor(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(old, loadMigrations(), 80);
    old
      .prepare(
        "INSERT INTO project (id, name, length_unit, dip_convention, created_at, created_by) VALUES (1, 'old', 'm', 'negative-down', 'then', 'me')",
      )
      .run();
    old.prepare("INSERT INTO holes (hole_id) VALUES ('DH001')").run();
    old.close();
    const backups: string[] = [];
    const reopened = track(openProject(path, { onBackup: (backup) => backups.push(backup) }));
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(latestVersion(loadMigrations()));
    expect(reopened.db.prepare('SELECT hole_id FROM holes').pluck().all()).toEqual(['DH001']);
    expect(backups).toHaveLength(1);
    expect(existsSync(backups[0]!)).toBe(true);
    const backup = new DatabaseConstructor(backups[0]!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(80);
    expect(backup.prepare('SELECT count(*) FROM holes').pluck().get()).toBe(1);
    backup.close();
  });

  it('leave nothing behind when creating one fails', () => {
    const folder = tempFolder();
    const path = join(folder, 'bad.drillbench');
    expect(() =>
      createProject(path, { name: '', length_unit: 'm', dip_convention: 'negative-down' }, 'me'),
    ).toThrow(/CHECK/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
