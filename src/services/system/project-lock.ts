// One writer per project file across processes and machines: a `<project>.lock` file beside the project
// names the drillbench that has it open (pid, host, user), and a lock left by a process that died is
// recognised as stale and taken over. The desktop app, `drillbench web` and tests all go through here.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { StorageError } from '../../storage/storage-error';
import { osUserName } from './app-paths';

export const LOCK_SUFFIX = '.lock';

/** A lock file that cannot be read is only taken over once it is this old (its writer may be mid-write). */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export interface LockHolder {
  app: 'drillbench';
  pid: number;
  host: string;
  user: string;
  /** ISO time the lock was taken. */
  since: string;
  /** What holds it: 'desktop', 'web', 'cli'. */
  purpose: string;
  /** Random, so a holder only ever removes its own lock. */
  token: string;
}

export interface LockEnvironment {
  pid: number;
  host: string;
  user: string;
  now: () => Date;
  /** True when a process with this pid runs on this machine. */
  isAlive: (pid: number) => boolean;
}

export interface ProjectLock {
  /** The canonical project path the lock is for. */
  projectPath: string;
  lockPath: string;
  holder: LockHolder;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

/** Raised when another drillbench (or another machine) has the project open. */
export class ProjectInUseError extends StorageError {
  constructor(
    readonly projectPath: string,
    readonly lockPath: string,
    readonly holder: LockHolder | null,
    /** The holder is on this machine and still running: there is nothing to take over. */
    readonly holderAlive: boolean,
  ) {
    super('conflict', describeHolder(projectPath, lockPath, holder, holderAlive));
    this.name = 'ProjectInUseError';
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const systemLockEnvironment = (): LockEnvironment => ({
  pid: process.pid,
  host: hostname(),
  user: osUserName(),
  now: () => new Date(),
  isAlive: processIsAlive,
});

/**
 * The path a project is known by: symlinks and `..` resolved, so one file has one lock and one window
 * however it was named. A file that does not exist yet is resolved through its folder.
 */
export function canonicalProjectPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    try {
      return join(realpathSync.native(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

export function lockPathFor(projectPath: string): string {
  return canonicalProjectPath(projectPath) + LOCK_SUFFIX;
}

function describeHolder(
  projectPath: string,
  lockPath: string,
  holder: LockHolder | null,
  alive: boolean,
): string {
  const name = basename(projectPath);
  if (!holder) {
    return `${name} is being opened by another drillbench right now (its lock file ${lockPath} is still being written). Try again in a few seconds.`;
  }
  const who = `${holder.user} on ${holder.host} (drillbench ${holder.purpose}, process ${holder.pid}, since ${holder.since})`;
  if (alive) {
    return `${name} is already open in another drillbench: ${who}. Close it there first; one project is edited by one drillbench at a time so its changes are never mixed.`;
  }
  return `${name} is marked as open by ${who}. If drillbench is no longer running there (for example the computer crashed), delete ${lockPath} and open the project again.`;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      value.app === 'drillbench' &&
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.token === 'string'
    ) {
      return {
        app: 'drillbench',
        pid: value.pid,
        host: value.host,
        user: typeof value.user === 'string' ? value.user : 'unknown',
        since: typeof value.since === 'string' ? value.since : 'unknown',
        purpose: typeof value.purpose === 'string' ? value.purpose : 'unknown',
        token: value.token,
      };
    }
  } catch {
    // fall through: unreadable
  }
  return null;
}

/** Who holds the project's lock, or null when it is free (or the lock file is unreadable). */
export function readProjectLock(projectPath: string): LockHolder | null {
  try {
    return parseHolder(readFileSync(lockPathFor(projectPath), 'utf8'));
  } catch {
    return null;
  }
}

type LockState =
  | { kind: 'free' }
  | { kind: 'held'; holder: LockHolder | null; alive: boolean }
  | { kind: 'stale'; text: string };

function inspect(lockPath: string, env: LockEnvironment): LockState {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    throw error;
  }
  const holder = parseHolder(text);
  if (!holder) {
    let age: number;
    try {
      age = env.now().getTime() - statSync(lockPath).mtimeMs;
    } catch {
      return { kind: 'free' };
    }
    return age > UNREADABLE_LOCK_GRACE_MS
      ? { kind: 'stale', text }
      : { kind: 'held', holder: null, alive: true };
  }
  if (holder.host !== env.host) return { kind: 'held', holder, alive: false };
  if (holder.pid !== env.pid && !env.isAlive(holder.pid)) return { kind: 'stale', text };
  return { kind: 'held', holder, alive: true };
}

/** Creates the lock file only if none exists, with its whole content visible at once. */
function createExclusive(lockPath: string, content: string): boolean {
  const temporary = `${lockPath}.${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Some file systems (FAT on a USB stick, some network shares) have no hard links.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx');
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Moves a stale lock out of the way. The rename is atomic, so of two processes breaking the same stale
 * lock only one gets it; if what we moved turns out to be a fresh lock someone just took, it goes back.
 */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone took the lock meanwhile; theirs stands, the fresh one we moved is lost to its owner,
      // who finds the lock is no longer theirs on release and leaves it alone.
    }
  }
  rmSync(aside, { force: true });
}

const heldLocks = new Set<ProjectLock>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lock of [...heldLocks]) lock.release();
  });
}

/**
 * Takes the project's lock or throws ProjectInUseError naming who has it. `force` takes over a lock
 * whose holder cannot be checked (another machine); a live holder on this machine is never overridden.
 */
export function acquireProjectLock(
  projectPath: string,
  purpose: string,
  options: { force?: boolean; env?: LockEnvironment } = {},
): ProjectLock {
  const env = options.env ?? systemLockEnvironment();
  const canonical = canonicalProjectPath(projectPath);
  const lockPath = canonical + LOCK_SUFFIX;
  const holder: LockHolder = {
    app: 'drillbench',
    pid: env.pid,
    host: env.host,
    user: env.user,
    since: env.now().toISOString(),
    purpose,
    token: randomUUID(),
  };
  const content = `${JSON.stringify(holder, null, 2)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let created: boolean;
    try {
      created = createExclusive(lockPath, content);
    } catch (error) {
      throw new StorageError(
        'refused',
        `drillbench cannot write ${lockPath} (${(error as Error).message}). The project's folder must be writable: copy the project to a folder you can write to, or ask for write access.`,
      );
    }
    if (created) {
      const lock: ProjectLock = {
        projectPath: canonical,
        lockPath,
        holder,
        release() {
          if (!heldLocks.delete(lock)) return;
          try {
            if (parseHolder(readFileSync(lockPath, 'utf8'))?.token === holder.token) unlinkSync(lockPath);
          } catch {
            // Already gone, or the folder went away: nothing of ours is left to remove.
          }
        },
      };
      heldLocks.add(lock);
      installExitHook();
      return lock;
    }
    const state = inspect(lockPath, env);
    if (state.kind === 'free') continue;
    if (state.kind === 'stale') {
      breakStaleLock(lockPath, state.text);
      continue;
    }
    if (options.force && state.holder && !state.alive) {
      breakStaleLock(lockPath, readFileSync(lockPath, 'utf8'));
      continue;
    }
    throw new ProjectInUseError(canonical, lockPath, state.holder, state.alive);
  }
  throw new ProjectInUseError(canonical, lockPath, readProjectLock(canonical), true);
}
