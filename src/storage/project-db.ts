// Opening and creating project files: one SQLite file per project, WAL, foreign keys on, schema
// migrated in one transaction, files from a newer drillbench refused.
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import type { DipConvention, LengthUnit, ProjectSettings } from '../domain/model';
import { applyMigrations, latestVersion, loadMigrations, schemaVersion } from './migrations';
import { sqliteBindingOptions } from './sqlite-binding';
import { StorageError } from './storage-error';

/** The connection type, for the layers above that pass a connection to storage functions. */
export type { Database };

/** Page size of new project files (existing ones keep theirs). */
export const PAGE_SIZE = 16384;

/** 'DRLB': marks a SQLite file as a drillbench project (PRAGMA application_id). */
export const APPLICATION_ID = 0x44524c42;

export interface Project {
  db: Database;
  path: string;
  settings: ProjectSettings;
}

export interface NewProjectSettings {
  name: string;
  coordinate_system?: string | null;
  length_unit: LengthUnit;
  dip_convention: DipConvention;
}

function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps the file consistent through an application or OS crash.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

/**
 * Lets SQLite spill temporary sort and index data to disk rather than memory, for a connection that
 * sorts large views (an export job on its own connection).
 */
export function spillTemporaryDataToDisk(db: Database): void {
  db.pragma('temp_store = FILE');
}

function looksLikeSqlite(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

export function readSettings(db: Database): ProjectSettings {
  const row = db
    .prepare('SELECT name, coordinate_system, length_unit, dip_convention FROM project WHERE id = 1')
    .get() as ProjectSettings | undefined;
  if (!row)
    throw new StorageError('damaged', 'The project file has no settings row; restore it from a backup.');
  return row;
}

/** Creates a new, empty project file. Refuses to overwrite anything. */
export function createProject(path: string, settings: NewProjectSettings, createdBy: string): Project {
  if (path !== ':memory:' && existsSync(path)) {
    throw new StorageError('exists', `${path} already exists. Choose another file name, or open it instead.`);
  }
  const db = new DatabaseConstructor(path, sqliteBindingOptions());
  try {
    // 16 KiB pages (before the first table; WAL fixes the size): a million-row import writes a third
    // fewer pages and B-trees a level shallower than with the 4 KiB default.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(db, loadMigrations());
    db.prepare(
      `INSERT INTO project (id, name, coordinate_system, length_unit, dip_convention, created_at, created_by)
       VALUES (1, ?, ?, ?, ?, ?, ?)`,
    ).run(
      settings.name,
      settings.coordinate_system ?? null,
      settings.length_unit,
      settings.dip_convention,
      new Date().toISOString(),
      createdBy,
    );
    return { db, path, settings: readSettings(db) };
  } catch (error) {
    db.close();
    // The file is ours and half made: leave nothing behind that looks like a project.
    if (path !== ':memory:')
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Called with the backup's path before an older project is migrated. */
  onBackup?: (backupPath: string) => void;
}

/** Opens an existing project, migrating an older one after a backup, refusing one from a newer version. */
export function openProject(path: string, options: OpenOptions = {}): Project {
  if (!existsSync(path)) {
    throw new StorageError(
      'not-found',
      `${path} does not exist. Check the path, or create it with \`drillbench new\`.`,
    );
  }
  if (!looksLikeSqlite(path)) {
    throw new StorageError(
      'not-a-project',
      `${path} is not a drillbench project (it is not a SQLite database).`,
    );
  }
  const db = new DatabaseConstructor(path, {
    readonly: options.readonly ?? false,
    fileMustExist: true,
    ...sqliteBindingOptions(),
  });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new StorageError('not-a-project', `${path} is a SQLite database but not a drillbench project.`);
    }
    const migrations = loadMigrations();
    const known = latestVersion(migrations);
    const version = schemaVersion(db);
    if (version > known) {
      throw new StorageError(
        'newer-version',
        `${path} was written by a newer drillbench (schema ${version}; this version knows up to ${known}). Update drillbench to open it; the file was not changed.`,
      );
    }
    if (!options.readonly) {
      configure(db);
      if (version < known) {
        const backup = backupPath(path, version);
        backupProject(db, backup);
        options.onBackup?.(backup);
        applyMigrations(db, migrations);
      }
    }
    return { db, path, settings: readSettings(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

function backupPath(path: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.schema-${version}.${stamp}.bak`;
}

/** A consistent copy of an open project (VACUUM INTO), safe while the app is running. */
export function backupProject(db: Database, destination: string): void {
  if (existsSync(destination)) {
    throw new StorageError('exists', `${destination} already exists; choose another name for the backup.`);
  }
  db.prepare('VACUUM INTO ?').run(destination);
}

export function closeProject(project: Project): void {
  if (project.db.open) project.db.close();
}
