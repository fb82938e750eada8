// The messages between a project host (the process that has one project open and runs its API calls)
// and its parent (Electron's main process, or a test under plain Node). Every request carries an id
// its reply repeats; the host asks the parent for native dialogs and windows the same way.
import type { ApiError, ApiResult } from '../../api/result';
import type { ChangeSource } from '../../storage/audit';
import type { NewProjectSettings } from '../../storage/project-db';
import type { DesktopShell } from '../desktop/desktop-shell';

/** What the parent asks the host to open. */
export interface OpenRequest {
  /** The project file; undefined opens the demo project (written on first use). */
  path?: string;
  /** Create the project at `path` with these settings (File > New Project); it must not exist yet. */
  create?: NewProjectSettings;
  /** Written into the lock file as what holds the project ('desktop'). */
  purpose: string;
  /** Take over a lock left by another computer (the user said so in a dialog). */
  force: boolean;
  source: ChangeSource;
  osUser: string;
  /** The parent answers desktop requests (native dialogs, windows): the `app.*` calls work. */
  desktop: boolean;
}

export interface OpenedProject {
  /** The canonical path of the project now open. */
  path: string;
  /** Copies kept before an upgrade of the project's schema. */
  backups: string[];
  /** The process holding the project and its lock (its pid is the one in the lock file). */
  pid: number;
}

export type OpenOutcome =
  | { ok: true; project: OpenedProject }
  | {
      ok: false;
      error: ApiError;
      /** Set when another drillbench holds the lock; `holderAlive` false means it may be taken over. */
      inUse?: { holderAlive: boolean; holderKnown: boolean };
    };

/** Menu items that work on the open project with dialogs (File > Save a Copy, File > Back Up Project). */
export type HostAction = 'saveCopy' | 'backUp';

/** The DesktopShell methods a host may ask its parent to run, in a list the parent checks against. */
export const DESKTOP_METHODS = [
  'chooseOpenPaths',
  'chooseSavePath',
  'chooseFolder',
  'ask',
  'openProjectWindow',
  'showImport',
  'revealInFolder',
] as const satisfies readonly (keyof DesktopShell)[];
export type DesktopMethod = (typeof DESKTOP_METHODS)[number];

export type DesktopRequest = {
  [K in DesktopMethod]: { method: K; args: Parameters<DesktopShell[K]> };
}[DesktopMethod];

export type DesktopOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export type ToHost =
  | { type: 'open'; id: number; request: OpenRequest }
  | { type: 'call'; id: number; method: unknown; input: unknown }
  | { type: 'action'; id: number; action: HostAction }
  | { type: 'desktop-reply'; id: number; outcome: DesktopOutcome }
  | { type: 'close'; id: number };

export type FromHost =
  /** Sent once the host listens; the parent holds its messages until then. */
  | { type: 'ready'; pid: number }
  | { type: 'opened'; id: number; outcome: OpenOutcome }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'desktop'; id: number; request: DesktopRequest }
  | { type: 'closed'; id: number };

/** One end of the host's message channel (Electron's parentPort, a worker's port, a child's IPC). */
export interface HostChannel {
  post(message: FromHost): void;
  onMessage(listener: (message: ToHost) => void): void;
  /** The parent went away: close the project and end. Not every kind of channel can tell. */
  onParentGone?(listener: () => void): void;
}

/** How a host process ended: an exit code, or the signal that ended it. */
export interface HostExit {
  code: number | null;
  signal: string | null;
}

export function describeHostExit(exit: HostExit): string {
  if (exit.signal) return `it was ended by ${exit.signal}`;
  if (exit.code === null) return 'it ended';
  return `it ended with exit code ${exit.code}`;
}

/** What the user is told when the process working on their project stopped without being asked to. */
export function hostStoppedMessage(exit: HostExit): string {
  return (
    `drillbench's process for this project stopped (${describeHostExit(exit)}). ` +
    'The project file is safe: every change is written in one transaction, so it holds each change that ' +
    'was confirmed and nothing half-written. Reopen the project to carry on.'
  );
}
