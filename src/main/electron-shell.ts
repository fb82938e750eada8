// The DesktopShell of one window: Electron's native dialogs parented to the window (or free-standing
// when no window has the focus, as on macOS with every window closed).
import { dialog, shell as electronShell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { OpenProjectResult } from '../api/desktop-types';
import type { DesktopShell } from '../services/desktop/desktop-shell';

export interface WindowOpener {
  open(path: string): Promise<OpenProjectResult>;
  showImport(window: BrowserWindow, paths: string[]): void;
}

export function createElectronShell(window: BrowserWindow | null, windows: WindowOpener): DesktopShell {
  const openDialog = (options: OpenDialogOptions) =>
    window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  return {
    async chooseOpenPaths({ title, filters, multiple, defaultPath }) {
      const result = await openDialog({
        title,
        filters,
        defaultPath,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath({ title, defaultPath, filters }) {
      const options = {
        title,
        defaultPath,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title, defaultPath }) {
      const result = await openDialog({
        title,
        defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async ask({ message, detail, buttons, cancelId }) {
      const options = {
        type: 'question' as const,
        message,
        detail,
        buttons,
        cancelId,
        defaultId: 0,
        noLink: true,
      };
      const result = window
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
      return result.response;
    },
    openProjectWindow: (path) => windows.open(path),
    showImport(paths) {
      if (window) windows.showImport(window, paths);
    },
    revealInFolder(path) {
      electronShell.showItemInFolder(path);
    },
  };
}
