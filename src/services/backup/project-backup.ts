// Backups and copies of an open project: a consistent snapshot (VACUUM INTO) taken while the app runs,
// named with the time so backups sort in order and keep the project extension (restoring is opening it).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { BackupResult } from '../../api/desktop-types';
import { backupProject, type Project } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { PROJECT_EXTENSION } from '../system/app-paths';
import { canonicalProjectPath, processIsAlive, readProjectLock } from '../system/project-lock';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `camp.drillbench` -> `camp.backup-2025-03-04T10-11-12.drillbench` in the same folder (local time). */
export function timestampedBackupPath(projectPath: string, now = new Date()): string {
  const extension = extname(projectPath) || PROJECT_EXTENSION;
  const stem = basename(projectPath, extname(projectPath));
  const stamp =
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  const base = join(dirname(projectPath), `${stem}.backup-${stamp}`);
  let candidate = `${base}${extension}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}${extension}`;
  return candidate;
}

function refuseOwnFiles(project: Project, destination: string): void {
  const own = canonicalProjectPath(project.path);
  const target = canonicalProjectPath(destination);
  if ([own, `${own}-wal`, `${own}-shm`, `${own}.lock`].includes(target)) {
    throw new StorageError(
      'refused',
      `${destination} is the open project itself (or one of its working files). Choose another name for the copy.`,
    );
  }
  if (!existsSync(dirname(target))) {
    throw new StorageError(
      'not-found',
      `The folder ${dirname(destination)} does not exist. Choose another folder.`,
    );
  }
}

/** Writes a backup of the open project; by default beside it with a timestamped name. Never overwrites. */
export function backupProjectFile(project: Project, destination?: string): BackupResult {
  const path = destination ?? timestampedBackupPath(project.path);
  refuseOwnFiles(project, path);
  backupProject(project.db, path);
  return { path, bytes: statSync(path).size };
}

/**
 * Save a Copy: like a backup, but the user may have confirmed replacing an existing file. The copy is
 * written beside the target and renamed over it, and the old file's `-wal`/`-shm` are removed, or SQLite
 * would replay them into the new file. A project open in a running drillbench is never replaced.
 */
export function copyProjectTo(project: Project, destination: string, replace: boolean): BackupResult {
  refuseOwnFiles(project, destination);
  if (!existsSync(destination)) return backupProjectFile(project, destination);
  if (!replace) {
    throw new StorageError('exists', `${destination} already exists; choose another name for the copy.`);
  }
  const holder = readProjectLock(destination);
  if (holder && (holder.host !== hostname() || processIsAlive(holder.pid))) {
    throw new StorageError(
      'conflict',
      `${destination} is open in drillbench (${holder.user} on ${holder.host}); close it there before replacing it.`,
    );
  }
  const temporary = `${destination}.${process.pid}.partial`;
  rmSync(temporary, { force: true });
  try {
    backupProject(project.db, temporary);
    for (const suffix of ['-wal', '-shm']) rmSync(destination + suffix, { force: true });
    renameSync(temporary, destination);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { path: destination, bytes: statSync(destination).size };
}
