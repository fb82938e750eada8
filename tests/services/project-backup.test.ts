// Backups of an open project: VACUUM INTO snapshots that open as projects with the same data, named by
// time beside the project, never overwriting; Save a Copy replacing a file safely; and the automatic
// backup taken before an older project is migrated.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupProjectFile,
  copyProjectTo,
  timestampedBackupPath,
} from '../../src/services/backup/project-backup';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { acquireProjectLock } from '../../src/services/system/project-lock';
import { applyMigrations, latestVersion, loadMigrations, schemaVersion } from '../../src/storage/migrations';
import { APPLICATION_ID, closeProject, openProject, type Project } from '../../src/storage/project-db';
import { projectCounts } from '../../src/storage/project-queries';
import { StorageError } from '../../src/storage/storage-error';

let directory: string;
let project: Project;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-backup-'));
  project = writeDemoProject(join(directory, 'ruddock.drillbench'), 'tester');
});

afterAll(() => {
  closeProject(project);
  rmSync(directory, { recursive: true, force: true });
});

function countsOf(path: string) {
  const copy = openProject(path, { readonly: true });
  try {
    return projectCounts(copy.db);
  } finally {
    closeProject(copy);
  }
}

describe('timestampedBackupPath', () => {
  it('puts the local time in the name, keeps the extension, and never reuses a name', () => {
    const at = new Date(2025, 2, 4, 10, 11, 12);
    const first = timestampedBackupPath('/data/camp.drillbench', at);
    expect(first).toBe(join('/data', 'camp.backup-2025-03-04T10-11-12.drillbench'));
    const taken = join(directory, 'taken.drillbench');
    const name = timestampedBackupPath(taken, at);
    writeFileSync(name, '');
    expect(basename(timestampedBackupPath(taken, at))).toBe('taken.backup-2025-03-04T10-11-12-2.drillbench');
  });
});

describe('backupProjectFile', () => {
  it('writes a snapshot beside the project that opens as the same project', () => {
    const backup = backupProjectFile(project);
    expect(backup.path.startsWith(join(directory, 'ruddock.backup-'))).toBe(true);
    expect(backup.path.endsWith('.drillbench')).toBe(true);
    expect(backup.bytes).toBeGreaterThan(100_000);
    expect(countsOf(backup.path)).toEqual(projectCounts(project.db));
    expect(countsOf(backup.path).holes).toBe(76);
  });

  it('never overwrites, never writes over the project or its working files', () => {
    const target = join(directory, 'once.drillbench');
    backupProjectFile(project, target);
    expect(() => backupProjectFile(project, target)).toThrow(/already exists/);
    for (const own of ['', '-wal', '-shm', '.lock']) {
      expect(() => backupProjectFile(project, project.path + own)).toThrow(/the open project itself/);
    }
    expect(() => backupProjectFile(project, join(directory, 'missing', 'x.drillbench'))).toThrow(
      /does not exist/,
    );
  });
});

describe('copyProjectTo', () => {
  it('replaces a confirmed file and drops its stale -wal and -shm', () => {
    const target = join(directory, 'old-copy.drillbench');
    writeFileSync(target, 'an older file');
    writeFileSync(`${target}-wal`, 'stale wal from another project');
    writeFileSync(`${target}-shm`, 'stale shm');
    expect(() => copyProjectTo(project, target, false)).toThrow(/already exists/);
    const copy = copyProjectTo(project, target, true);
    expect(copy.path).toBe(target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(existsSync(`${target}-shm`)).toBe(false);
    expect(countsOf(target).holes).toBe(76);
    expect(readdirSync(directory).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('refuses to replace a project open in a running drillbench', () => {
    const target = join(directory, 'in-use.drillbench');
    copyProjectTo(project, target, false);
    const lock = acquireProjectLock(target, 'desktop');
    try {
      expect(() => copyProjectTo(project, target, true)).toThrow(StorageError);
      expect(() => copyProjectTo(project, target, true)).toThrow(/is open in drillbench/);
    } finally {
      lock.release();
    }
  });
});

describe('the backup before a migration', () => {
  it('copies the older file before migrating it, and the copy is still the older schema with the data', () => {
    const migrations = loadMigrations();
    const previous = migrations.at(-2)?.version ?? 0;
    const path = join(directory, 'older.drillbench');
    const db = new DatabaseConstructor(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(db, migrations, previous);
    db.prepare(
      `INSERT INTO project (id, name, coordinate_system, length_unit, dip_convention, created_at, created_by)
       VALUES (1, 'Older camp', NULL, 'm', 'negative-down', '2024-01-01T00:00:00Z', 'tester')`,
    ).run();
    db.close();

    const backups: string[] = [];
    const migrated = openProject(path, { onBackup: (backup) => backups.push(backup) });
    try {
      expect(schemaVersion(migrated.db)).toBe(latestVersion(migrations));
      expect(backups).toHaveLength(1);
      const backup = backups[0] ?? '';
      expect(basename(backup)).toMatch(new RegExp(`^older\\.drillbench\\.schema-${previous}\\..+\\.bak$`));
      const copy = new DatabaseConstructor(backup, { readonly: true });
      try {
        expect(copy.pragma('user_version', { simple: true })).toBe(previous);
        expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        expect(copy.prepare('SELECT name FROM project').get()).toEqual({ name: 'Older camp' });
      } finally {
        copy.close();
      }
    } finally {
      closeProject(migrated);
    }
    // Opening the current project again takes no further backup.
    const again = openProject(path, { onBackup: (backup) => backups.push(backup) });
    closeProject(again);
    expect(backups).toHaveLength(1);
  });
});
