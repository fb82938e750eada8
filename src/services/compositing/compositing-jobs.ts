// Intercepts, composites, desurvey, run verification and run exports as background jobs: each opens its
// own connection in the worker, reports progress per hole and stops between holes when cancelled.
import type { ExportResult } from '../../api/compositing-types';
import type { RunKind } from '../../domain/compositing/run-results';
import { closeProject, openProject, type Project } from '../../storage/project-db';
import { registerJob } from '../jobs/job-registry';
import type { JobContext } from '../jobs/job-types';
import type { FigureRequest } from '../sections/report-figures';
import type { StartRequest } from './run-params';
import { exportRun } from './run-export';
import type { RunControl } from './run-support';
import { runKind, verifyRun } from './run-verify';

export interface ExportJobParams {
  id: number;
  path: string;
  /** The name a download is offered under (the file's own name when written to a chosen path). */
  name: string;
  /** Set when the file goes to a temporary folder to be downloaded from the browser host. */
  downloadId: string | null;
  content: 'results' | 'report';
  overwrite: boolean;
  figures?: FigureRequest;
}

function control(context: JobContext): RunControl {
  return {
    osUser: context.osUser,
    source: 'api',
    progress: (done, total, message) => context.progress(done, total, message),
    cancelled: () => context.cancelled(),
  };
}

async function withProject<T>(context: JobContext, work: (project: Project) => T | Promise<T>): Promise<T> {
  const project = openProject(context.projectPath);
  try {
    return await work(project);
  } finally {
    closeProject(project);
  }
}

for (const kind of ['intercepts', 'composites', 'desurvey'] as const satisfies readonly RunKind[]) {
  registerJob(kind, (params, context) =>
    withProject(context, (project) => runKind(project, kind, params as StartRequest, control(context)).run),
  );
}

registerJob('verify-run', (params, context) =>
  withProject(context, (project) => verifyRun(project, (params as { id: number }).id, control(context))),
);

registerJob('export-run', (params, context) =>
  withProject(context, async (project): Promise<ExportResult> => {
    const request = params as ExportJobParams;
    context.progress(0, 1, `Writing ${request.downloadId ? request.name : request.path}`);
    const written = await exportRun(project.db, request.id, request.path, {
      content: request.content,
      overwrite: request.overwrite,
      figures: request.figures,
      cancelled: () => context.cancelled(),
    });
    return { ...written, name: request.name, downloadId: request.downloadId };
  }),
);
