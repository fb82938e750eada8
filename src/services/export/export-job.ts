// Exports as a background job: rows stream from the worker's own connection to the file with progress
// and Cancel; a cancelled or failed export leaves no partial file behind.
import type { ExportResult } from '../../api/export-types';
import { closeProject, openProject, spillTemporaryDataToDisk } from '../../storage/project-db';
import { registerJob } from '../jobs/job-registry';
import { JobCancelled } from '../jobs/job-types';
import { ExportCancelled, runExport, type ExportRequest } from './project-export';

export interface ExportJobParams {
  request: ExportRequest;
  name: string;
  downloadId: string | null;
}

registerJob('export', async (params, context): Promise<ExportResult> => {
  const { request, name, downloadId } = params as ExportJobParams;
  const project = openProject(context.projectPath);
  // Large views sorted by SQL spill to disk rather than memory.
  spillTemporaryDataToDisk(project.db);
  try {
    const outcome = await runExport(project.db, project.settings, request, {
      onProgress: (done, total, message) => context.progress(done, total, message),
      isCancelled: () => context.cancelled(),
    });
    return { ...outcome, name: outcome.format === 'zip' ? name.replace(/\.csv$/, '.zip') : name, downloadId };
  } catch (error) {
    if (error instanceof ExportCancelled) throw new JobCancelled();
    throw error;
  } finally {
    closeProject(project);
  }
});
