// One window per project: opening a project that is open already brings its window forward (with a
// message) instead of opening it twice. Each window's project is open in a project host of its own (a
// utility process that holds the project's lock and runs its API calls, so the windows never wait on
// SQLite); a host that stops is reported in its window, which can reopen the project. Windows remember
// their bounds; events for a window wait until its page has loaded.
import { app, BrowserWindow, dialog, screen, type MessageBoxOptions } from 'electron';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DesktopEvent, OpenProjectResult } from '../api/desktop-types';
import type { ApiError } from '../api/result';
import { openFilesAction } from '../services/desktop/dialog-actions';
import {
  hostStoppedMessage,
  type HostExit,
  type OpenedProject,
  type OpenRequest,
} from '../services/host/host-protocol';
import { ProjectHostClient, type HostProcess } from '../services/host/project-host-client';
import { defaultDemoPath, osUserName } from '../services/system/app-paths';
import {
  windowBoundsSchema,
  withoutRecentProject,
  withRecentProject,
  withWindowBounds,
  type DesktopSettingsStore,
} from '../services/system/desktop-settings';
import { canonicalProjectPath } from '../services/system/project-lock';
import { createElectronShell, type WindowOpener } from './electron-shell';
import { attachRouter, detachRouter, sendDesktopEvent } from './ipc-transport';
import { createSecureWindow } from './window-options';
import { placeWindow } from './window-placement';

export interface ProjectWindow {
  path: string;
  window: BrowserWindow;
  /** The project's host; replaced when the user reopens a project whose host stopped. */
  host: ProjectHostClient;
  loaded: boolean;
  queue: DesktopEvent[];
}

export interface ProjectWindowsOptions {
  rendererUrl: string;
  preloadPath: string;
  settings: DesktopSettingsStore;
  /** Called when windows open, close or change focus, and when the recent list changes (menu upkeep). */
  onChange(): void;
  /** Starts a project host process (a utility process in the app). */
  startHost(): HostProcess;
}

class OpenCancelled extends Error {}

/** A project its host could not open, with the API error that says why. */
class OpenFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

async function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return result.response;
}

export class ProjectWindows implements WindowOpener {
  private readonly windows = new Map<string, ProjectWindow>();
  private readonly opening = new Map<string, Promise<OpenProjectResult>>();
  private readonly closing = new Set<Promise<void>>();
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

  /**
   * Opens a project (the demo when `path` is undefined) in its own window, or focuses its window. With
   * `create`, the project's host first creates the file (File > New Project).
   */
  open(path: string | undefined, create?: OpenRequest['create']): Promise<OpenProjectResult> {
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
    const opening = this.create(path === undefined ? undefined : canonical, canonical, create).finally(() =>
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

  /**
   * Starts a host and opens the project in it. A lock left by another computer is taken over only when
   * the user says so; the host is closed again when the project does not open.
   */
  private async startProject(
    path: string | undefined,
    parent: BrowserWindow | null,
    onStopped: (exit: HostExit) => void,
    create?: OpenRequest['create'],
  ): Promise<{ host: ProjectHostClient; opened: OpenedProject }> {
    const host = new ProjectHostClient(this.options.startHost(), { onStopped });
    const request: OpenRequest = {
      path,
      create,
      purpose: 'desktop',
      force: false,
      source: 'grid',
      osUser: osUserName(),
      desktop: true,
    };
    try {
      let outcome = await host.open(request);
      // A holder on another machine cannot be checked from here: the user decides.
      if (!outcome.ok && outcome.inUse?.holderKnown && !outcome.inUse.holderAlive) {
        const answer = await showMessage(parent, {
          type: 'warning',
          message: outcome.error.message,
          detail:
            'Open it anyway only if drillbench is not running on that computer: two computers editing one file over a network share can damage it.',
          buttons: ['Cancel', 'Open Anyway'],
          cancelId: 0,
          defaultId: 0,
          noLink: true,
        });
        if (answer !== 1) throw new OpenCancelled();
        outcome = await host.open({ ...request, force: true });
      }
      if (!outcome.ok) throw new OpenFailed(outcome.error);
      return { host, opened: outcome.project };
    } catch (error) {
      await host.close();
      throw error;
    }
  }

  private async create(
    path: string | undefined,
    canonical: string,
    create: OpenRequest['create'],
  ): Promise<OpenProjectResult> {
    const parent = this.current()?.window ?? null;
    // The window comes after the host: a host that stops before it is reported by the open that fails.
    const opened: { entry?: ProjectWindow } = {};
    let started: { host: ProjectHostClient; opened: OpenedProject };
    try {
      started = await this.startProject(
        path,
        parent,
        (exit) => {
          if (opened.entry) void this.hostStopped(opened.entry, exit);
        },
        create,
      );
    } catch (error) {
      if (error instanceof OpenCancelled) return { path: null, alreadyOpen: false };
      if (error instanceof OpenFailed && error.error.code === 'not-found') {
        this.options.settings.update((settings) => withoutRecentProject(settings, canonical));
        this.options.onChange();
      }
      await showMessage(parent, {
        type: 'error',
        message: `drillbench could not open ${basename(canonical)}.`,
        detail: error instanceof Error ? error.message : String(error),
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
    const created: ProjectWindow = { path: canonical, window, host: started.host, loaded: false, queue: [] };
    opened.entry = created;
    created.host.desktop = createElectronShell(window, this);
    const id = window.webContents.id;
    attachRouter(id, created.host.router);
    this.windows.set(canonical, created);
    window.setTitle(`${basename(canonical)} — drillbench`);
    if (process.platform === 'darwin') window.setRepresentedFilename(canonical);
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    window.webContents.on('did-finish-load', () => {
      created.loaded = true;
      for (const event of created.queue.splice(0)) sendDesktopEvent(window.webContents, event);
    });
    window.on('focus', () => {
      this.lastFocused = created;
      this.options.onChange();
    });
    window.on('close', () => this.rememberBounds(created));
    window.on('closed', () => {
      detachRouter(id);
      this.windows.delete(canonical);
      this.stopHost(created.host);
      this.options.onChange();
    });
    const { backups } = started.opened;
    if (backups.length > 0) {
      this.send(created, {
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

  /** The host of a window stopped by itself: say so in the window, and reopen the project if asked. */
  private async hostStopped(entry: ProjectWindow, exit: HostExit): Promise<void> {
    console.error(`drillbench: the project host for ${entry.path} stopped: ${hostStoppedMessage(exit)}`);
    if (entry.window.isDestroyed()) return;
    const answer = await showMessage(entry.window, {
      type: 'error',
      message: `drillbench stopped working on ${basename(entry.path)}.`,
      detail: hostStoppedMessage(exit),
      buttons: ['Reopen', 'Close Window'],
      cancelId: 1,
      defaultId: 0,
      noLink: true,
    });
    if (entry.window.isDestroyed()) return;
    if (answer !== 0) {
      entry.window.close();
      return;
    }
    try {
      // The lock names the host that died; on this machine it is recognised as stale and taken over.
      const { host } = await this.startProject(entry.path, entry.window, (next) => {
        void this.hostStopped(entry, next);
      });
      if (entry.window.isDestroyed()) {
        this.stopHost(host);
        return;
      }
      host.desktop = createElectronShell(entry.window, this);
      entry.host = host;
      attachRouter(entry.window.webContents.id, host.router);
      entry.loaded = false;
      entry.window.webContents.reload();
    } catch (error) {
      if (entry.window.isDestroyed()) return;
      if (!(error instanceof OpenCancelled))
        await showMessage(entry.window, {
          type: 'error',
          message: `drillbench could not reopen ${basename(entry.path)}.`,
          detail: error instanceof Error ? error.message : String(error),
        });
      entry.window.close();
    }
  }

  /** Closes a host in the background; the app waits for every one before it quits. */
  private stopHost(host: ProjectHostClient): void {
    const closing = host.close().then(
      () => undefined,
      (error: unknown) => console.error(`drillbench could not close a project host: ${String(error)}`),
    );
    this.closing.add(closing);
    void closing.finally(() => this.closing.delete(closing));
  }

  /** Resolves once every host that was closing has closed its project (the lock released). */
  async hostsClosed(): Promise<void> {
    while (this.closing.size > 0) await Promise.all([...this.closing]);
  }

  get hostsClosing(): boolean {
    return this.closing.size > 0;
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
