// The application menu on each platform: the File items and their shortcuts, the project's own items
// disabled without a project, Open Recent, the macOS app menu, and the role-based Edit menu.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuState } from '../../src/main/app-menu';

function actionsRecorder() {
  const called: string[] = [];
  const actions: MenuActions = {
    newProject: () => called.push('new'),
    openProject: () => called.push('open'),
    openRecent: (path) => called.push(`recent:${path}`),
    clearRecent: () => called.push('clear'),
    saveCopy: () => called.push('copy'),
    backUp: () => called.push('backup'),
    importData: () => called.push('import'),
    exportData: () => called.push('export'),
    openDocumentation: () => called.push('docs'),
  };
  return { actions, called };
}

const state = (overrides: Partial<MenuState> = {}): MenuState => ({
  platform: 'linux',
  hasProject: true,
  recentProjects: ['/data/camp.drillbench', '/other/R&D camp.drillbench'],
  isPackaged: true,
  ...overrides,
});

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return (menu.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = menu.find((item) => item.label?.replace(/&(&?)/g, '$1') === label || item.role === label);
  if (!found)
    throw new Error(`no menu item ${label}: ${menu.map((item) => item.label ?? item.role).join(', ')}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('on Windows and Linux', () => {
  const { actions, called } = actionsRecorder();
  const menu = buildMenuTemplate(state(), actions);

  it('has File, Edit, View, Window and Help with mnemonics', () => {
    expect(menu.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('has every File item with its shortcut, in order, ending with Quit', () => {
    const file = items(find(menu, 'File'));
    const labelled = file
      .filter((item) => item.type !== 'separator')
      .map((item) => [item.label?.replace(/&/g, ''), item.accelerator ?? item.role ?? '']);
    expect(labelled).toEqual([
      ['New Project...', 'CmdOrCtrl+N'],
      ['Open Project...', 'CmdOrCtrl+O'],
      ['Open Recent', ''],
      ['Save a Copy...', 'CmdOrCtrl+Shift+S'],
      ['Back Up Project...', ''],
      ['Import...', 'CmdOrCtrl+I'],
      ['Export...', 'CmdOrCtrl+E'],
      ['Close Window', 'close'],
      ['Quit', 'quit'],
    ]);
    for (const [label, action] of [
      ['New Project...', 'new'],
      ['Open Project...', 'open'],
      ['Save a Copy...', 'copy'],
      ['Back Up Project...', 'backup'],
      ['Import...', 'import'],
      ['Export...', 'export'],
    ] as const) {
      click(find(file, label));
      expect(called.at(-1)).toBe(action);
    }
  });

  it('lists recent projects with their full paths, escaping & so it is not a mnemonic', () => {
    const recent = items(find(items(find(menu, 'File')), 'Open Recent'));
    expect(recent[0]?.label).toBe('&1 camp.drillbench  —  /data/camp.drillbench');
    expect(recent[1]?.label).toBe('&2 R&&D camp.drillbench  —  /other/R&&D camp.drillbench');
    click(recent[1] as MenuItemConstructorOptions);
    expect(called.at(-1)).toBe('recent:/other/R&D camp.drillbench');
    click(find(recent, 'Clear Recent'));
    expect(called.at(-1)).toBe('clear');
  });

  it('uses roles for Edit and the window so each platform gets its own shortcuts', () => {
    expect(find(menu, 'Edit').role).toBe('editMenu');
    expect(find(menu, 'Window').role).toBe('windowMenu');
    const view = items(find(menu, 'View'))
      .map((item) => item.role)
      .filter(Boolean);
    expect(view).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has documentation (F1) and About in Help', () => {
    const help = items(find(menu, 'Help'));
    const docs = find(help, 'drillbench Documentation');
    expect(docs.accelerator).toBe('F1');
    click(docs);
    expect(called.at(-1)).toBe('docs');
    expect(find(help, 'About drillbench').role).toBe('about');
  });
});

describe('without a project window', () => {
  it('disables the project items and keeps New, Open and Open Recent', () => {
    const file = items(
      buildMenuTemplate(
        state({ hasProject: false, recentProjects: [] }),
        actionsRecorder().actions,
      )[0] as MenuItemConstructorOptions,
    );
    for (const label of ['Save a Copy...', 'Back Up Project...', 'Import...', 'Export...'])
      expect(find(file, label).enabled, label).toBe(false);
    for (const label of ['New Project...', 'Open Project...'])
      expect(find(file, label).enabled, label).not.toBe(false);
    const recent = items(find(file, 'Open Recent'));
    expect(recent[0]).toMatchObject({ label: 'No recent projects', enabled: false });
    expect(find(recent, 'Clear Recent').enabled).toBe(false);
  });
});

describe('on macOS', () => {
  const menu = buildMenuTemplate(state({ platform: 'darwin' }), actionsRecorder().actions);

  it('starts with the app menu (About, Hide, Quit) and keeps Quit out of File', () => {
    expect(menu[0]?.role).toBe('appMenu');
    const file = items(find(menu, 'File'));
    expect(file.some((item) => item.role === 'quit')).toBe(false);
    expect(items(find(menu, 'Help')).some((item) => item.role === 'about')).toBe(false);
  });

  it('shows no mnemonic ampersands, but keeps a literal & in a path', () => {
    expect(menu.slice(1).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const recent = items(find(items(find(menu, 'File')), 'Open Recent'));
    expect(recent[1]?.label).toBe('2 R&D camp.drillbench  —  /other/R&D camp.drillbench');
    expect(find(items(find(menu, 'Help')), 'drillbench Documentation').accelerator).toBeUndefined();
  });
});

describe('development builds', () => {
  it('add the developer tools to View', () => {
    const view = items(
      buildMenuTemplate(
        state({ isPackaged: false }),
        actionsRecorder().actions,
      )[2] as MenuItemConstructorOptions,
    );
    expect(view.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
