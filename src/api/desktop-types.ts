// Results of the desktop app's calls (native dialogs, windows, backups) and the events the main process
// sends a window. The browser host answers the `app.*` calls with a "desktop app only" error.

/** Project files end in this (services/system/app-paths.ts says the same; a test holds them together). */
export const PROJECT_FILE_EXTENSION = '.drillbench';

/** A file written by a backup or Save a Copy. */
export interface BackupResult {
  path: string;
  bytes: number;
}

/** A path the user chose in a native dialog; null when they cancelled. */
export interface ChosenPath {
  path: string | null;
}

/** Paths the user chose; empty when they cancelled. */
export interface ChosenPaths {
  paths: string[];
}

export interface OpenProjectResult {
  /** The project's canonical path; null when the user cancelled or it could not be opened. */
  path: string | null;
  /** It was open already and its window was brought to the front. */
  alreadyOpen: boolean;
}

export interface OpenFilesResult {
  projects: OpenProjectResult[];
  /** Data files handed to the import view of the calling window. */
  importFiles: string[];
  refused: { path: string; reason: string }[];
}

export interface SaveCopyResult {
  /** Null when the user cancelled. */
  path: string | null;
  bytes: number;
}

/** Views the main process can send a window to (the menu's Import and Export). */
export const DESKTOP_VIEWS = ['import', 'export'] as const;
export type DesktopView = (typeof DESKTOP_VIEWS)[number];

export type DesktopEvent =
  | { type: 'navigate'; view: DesktopView; files: string[] }
  | { type: 'notice'; level: 'info' | 'warning'; message: string };

/** The one channel on which the main process sends a window desktop events. */
export const DESKTOP_EVENT_CHANNEL = 'drillbench:desktop-event';

/** What the preload exposes as `window.drillbenchDesktop` in the desktop app only. */
export interface DesktopBridge {
  /** Calls `listener` for each event from the main process; returns the unsubscribe function. */
  onEvent(listener: (event: DesktopEvent) => void): () => void;
  /** The path of a file dropped on the window (a DOM File). */
  pathForFile(file: object): string;
}
