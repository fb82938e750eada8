// Starts jobs in worker threads and keeps their status for polling: the API's jobs.status call works
// the same over IPC and over the browser host. Cancel sets a shared flag the job checks between steps.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobStatus, WorkerMessage } from './job-types';

interface RunningJob {
  status: JobStatus;
  worker: Worker;
  cancelFlag: Int32Array;
}

/** The worker script: the bundled job-worker.js next to the main bundle, or a loader for the source. */
export function workerScript(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++) {
    const built = join(directory, 'job-worker.js');
    if (existsSync(built)) return built;
    const source = join(directory, 'job-worker-dev.mjs');
    if (existsSync(source)) return source;
    directory = dirname(directory);
  }
  throw new Error('drillbench is incomplete: job-worker.js was not found. Rebuild or reinstall drillbench.');
}

export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(
    private readonly projectPath: string,
    private readonly osUser: string,
    private readonly keepFinished = 50,
  ) {}

  start(kind: string, params: unknown): JobStatus {
    const id = randomUUID();
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(workerScript(), {
      workerData: {
        kind,
        params,
        projectPath: this.projectPath,
        osUser: this.osUser,
        cancelFlag: cancelBuffer,
      },
    });
    const status: JobStatus = {
      id,
      kind,
      state: 'running',
      progress: { done: 0, total: 0, message: 'Starting' },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    const job: RunningJob = { status, worker, cancelFlag: new Int32Array(cancelBuffer) };
    this.jobs.set(id, job);
    const finish = (state: JobStatus['state']) => {
      status.state = state;
      status.finishedAt = new Date().toISOString();
      this.forgetOldJobs();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') status.progress = message.progress;
      else if (message.type === 'done') {
        status.result = message.result;
        finish('done');
      } else {
        status.error = message.error;
        finish(message.cancelled ? 'cancelled' : 'failed');
      }
    });
    worker.on('error', (error) => {
      status.error = {
        code: 'internal',
        message: `The background job stopped unexpectedly: ${error.message}`,
      };
      finish('failed');
    });
    worker.on('exit', (code) => {
      if (status.state !== 'running') return;
      if (Atomics.load(job.cancelFlag, 0) === 1) {
        status.error = { code: 'cancelled', message: 'Cancelled; nothing was changed.' };
        finish('cancelled');
      } else {
        status.error = {
          code: 'internal',
          message: `The background job ended without a result (exit code ${code}).`,
        };
        finish('failed');
      }
    });
    return { ...status };
  }

  status(id: string): JobStatus | undefined {
    const job = this.jobs.get(id);
    return job ? { ...job.status } : undefined;
  }

  /** Asks the job to stop; a job that does not stop within `graceMs` is terminated. */
  cancel(id: string, graceMs = 5000): JobStatus | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status.state === 'running') {
      Atomics.store(job.cancelFlag, 0, 1);
      setTimeout(() => {
        if (job.status.state === 'running') void job.worker.terminate();
      }, graceMs).unref();
    }
    return { ...job.status };
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async wait(id: string, onProgress?: (status: JobStatus) => void): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`No job ${id}.`);
    while (job.status.state === 'running') {
      onProgress?.({ ...job.status });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { ...job.status };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.worker.terminate()));
    this.jobs.clear();
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - this.keepFinished)))
      this.jobs.delete(id);
  }
}
