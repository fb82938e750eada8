// Handlers for polling and cancelling background jobs.
import { StorageError } from '../../storage/storage-error';
import type { JobStatus } from '../jobs/job-types';
import type { HandlerGroup } from './handlers';

function known(status: JobStatus | undefined, id: string): JobStatus {
  if (!status)
    throw new StorageError(
      'not-found',
      `There is no job ${id}; it may have finished long ago or belong to another window.`,
    );
  return status;
}

export const jobHandlers: HandlerGroup<'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (input, context) => known(context.jobs.status(input.id), input.id),
  'jobs.cancel': (input, context) => known(context.jobs.cancel(input.id), input.id),
};
