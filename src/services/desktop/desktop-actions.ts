// What the desktop app's menu items and `app.*` calls do to a project file (create it, copy it, back
// it up), written against the DesktopShell interface so they are tested under plain Node. They run in
// the project host; the dialogs they need are asked of the main process.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ApiParsedInput } from '../../api/contract';
import type { BackupResult, OpenProjectResult, SaveCopyResult } from '../../api/desktop-types';
import { closeProject, createProject, type Project } from '../../storage/project-db';
import { backupProjectFile, copyProjectTo, timestampedBackupPath } from '../backup/project-backup';
import { PROJECT_FILE_FILTER, withProjectExtension } from '../system/file-kinds';
import { chooseNewProjectAction, stemOf } from './dialog-actions';
import type { DesktopShell } from './desktop-shell';

/** File > New Project from a window (`app.newProject`): the dialogs, the new file, then its window. */
export async function newProjectAction(
  shell: DesktopShell,
  input: ApiParsedInput<'app.newProject'>,
  osUser: string,
  nearProject?: string,
): Promise<OpenProjectResult> {
  const choice = await chooseNewProjectAction(shell, input, nearProject);
  if (!choice) return { path: null, alreadyOpen: false };
  closeProject(createProject(choice.path, choice.settings, osUser));
  return shell.openProjectWindow(choice.path);
}

/** File > Save a Copy: a consistent copy under a new name; the window keeps editing the original. */
export async function saveCopyAction(shell: DesktopShell, project: Project): Promise<SaveCopyResult> {
  const chosen = await shell.chooseSavePath({
    title: 'Save a copy of the project',
    defaultPath: join(dirname(project.path), `${stemOf(project.path)} copy.drillbench`),
    filters: [PROJECT_FILE_FILTER],
  });
  if (!chosen) return { path: null, bytes: 0 };
  const path = withProjectExtension(chosen);
  // The dialog confirmed replacing `chosen`; a name we completed with the extension was never shown.
  let replace = path === chosen;
  if (!replace && existsSync(path)) {
    const answer = await shell.ask({
      message: `${basename(path)} already exists. Replace it?`,
      buttons: ['Replace', 'Cancel'],
      cancelId: 1,
    });
    if (answer !== 0) return { path: null, bytes: 0 };
    replace = true;
  }
  return copyProjectTo(project, path, replace);
}

/** File > Back Up Project: a timestamped copy beside the project, in a folder the user may change. */
export async function backupWithDialogAction(
  shell: DesktopShell,
  project: Project,
): Promise<BackupResult | null> {
  const chosen = await shell.chooseSavePath({
    title: 'Back up the project',
    defaultPath: timestampedBackupPath(project.path),
    filters: [PROJECT_FILE_FILTER],
  });
  if (!chosen) return null;
  const backup = backupProjectFile(project, withProjectExtension(chosen));
  const answer = await shell.ask({
    message: `Backed up to ${basename(backup.path)}`,
    detail: `${backup.path}\n${(backup.bytes / 1048576).toFixed(1)} MB. To restore it, open this file (or copy it over the project while drillbench is closed).`,
    buttons: ['OK', 'Show in Folder'],
    cancelId: 0,
  });
  if (answer === 1) shell.revealInFolder(backup.path);
  return backup;
}
