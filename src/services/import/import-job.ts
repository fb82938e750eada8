// The import (and its dry run) as a background job: XLSX sheets are spooled, then the engine runs in the
// worker's own connection with progress from the bytes read and Cancel checked between rows. The job's
// result is the import summary; a cancelled or failed import leaves the project as it was.
import { statSync } from 'node:fs';
import type { ImportRequest } from '../../api/import-types';
import { closeProject, openProject } from '../../storage/project-db';
import { registerJob } from '../jobs/job-registry';
import { JobCancelled } from '../jobs/job-types';
import { ImportCancelled, runImport } from './import-engine';
import { ImportSources } from './import-sources';

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

registerJob('import', async (params, context) => {
  const request = params as ImportRequest;
  const totals = new Map(request.files.map((file) => [file.path, { done: 0, total: sizeOf(file.path) }]));
  const report = (message: string) => {
    let done = 0;
    let total = 0;
    for (const entry of totals.values()) {
      done += entry.done;
      total += entry.total;
    }
    context.progress(done, total, message);
  };
  report('Opening the files');
  const sources = await ImportSources.prepare(request.files, (file, rows) => {
    if (context.cancelled()) throw new JobCancelled();
    report(`Reading ${file}: ${rows.toLocaleString('en')} rows of the workbook`);
  });
  if (context.cancelled()) {
    sources.close();
    throw new JobCancelled();
  }
  const project = openProject(context.projectPath);
  try {
    return runImport(
      project.db,
      project.settings,
      request,
      { osUser: context.osUser, source: 'import' },
      {
        onProgress: (progress) => {
          const entry = totals.get(progress.file);
          // Spooled workbooks report their spool's size: scale to the file's own share of the total.
          if (entry) entry.done = entry.total * (progress.bytesRead / Math.max(1, progress.totalBytes));
          report(
            `${request.dryRun ? 'Checking' : 'Importing'} ${progress.kind}: ${progress.rows.toLocaleString('en')} rows`,
          );
        },
        isCancelled: () => context.cancelled(),
      },
      sources,
    );
  } catch (error) {
    if (error instanceof ImportCancelled) throw new JobCancelled();
    throw error;
  } finally {
    sources.close();
    closeProject(project);
  }
});
