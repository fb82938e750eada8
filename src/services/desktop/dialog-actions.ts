// What the desktop app's dialogs decide, written against the DesktopShell interface so every decision
// (names, extensions, refusals, what a drop opens) is tested under plain Node. Nothing here opens a
// project file: the Electron main process uses these, and leaves SQLite to the project hosts.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiParsedInput } from '../../api/contract';
import type { ChosenPath, ChosenPaths, OpenFilesResult, OpenProjectResult } from '../../api/desktop-types';
import type { LengthUnit } from '../../domain/model';
import type { NewProjectSettings } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import {
  classifyOpenedFile,
  DATA_FILE_FILTER,
  PROJECT_FILE_FILTER,
  withProjectExtension,
} from '../system/file-kinds';
import type { DesktopShell } from './desktop-shell';

const UNITS: { label: string; unit: LengthUnit }[] = [
  { label: 'Metres', unit: 'm' },
  { label: 'Feet', unit: 'ft' },
];

export function stemOf(path: string): string {
  return basename(path, extname(path));
}

/** A new project the user chose: its file (not there yet) and its settings. */
export interface NewProjectChoice {
  path: string;
  settings: NewProjectSettings;
}

/** File > New Project, the dialogs: a save dialog for the new file, then the length unit if not given. */
export async function chooseNewProjectAction(
  shell: DesktopShell,
  input: ApiParsedInput<'app.newProject'>,
  nearProject?: string,
): Promise<NewProjectChoice | null> {
  const chosen = await shell.chooseSavePath({
    title: 'New drillbench project',
    defaultPath: nearProject
      ? join(dirname(nearProject), 'New project.drillbench')
      : 'New project.drillbench',
    filters: [PROJECT_FILE_FILTER],
  });
  if (!chosen) return null;
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
    if (!unit) return null;
  }
  return {
    path,
    settings: {
      name: input.name ?? stemOf(path),
      length_unit: unit,
      dip_convention: input.dip_convention ?? 'negative-down',
      coordinate_system: input.coordinate_system ?? null,
    },
  };
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
