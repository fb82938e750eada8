// What the desktop app lends the API for the calls only it can answer: native dialogs and windows. The
// Electron main process implements it per window; the browser host and the CLI have none, and the
// `app.*` calls then refuse with DesktopUnavailableError.
import type { OpenProjectResult } from '../../api/desktop-types';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DesktopShell {
  /** Native open dialog; [] when cancelled. */
  chooseOpenPaths(options: {
    title: string;
    filters: FileFilter[];
    multiple: boolean;
    defaultPath?: string;
  }): Promise<string[]>;
  /** Native save dialog; null when cancelled. The dialog itself asks before replacing a file. */
  chooseSavePath(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<string | null>;
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /** A message box with buttons; resolves to the index of the button pressed. */
  ask(options: { message: string; detail?: string; buttons: string[]; cancelId: number }): Promise<number>;
  /** Opens the project in its own window, or brings its window to the front when it is open already. */
  openProjectWindow(path: string): Promise<OpenProjectResult>;
  /** Sends the calling window to its import view with these files. */
  showImport(paths: string[]): void;
  revealInFolder(path: string): void;
}

/** Raised by an `app.*` call made where there is no desktop app (the browser host, the CLI). */
export class DesktopUnavailableError extends Error {
  constructor(readonly method: string) {
    super(
      `${method} needs the drillbench desktop app (it opens native dialogs and windows) and is not available in the browser. ` +
        'In the browser, open a project by starting `drillbench web <project>`, and give files by their full path.',
    );
    this.name = 'DesktopUnavailableError';
  }
}
