// Numbered SQL migrations from migrations/: all pending ones run in one transaction and the highest
// number applied is recorded in PRAGMA user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageFolder } from './package-files';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_-]+)\.sql$/;

/** The migrations folder shipped beside the code (also inside the packaged asar). */
export function migrationsDirectory(): string {
  const found = findPackageFolder(import.meta.url, 'migrations', '0010_project.sql');
  if (!found)
    throw new Error('drillbench is incomplete: its migrations folder was not found. Reinstall drillbench.');
  return found;
}

export function loadMigrations(directory = migrationsDirectory()): Migration[] {
  const migrations = readdirSync(directory)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(directory, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  const seen = new Set<number>();
  for (const migration of migrations) {
    if (seen.has(migration.version)) throw new Error(`Two migrations are numbered ${migration.version}.`);
    seen.add(migration.version);
  }
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the database, all or nothing. Returns the versions applied. */
export function applyMigrations(db: Database, migrations: readonly Migration[], upTo = Infinity): number[] {
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      // user_version lives in the file header and is part of this transaction.
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
