// Long work (compositing whole projects, large imports and exports) runs in a worker thread as a job,
// reporting progress and honouring cancel. These are the shapes shared by the runner, the worker and
// the job implementations.
import type { ApiError } from '../../api/result';
import type { JobProgress } from '../../api/types';

export type { JobProgress, JobState, JobStatus } from '../../api/types';

/** What a job implementation gets inside its worker. */
export interface JobContext {
  projectPath: string;
  osUser: string;
  /** Reports progress; cheap to call often (the worker throttles messages). */
  progress(done: number, total: number, message: string): void;
  /** True once the user pressed Cancel: stop, and roll back anything half written. */
  cancelled(): boolean;
}

export type JobImplementation = (params: unknown, context: JobContext) => unknown;

/** Thrown by a job that noticed a cancel request. */
export class JobCancelled extends Error {
  constructor() {
    super('Cancelled; nothing was changed.');
    this.name = 'JobCancelled';
  }
}

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ApiError; cancelled: boolean };
