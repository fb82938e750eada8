// What the desktop app's menu items and `app.*` calls do, written against the DesktopShell interface so
// every decision (names, extensions, refusals, what a drop opens) is tested under plain Node.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiParsedInput } from '../../api/contract';
import type {
  BackupResult,
  ChosenPath,
  ChosenPaths,
  OpenFilesResult,
  OpenProjectResult,
  SaveCopyResult,
} from '../../api/desktop-types';
import type { LengthUnit } from '../../domain/model';
import { closeProject, createProject, type Project } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import {
  backupProjectFile,
  copyProjectTo,
  timestampedBackupPath,
  withProjectExtension,
} from '../backup/project-backup';
import { classifyOpenedFile, DATA_FILE_FILTER, PROJECT_FILE_FILTER } from '../system/file-kinds';
import type { DesktopShell } from './desktop-shell';

const UNITS: { label: string; unit: LengthUnit }[] = [
  { label: 'Metres', unit: 'm' },
  { label: 'Feet', unit: 'ft' },
];

function stemOf(path: string): string {
  return basename(path, extname(path));
}

/** File > New Project: a save dialog for the new file, the length unit if not given, then its window. */
export async function newProjectAction(
  shell: DesktopShell,
  input: ApiParsedInput<'app.newProject'>,
  osUser: string,
  nearProject?: string,
): Promise<OpenProjectResult> {
  const chosen = await shell.chooseSavePath({
    title: 'New drillbench project',
    defaultPath: nearProject
      ? join(dirname(nearProject), 'New project.drillbench')
      : 'New project.drillbench',
    filters: [PROJECT_FILE_FILTER],
  });
  if (!chosen) return { path: null, alreadyOpen: false };
  const path = withProjectExtension(chosen);
  if (existsSync(path)) {
    throw new StorageError(
      'exists',
      `${path} already exists. A new project never replaces a file: choose another name, or open the existing project.`,
    );
  }
  let unit = input.length_unit;
  if (!unit) {
    const answer = await shell.ask({
      message: 'Depths and coordinates in this project are in:',
      detail: 'This cannot be changed later; imports in the other unit are converted.',
      buttons: [...UNITS.map((choice) => choice.label), 'Cancel'],
      cancelId: UNITS.length,
    });
    unit = UNITS[answer]?.unit;
    if (!unit) return { path: null, alreadyOpen: false };
  }
  const project = createProject(
    path,
    {
      name: input.name ?? stemOf(path),
      length_unit: unit,
      dip_convention: input.dip_convention ?? 'negative-down',
      coordinate_system: input.coordinate_system ?? null,
    },
    osUser,
  );
  closeProject(project);
  return shell.openProjectWindow(path);
}

/** File > Open Project: the given path, or one chosen in an open dialog. */
export async function openProjectAction(
  shell: DesktopShell,
  input: ApiParsedInput<'app.openProject'>,
  nearProject?: string,
): Promise<OpenProjectResult> {
  const path =
    input.path ??
    (
      await shell.chooseOpenPaths({
        title: 'Open drillbench project',
        filters: [PROJECT_FILE_FILTER],
        multiple: false,
        defaultPath: nearProject ? dirname(nearProject) : undefined,
      })
    )[0];
  if (!path) return { path: null, alreadyOpen: false };
  return shell.openProjectWindow(path);
}

/** Files dropped on a window or opened from the OS: projects get windows, data files go to import. */
export async function openFilesAction(
  shell: DesktopShell,
  paths: readonly string[],
): Promise<OpenFilesResult> {
  const result: OpenFilesResult = { projects: [], importFiles: [], refused: [] };
  for (const path of paths) {
    const kind = classifyOpenedFile(path);
    if (kind === 'project') result.projects.push(await shell.openProjectWindow(path));
    else if (kind === 'data') result.importFiles.push(path);
    else
      result.refused.push({
        path,
        reason: `drillbench opens projects (${PROJECT_FILE_FILTER.extensions.map((e) => `.${e}`).join(', ')}) and imports ${DATA_FILE_FILTER.extensions.map((e) => `.${e}`).join(', ')} files; ${basename(path)} is neither.`,
      });
  }
  if (result.importFiles.length > 0) shell.showImport(result.importFiles);
  return result;
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

export async function chooseImportFilesAction(shell: DesktopShell, multiple: boolean): Promise<ChosenPaths> {
  const paths = await shell.chooseOpenPaths({
    title: 'Choose files to import',
    filters: [DATA_FILE_FILTER, { name: 'All files', extensions: ['*'] }],
    multiple,
  });
  return { paths };
}

export async function chooseExportFileAction(
  shell: DesktopShell,
  input: ApiParsedInput<'app.chooseExportFile'>,
): Promise<ChosenPath> {
  const extension = `.${input.format}`;
  const name = input.suggestedName.toLowerCase().endsWith(extension)
    ? input.suggestedName
    : `${input.suggestedName}${extension}`;
  const chosen = await shell.chooseSavePath({
    title: 'Export to',
    defaultPath: name,
    filters: [{ name: input.format === 'csv' ? 'CSV files' : 'Excel workbooks', extensions: [input.format] }],
  });
  if (!chosen) return { path: null };
  if (chosen.toLowerCase().endsWith(extension)) return { path: chosen };
  const path = `${chosen}${extension}`;
  if (existsSync(path)) {
    const answer = await shell.ask({
      message: `${basename(path)} already exists. Replace it?`,
      buttons: ['Replace', 'Cancel'],
      cancelId: 1,
    });
    if (answer !== 0) return { path: null };
  }
  return { path };
}

export async function chooseExportFolderAction(shell: DesktopShell): Promise<ChosenPath> {
  return { path: await shell.chooseFolder({ title: 'Export the files into this folder' }) };
}
