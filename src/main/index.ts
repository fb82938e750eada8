// The Electron main process: a thin shell. One instance per user (a second launch hands its files to the
// first), one window per project, the application menu, and files from the OS. Everything with logic in
// it lives in modules that are tested without Electron.
import { app, dialog, ipcMain, Menu, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toApiError } from '../services/api/error-mapping';
import {
  backupWithDialogAction,
  newProjectAction,
  openProjectAction,
  saveCopyAction,
} from '../services/desktop/desktop-actions';
import { osUserName } from '../services/system/app-paths';
import { DesktopSettingsStore } from '../services/system/desktop-settings';
import { SQLITE_BINDING_ENV } from '../storage/sqlite-binding';
import { buildMenuTemplate } from './app-menu';
import { createElectronShell } from './electron-shell';
import { registerIpcTransport } from './ipc-transport';
import { isRendererUrl } from './renderer-origin';
import { filesFromArgv } from './launch-args';
import { guardWebContents, hardenSession } from './navigation-guard';
import { ProjectWindows } from './project-windows';
import { RENDERER_CSP } from './window-options';

// The packaged app loads the better-sqlite3 rebuilt for it, never one named from outside.
if (app.isPackaged) delete process.env[SQLITE_BINDING_ENV];

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

/** Files macOS asked us to open before the app was ready. */
const pendingFiles: string[] = [];
let windows: ProjectWindows | undefined;

function reportFailure(error: unknown): void {
  const result = toApiError(error);
  dialog.showErrorBox('drillbench', result.ok ? String(error) : result.error.message);
}

function run(action: () => Promise<unknown>): void {
  action().catch(reportFailure);
}

function documentationFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'docs') : join(app.getAppPath(), 'docs');
}

function installMenu(projects: ProjectWindows, settings: DesktopSettingsStore): void {
  const shellOf = () => createElectronShell(projects.current()?.window ?? null, projects);
  const withProject = (
    action: (entry: NonNullable<ReturnType<ProjectWindows['current']>>) => Promise<unknown>,
  ) =>
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
      newProject: () => run(() => newProjectAction(shellOf(), {}, osUserName(), projects.current()?.path)),
      openProject: () => run(() => openProjectAction(shellOf(), {}, projects.current()?.path)),
      openRecent: (path) => run(() => projects.open(path)),
      clearRecent: () => {
        settings.update((current) => ({ ...current, recentProjects: [] }));
        app.clearRecentDocuments();
        installMenu(projects, settings);
      },
      saveCopy: () => withProject((entry) => saveCopyAction(shellOf(), entry.session.project)),
      backUp: () => withProject((entry) => backupWithDialogAction(shellOf(), entry.session.project)),
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
    const projects = new ProjectWindows({
      rendererUrl,
      preloadPath,
      settings,
      onChange: () => installMenu(projects, settings),
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
