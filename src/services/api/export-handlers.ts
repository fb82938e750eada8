// Handlers for exports: tables, grid views, the whole project and the Leapfrog/Datamine set as a job.
// (The intercept report is exported from its run: runs.export.) Without a path, the file goes to a temporary
// folder and is offered for download by id.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_TABLE_TITLES } from '../../domain/export/export-tables';
import { StorageError } from '../../storage/storage-error';
import { downloadName, exportFolder, registerDownload } from '../export/downloads';
import type { ExportJobParams } from '../export/export-job';
import type { ExportRequest } from '../export/project-export';
import type { HandlerGroup } from './handlers';

function refuseExisting(path: string, overwrite: boolean | undefined): void {
  if (!overwrite && existsSync(path))
    throw new StorageError(
      'exists',
      `${path} already exists. Choose another name, or confirm that it may be replaced.`,
    );
}

export const exportHandlers: HandlerGroup<'export.start'> = {
  'export.start': (input, context) => {
    const target = input.target;
    const what =
      target.kind === 'table'
        ? EXPORT_TABLE_TITLES[target.table]
        : target.kind === 'project'
          ? 'project'
          : 'leapfrog';
    const folderOutput = target.kind !== 'table' && input.format === 'csv';
    const name = downloadName(context.project.settings.name, what, folderOutput ? 'zip' : input.format);
    let path = input.path;
    let downloadId: string | null = null;
    if (path === undefined) {
      const base = join(exportFolder(), folderOutput ? name.replace(/\.zip$/, '') : name);
      path = base;
      downloadId = registerDownload(folderOutput ? `${base}.zip` : base, name);
    } else refuseExisting(path, input.overwrite);
    const request: ExportRequest = {
      target,
      format: input.format,
      path,
      assayValues: input.assayValues,
      dipConvention: input.dipConvention,
      zip: folderOutput && downloadId !== null,
    };
    const params: ExportJobParams = { request, name, downloadId };
    return context.jobs.start('export', params);
  },
};
