// The Electron main process: a thin shell. One instance per user (a second launch hands its files to the
// first), one window per project, the application menu, native dialogs and files from the OS. Projects
// are opened and served by project hosts (utility processes), so a long call never blocks a window.
// Everything with logic in it lives in modules that are tested without Electron.
import { app, dialog, ipcMain, Menu, session, shell, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseNewProjectAction, openProjectAction } from '../services/desktop/dialog-actions';
import type { HostAction } from '../services/host/host-protocol';
import { DesktopSettingsStore } from '../services/system/desktop-settings';
import { SQLITE_BINDING_ENV } from '../storage/sqlite-binding';
import { buildMenuTemplate } from './app-menu';
import { createElectronShell } from './electron-shell';
import { registerIpcTransport } from './ipc-transport';
import { isRendererUrl } from './renderer-origin';
import { filesFromArgv } from './launch-args';
import { guardWebContents, hardenSession } from './navigation-guard';
import { ProjectWindows, type ProjectWindow } from './project-windows';
import { startUtilityHost } from './utility-host';
import { RENDERER_CSP } from './window-options';

// The packaged app loads the better-sqlite3 rebuilt for it, never one named from outside.
if (app.isPackaged) delete process.env[SQLITE_BINDING_ENV];

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
/** The project host's entry, built beside this bundle (electron.vite.config.ts). */
const projectHostPath = join(import.meta.dirname, 'project-host.js');

/** Files macOS asked us to open before the app was ready. */
const pendingFiles: string[] = [];
let windows: ProjectWindows | undefined;

/** Failures here come from dialogs and windows (a project's own failures are its host's answers). */
function reportFailure(error: unknown): void {
  dialog.showErrorBox('drillbench', error instanceof Error ? error.message : String(error));
}

function run(action: () => Promise<unknown>): void {
  action().catch(reportFailure);
}

/** A menu item that works on the project: its host runs it and asks this process for the dialogs. */
async function runInHost(entry: ProjectWindow, action: HostAction): Promise<void> {
  const result = await entry.host.action(action);
  if (!result.ok) dialog.showErrorBox('drillbench', result.error.message);
}

function documentationFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'docs') : join(app.getAppPath(), 'docs');
}

function installMenu(projects: ProjectWindows, settings: DesktopSettingsStore): void {
  const shellOf = () => createElectronShell(projects.current()?.window ?? null, projects);
  const withProject = (action: (entry: ProjectWindow) => Promise<unknown>) =>
    run(async () => {
      const entry = projects.current();
      if (entry) await action(entry);
    });
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      hasProject: projects.current() !== undefined,
      recentProjects: settings.settings.recentProjects,
      isPackaged: app.isPackaged,
    },
    {
      // The dialogs here; the new project's own host creates the file under its lock.
      newProject: () =>
        run(async () => {
          const choice = await chooseNewProjectAction(shellOf(), {}, projects.current()?.path);
          if (choice) await projects.open(choice.path, choice.settings);
        }),
      openProject: () => run(() => openProjectAction(shellOf(), {}, projects.current()?.path)),
      openRecent: (path) => run(() => projects.open(path)),
      clearRecent: () => {
        settings.update((current) => ({ ...current, recentProjects: [] }));
        app.clearRecentDocuments();
        installMenu(projects, settings);
      },
      saveCopy: () => withProject((entry) => runInHost(entry, 'saveCopy')),
      backUp: () => withProject((entry) => runInHost(entry, 'backUp')),
      importData: () =>
        withProject(async (entry) => projects.send(entry, { type: 'navigate', view: 'import', files: [] })),
      exportData: () =>
        withProject(async (entry) => projects.send(entry, { type: 'navigate', view: 'export', files: [] })),
      openDocumentation: () =>
        run(async () => {
          const guide = join(documentationFolder(), 'desktop-app.md');
          const failure = await shell.openPath(existsSync(guide) ? guide : documentationFolder());
          if (failure) throw new Error(`The documentation could not be opened: ${failure}`);
        }),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function start(): void {
  app.enableSandbox();
  app.setAboutPanelOptions({
    applicationName: 'drillbench',
    applicationVersion: app.getVersion(),
    copyright: 'MIT licence',
    credits: 'Open-source workbench for exploration drill-hole data.',
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  // macOS sends files (Finder, dock, file association) as events, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (windows) run(() => windows!.openFromOs([path]));
    else pendingFiles.push(path);
  });

  // Windows and Linux start a second process for a file opened from the OS: it hands over and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, { isPackaged: app.isPackaged, cwd: workingDirectory });
    if (!windows) return;
    if (files.length > 0) run(() => windows!.openFromOs(files));
    else {
      const entry = windows.current();
      if (entry) windows.focus(entry);
      else run(() => windows!.openStartup());
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Each closing window's host finishes its call, closes the project and releases its lock first.
  app.on('will-quit', (event) => {
    if (!windows?.hostsClosing) return;
    event.preventDefault();
    void windows.hostsClosed().finally(() => app.quit());
  });

  // A utility process that crashed says why here (the window's message has its exit code only).
  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'Utility')
      console.error(
        `drillbench: ${details.name ?? 'a utility process'} is gone (${details.reason}, exit code ${details.exitCode}).`,
      );
  });

  app.on('activate', () => {
    if (windows && windows.count === 0) run(() => windows!.openStartup());
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, {
      csp: RENDERER_CSP,
      isOurPage: (url) => isRendererUrl(url, rendererUrl),
      devServerOrigin: devServerUrl ? new URL(devServerUrl).origin : null,
    });
    registerIpcTransport(ipcMain, rendererUrl);
    const settings = new DesktopSettingsStore(app.getPath('userData'), (error) =>
      console.error(`drillbench could not save its settings: ${error.message}`),
    );
    if (settings.problem)
      console.warn(`drillbench settings were damaged (${settings.problem}); kept what was valid.`);
    const projects: ProjectWindows = new ProjectWindows({
      rendererUrl,
      preloadPath,
      settings,
      onChange: () => installMenu(projects, settings),
      startHost: () => startUtilityHost(utilityProcess.fork, projectHostPath, 'drillbench project'),
    });
    windows = projects;
    installMenu(projects, settings);
    const files = [
      ...filesFromArgv(process.argv, { isPackaged: app.isPackaged, cwd: process.cwd() }),
      ...pendingFiles.splice(0),
    ];
    try {
      if (files.length > 0) await projects.openFromOs(files);
      if (projects.count === 0) await projects.openStartup();
    } catch (error) {
      reportFailure(error);
    }
    if (projects.count === 0 && process.platform !== 'darwin') app.quit();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
