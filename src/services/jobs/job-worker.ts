// The worker thread entry: runs one job against its own connection to the project and reports
// progress and the result to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/error-mapping';
import { jobImplementation } from './job-registry';
import './jobs';
import { JobCancelled, type JobContext, type WorkerMessage } from './job-types';

interface JobWorkerData {
  kind: string;
  params: unknown;
  projectPath: string;
  osUser: string;
  cancelFlag: SharedArrayBuffer;
}

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

async function run(): Promise<void> {
  const data = workerData as JobWorkerData;
  const flag = new Int32Array(data.cancelFlag);
  let lastPost = 0;
  const context: JobContext = {
    projectPath: data.projectPath,
    osUser: data.osUser,
    progress(done, total, message) {
      const now = Date.now();
      // Progress at most ~20 times a second, and always the last step.
      if (now - lastPost < 50 && done < total) return;
      lastPost = now;
      post({ type: 'progress', progress: { done, total, message } });
    },
    cancelled: () => Atomics.load(flag, 0) === 1,
  };
  const implementation = jobImplementation(data.kind);
  if (!implementation) {
    post({
      type: 'failed',
      error: { code: 'not-found', message: `There is no job of kind "${data.kind}".` },
      cancelled: false,
    });
    return;
  }
  try {
    const result = await implementation(data.params, context);
    post({ type: 'done', result });
  } catch (error) {
    const cancelled = error instanceof JobCancelled || context.cancelled();
    const mapped = toApiError(error);
    post({
      type: 'failed',
      error: cancelled
        ? { code: 'cancelled', message: 'Cancelled; nothing was changed.' }
        : mapped.ok
          ? { code: 'internal', message: 'Unknown failure.' }
          : mapped.error,
      cancelled,
    });
  }
}

void run();
