// One window per project: opening a project that is open already brings its window forward (with a
// message) instead of opening it twice; each window holds its project's lock, its own API session and
// its remembered bounds; events for a window wait until its page has loaded.
import { app, BrowserWindow, dialog, screen, type MessageBoxOptions } from 'electron';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DesktopEvent, OpenProjectResult } from '../api/desktop-types';
import { openApiSession, type ApiSession } from '../services/api/api-session';
import { toApiError } from '../services/api/error-mapping';
import { openFilesAction } from '../services/desktop/desktop-actions';
import { defaultDemoPath, osUserName } from '../services/system/app-paths';
import {
  windowBoundsSchema,
  withoutRecentProject,
  withRecentProject,
  withWindowBounds,
  type DesktopSettingsStore,
} from '../services/system/desktop-settings';
import { openLockedProjectOrDemo, type LockedProject } from '../services/system/locked-project';
import { canonicalProjectPath, ProjectInUseError } from '../services/system/project-lock';
import { StorageError } from '../storage/storage-error';
import { createElectronShell, type WindowOpener } from './electron-shell';
import { attachRouter, detachRouter, sendDesktopEvent } from './ipc-transport';
import { createSecureWindow } from './window-options';
import { placeWindow } from './window-placement';

export interface ProjectWindow {
  path: string;
  window: BrowserWindow;
  session: ApiSession;
  loaded: boolean;
  queue: DesktopEvent[];
}

export interface ProjectWindowsOptions {
  rendererUrl: string;
  preloadPath: string;
  settings: DesktopSettingsStore;
  /** Called when windows open, close or change focus, and when the recent list changes (menu upkeep). */
  onChange(): void;
}

class OpenCancelled extends Error {}

async function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return result.response;
}

export class ProjectWindows implements WindowOpener {
  private readonly windows = new Map<string, ProjectWindow>();
  private readonly opening = new Map<string, Promise<OpenProjectResult>>();
  private lastFocused: ProjectWindow | undefined;

  constructor(private readonly options: ProjectWindowsOptions) {}

  get count(): number {
    return this.windows.size;
  }

  /** The project window with the focus, else the one that had it last. */
  current(): ProjectWindow | undefined {
    const focused = BrowserWindow.getFocusedWindow();
    for (const entry of this.windows.values()) if (entry.window === focused) return entry;
    return this.lastFocused && this.windows.get(this.lastFocused.path) === this.lastFocused
      ? this.lastFocused
      : undefined;
  }

  /** Opens a project (the demo when `path` is undefined) in its own window, or focuses its window. */
  open(path: string | undefined): Promise<OpenProjectResult> {
    const canonical = canonicalProjectPath(path ?? defaultDemoPath());
    const existing = this.windows.get(canonical);
    if (existing) {
      this.focus(existing);
      void showMessage(existing.window, {
        type: 'info',
        message: `${basename(canonical)} is already open in this window.`,
        detail: 'drillbench opens each project in one window only, so two windows never edit the same file.',
      });
      return Promise.resolve({ path: canonical, alreadyOpen: true });
    }
    const pending = this.opening.get(canonical);
    if (pending) return pending.then((result) => ({ ...result, alreadyOpen: result.path !== null }));
    const opening = this.create(path === undefined ? undefined : canonical, canonical).finally(() =>
      this.opening.delete(canonical),
    );
    this.opening.set(canonical, opening);
    return opening;
  }

  /** At start-up, or on macOS when the dock icon is clicked with no window: the last project, else the demo. */
  async openStartup(): Promise<void> {
    const last = this.options.settings.settings.recentProjects.find((path) => existsSync(path));
    if (last && (await this.open(last)).path) return;
    await this.open(undefined);
  }

  /** Files from the OS (file association, command line, macOS open-file): projects open, data imports. */
  async openFromOs(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const hasDataFiles = paths.some((path) => !path.toLowerCase().endsWith('.drillbench'));
    if (hasDataFiles && !this.current()) await this.openStartup();
    const target = this.current();
    const shell = createElectronShell(target?.window ?? null, this);
    const result = await openFilesAction(shell, paths);
    if (result.refused.length > 0) {
      await showMessage(target?.window ?? null, {
        type: 'warning',
        message: 'Some files were not opened.',
        detail: result.refused.map((entry) => entry.reason).join('\n'),
      });
    }
  }

  showImport(window: BrowserWindow, paths: string[]): void {
    for (const entry of this.windows.values()) {
      if (entry.window !== window) continue;
      this.send(entry, { type: 'navigate', view: 'import', files: paths });
      this.focus(entry);
    }
  }

  /** Sends a window an event now, or once its page has loaded. */
  send(entry: ProjectWindow, event: DesktopEvent): void {
    if (entry.loaded && !entry.window.isDestroyed()) sendDesktopEvent(entry.window.webContents, event);
    else entry.queue.push(event);
  }

  focus(entry: ProjectWindow): void {
    if (entry.window.isMinimized()) entry.window.restore();
    entry.window.show();
    entry.window.focus();
  }

  private async openLocked(
    path: string | undefined,
    backups: string[],
    parent: BrowserWindow | null,
  ): Promise<LockedProject> {
    const open = (force: boolean) =>
      openLockedProjectOrDemo(path, {
        purpose: 'desktop',
        force,
        onBackup: (backup) => backups.push(backup),
        log: (text) => console.log(text),
      });
    try {
      return open(false);
    } catch (error) {
      // A holder on another machine cannot be checked from here: the user decides.
      if (!(error instanceof ProjectInUseError) || error.holderAlive || !error.holder) throw error;
      const answer = await showMessage(parent, {
        type: 'warning',
        message: error.message,
        detail:
          'Open it anyway only if drillbench is not running on that computer: two computers editing one file over a network share can damage it.',
        buttons: ['Cancel', 'Open Anyway'],
        cancelId: 0,
        defaultId: 0,
        noLink: true,
      });
      if (answer !== 1) throw new OpenCancelled();
      return open(true);
    }
  }

  private async create(path: string | undefined, canonical: string): Promise<OpenProjectResult> {
    const parent = this.current()?.window ?? null;
    const backups: string[] = [];
    let locked: LockedProject;
    try {
      locked = await this.openLocked(path, backups, parent);
    } catch (error) {
      if (error instanceof OpenCancelled) return { path: null, alreadyOpen: false };
      if (error instanceof StorageError && error.kind === 'not-found') {
        this.options.settings.update((settings) => withoutRecentProject(settings, canonical));
        this.options.onChange();
      }
      const result = toApiError(error);
      await showMessage(parent, {
        type: 'error',
        message: `drillbench could not open ${basename(canonical)}.`,
        detail: result.ok ? undefined : result.error.message,
      });
      return { path: null, alreadyOpen: false };
    }
    const { settings } = this.options.settings;
    const placement = placeWindow(
      settings.windows[canonical] ?? settings.lastWindow,
      [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea),
      [...this.windows.values()].map((entry) => entry.window.getBounds()),
    );
    const window = createSecureWindow(BrowserWindow, this.options.preloadPath, {
      x: placement.x,
      y: placement.y,
      width: placement.width,
      height: placement.height,
    });
    const entry: ProjectWindow = {
      path: canonical,
      window,
      session: openApiSession(locked.project, 'grid', osUserName(), createElectronShell(window, this)),
      loaded: false,
      queue: [],
    };
    const id = window.webContents.id;
    attachRouter(id, entry.session.router);
    this.windows.set(canonical, entry);
    window.setTitle(`${basename(canonical)} — drillbench`);
    if (process.platform === 'darwin') window.setRepresentedFilename(canonical);
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    window.webContents.on('did-finish-load', () => {
      entry.loaded = true;
      for (const event of entry.queue.splice(0)) sendDesktopEvent(window.webContents, event);
    });
    window.on('focus', () => {
      this.lastFocused = entry;
      this.options.onChange();
    });
    window.on('close', () => this.rememberBounds(entry));
    window.on('closed', () => {
      detachRouter(id);
      this.windows.delete(canonical);
      void entry.session.close().finally(() => locked.lock.release());
      this.options.onChange();
    });
    if (backups.length > 0) {
      this.send(entry, {
        type: 'notice',
        level: 'info',
        message: `This project was upgraded for this version of drillbench. The file as it was before is kept as ${backups.join(', ')}.`,
      });
    }
    this.options.settings.update((current) => withRecentProject(current, canonical));
    app.addRecentDocument(canonical);
    this.options.onChange();
    window.loadURL(this.options.rendererUrl).catch((error: Error) => {
      console.error(`drillbench could not load its page for ${canonical}: ${error.message}`);
    });
    return { path: canonical, alreadyOpen: false };
  }

  private rememberBounds(entry: ProjectWindow): void {
    const { window } = entry;
    const bounds = windowBoundsSchema.safeParse({
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    });
    if (bounds.success) {
      this.options.settings.update((settings) => withWindowBounds(settings, entry.path, bounds.data));
    }
  }
}
