// Handlers of the desktop app's calls. `project.backup` works over every transport; the `app.*` calls
// need the window's DesktopShell and refuse clearly where there is none (the browser host, the CLI).
import type { ApiMethod } from '../../api/methods';
import { backupProjectFile } from '../backup/project-backup';
import { newProjectAction, saveCopyAction } from '../desktop/desktop-actions';
import {
  chooseExportFileAction,
  chooseExportFolderAction,
  chooseImportFilesAction,
  openFilesAction,
  openProjectAction,
} from '../desktop/dialog-actions';
import { DesktopUnavailableError, type DesktopShell } from '../desktop/desktop-shell';
import type { ApiContext } from './api-context';
import type { HandlerGroup } from './handlers';

function shellFor(context: ApiContext, method: ApiMethod): DesktopShell {
  if (!context.desktop) throw new DesktopUnavailableError(method);
  return context.desktop;
}

export const desktopHandlers: HandlerGroup<
  | 'project.backup'
  | 'app.newProject'
  | 'app.openProject'
  | 'app.openFiles'
  | 'app.saveCopy'
  | 'app.chooseImportFiles'
  | 'app.chooseExportFile'
  | 'app.chooseExportFolder'
> = {
  'project.backup': (input, context) => backupProjectFile(context.project, input.destination),
  'app.newProject': (input, context) =>
    newProjectAction(shellFor(context, 'app.newProject'), input, context.osUser, context.project.path),
  'app.openProject': (input, context) =>
    openProjectAction(shellFor(context, 'app.openProject'), input, context.project.path),
  'app.openFiles': (input, context) => openFilesAction(shellFor(context, 'app.openFiles'), input.paths),
  'app.saveCopy': (_input, context) => saveCopyAction(shellFor(context, 'app.saveCopy'), context.project),
  'app.chooseImportFiles': (input, context) =>
    chooseImportFilesAction(shellFor(context, 'app.chooseImportFiles'), input.multiple),
  'app.chooseExportFile': (input, context) =>
    chooseExportFileAction(shellFor(context, 'app.chooseExportFile'), input),
  'app.chooseExportFolder': (_input, context) =>
    chooseExportFolderAction(shellFor(context, 'app.chooseExportFolder')),
};
