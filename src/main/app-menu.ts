// The application menu as data: File, Edit, View, Window and Help with each platform's shortcuts (and
// the macOS app menu), built from the app's state so a test can read it without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';

export interface MenuState {
  platform: NodeJS.Platform;
  /** A project window has the focus: the project's own items are enabled. */
  hasProject: boolean;
  recentProjects: readonly string[];
  /** Development builds get the developer tools. */
  isPackaged: boolean;
}

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveCopy(): void;
  backUp(): void;
  importData(): void;
  exportData(): void;
  openDocumentation(): void;
}

/** Windows and Linux underline the letter after `&` (Alt shortcuts); macOS has no mnemonics. */
function labeller(platform: NodeJS.Platform): (text: string) => string {
  return platform === 'darwin' ? (text) => text.replace(/&(&?)/g, '$1') : (text) => text;
}

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const label = labeller(state.platform);
  const items: MenuItemConstructorOptions[] = state.recentProjects.map((path, index) => ({
    // Mnemonics 1-9 for the first nine; the full path shown so two camp.drillbench files differ.
    label: label(
      `${index < 9 ? `&${index + 1} ` : ''}${basename(path).replace(/&/g, '&&')}  —  ${path.replace(/&/g, '&&')}`,
    ),
    click: () => actions.openRecent(path),
  }));
  if (items.length === 0) items.push({ label: 'No recent projects', enabled: false });
  items.push(
    { type: 'separator' },
    { label: 'Clear Recent', enabled: state.recentProjects.length > 0, click: () => actions.clearRecent() },
  );
  return items;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const label = labeller(state.platform);
  const file: MenuItemConstructorOptions = {
    label: label('&File'),
    submenu: [
      { label: label('&New Project...'), accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: label('&Open Project...'), accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: label('Open &Recent'), submenu: recentItems(state, actions) },
      { type: 'separator' },
      {
        label: label('Save a &Copy...'),
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: state.hasProject,
        click: () => actions.saveCopy(),
      },
      { label: label('&Back Up Project...'), enabled: state.hasProject, click: () => actions.backUp() },
      { type: 'separator' },
      {
        label: label('&Import...'),
        accelerator: 'CmdOrCtrl+I',
        enabled: state.hasProject,
        click: () => actions.importData(),
      },
      {
        label: label('&Export...'),
        accelerator: 'CmdOrCtrl+E',
        enabled: state.hasProject,
        click: () => actions.exportData(),
      },
      { type: 'separator' },
      { role: 'close', label: label('C&lose Window') },
      // On macOS, Quit lives in the app menu.
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: label('&Quit') } as const]),
    ],
  };
  // Roles give each platform its own shortcuts (Ctrl+Y or Cmd+Shift+Z for redo, and so on) and route
  // the commands to the focused editor or grid.
  const edit: MenuItemConstructorOptions = { role: 'editMenu', label: label('&Edit') };
  const view: MenuItemConstructorOptions = {
    label: label('&View'),
    submenu: [
      { role: 'reload' },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu', label: label('&Window') };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: label('&Help'),
    submenu: [
      {
        label: label('drillbench &Documentation'),
        accelerator: mac ? undefined : 'F1',
        click: () => actions.openDocumentation(),
      },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { role: 'about', label: label('&About drillbench') } as const]),
    ],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, window, help];
}
