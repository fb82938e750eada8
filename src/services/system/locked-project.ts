// Opening a project for editing: take its lock first (so two drillbench processes never migrate or edit
// the same file at once), then open or create it, and give the lock back if opening fails.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  closeProject,
  createProject,
  openProject,
  type NewProjectSettings,
  type OpenOptions,
  type Project,
} from '../../storage/project-db';
import { writeDemoProject } from '../demo/demo-writer';
import { defaultDemoPath, osUserName } from './app-paths';
import { acquireProjectLock, type LockEnvironment, type ProjectLock } from './project-lock';

export interface LockedProject {
  project: Project;
  lock: ProjectLock;
  /** Closes the project, then releases its lock. */
  close(): void;
}

export interface LockedOpenOptions {
  /** Who holds the lock: 'desktop', 'web'. */
  purpose: string;
  /** Take over a lock whose holder is on another machine and cannot be checked. */
  force?: boolean;
  onBackup?: OpenOptions['onBackup'];
  log?: (text: string) => void;
  env?: LockEnvironment;
}

function locked(project: Project, lock: ProjectLock): LockedProject {
  return {
    project,
    lock,
    close() {
      closeProject(project);
      lock.release();
    },
  };
}

/** Opens an existing project under its lock. */
export function openLockedProject(path: string, options: LockedOpenOptions): LockedProject {
  const lock = acquireProjectLock(path, options.purpose, { force: options.force, env: options.env });
  try {
    return locked(openProject(lock.projectPath, { onBackup: options.onBackup }), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Opens the given project, or the demo (written on first use) when none is given, under its lock. */
export function openLockedProjectOrDemo(path: string | undefined, options: LockedOpenOptions): LockedProject {
  if (path) return openLockedProject(path, options);
  const demo = defaultDemoPath();
  mkdirSync(dirname(demo), { recursive: true });
  const lock = acquireProjectLock(demo, options.purpose, { force: options.force, env: options.env });
  try {
    if (existsSync(demo)) return locked(openProject(demo, { onBackup: options.onBackup }), lock);
    options.log?.(`Writing the demo project to ${demo} ...`);
    return locked(writeDemoProject(demo, osUserName()), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Creates a new project under its lock (File > New Project) and keeps it open. */
export function createLockedProject(
  path: string,
  settings: NewProjectSettings,
  createdBy: string,
  options: LockedOpenOptions,
): LockedProject {
  const lock = acquireProjectLock(path, options.purpose, { force: options.force, env: options.env });
  try {
    return locked(createProject(lock.projectPath, settings, createdBy), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}
