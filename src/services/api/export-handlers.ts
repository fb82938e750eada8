// Handlers for exports: tables, grid views, the whole project and the Leapfrog/Datamine set as a job;
// the intercept report straight away (it is small). Without a path, the file goes to a temporary
// folder and is offered for download by id.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportResult } from '../../api/export-types';
import { EXPORT_TABLE_TITLES } from '../../domain/export/export-tables';
import { StorageError } from '../../storage/storage-error';
import { downloadName, exportFolder, registerDownload } from '../export/downloads';
import type { ExportJobParams } from '../export/export-job';
import { writeInterceptReportCsv, writeInterceptReportXlsx } from '../export/intercept-report-export';
import type { ExportRequest } from '../export/project-export';
import type { HandlerGroup } from './handlers';

function refuseExisting(path: string, overwrite: boolean | undefined): void {
  if (!overwrite && existsSync(path))
    throw new StorageError(
      'exists',
      `${path} already exists. Choose another name, or confirm that it may be replaced.`,
    );
}

export const exportHandlers: HandlerGroup<'export.start' | 'export.interceptReport'> = {
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
  'export.interceptReport': async (input, context): Promise<ExportResult> => {
    const name = downloadName(context.project.settings.name, input.title, input.format);
    let path = input.path;
    let downloadId: string | null = null;
    if (path === undefined) {
      path = join(exportFolder(), name);
      downloadId = registerDownload(path, name);
    } else refuseExisting(path, input.overwrite);
    const bytes =
      input.format === 'xlsx'
        ? await writeInterceptReportXlsx(path, input)
        : writeInterceptReportCsv(path, input);
    return {
      path,
      name,
      format: input.format,
      files: [path],
      rows: { intercepts: input.table.rows.length },
      bytes,
      notes: [],
      downloadId,
    };
  },
};
