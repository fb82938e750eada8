// A background job as the user sees it: a progress bar with its message, a Cancel button, and the
// job's end (result or error) handed back once. Polls jobs.status, which works over IPC and HTTP alike.
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../api/types';
import { api } from '../api/api-client';
import { describeError } from './error-text';

export function useJob<Result>(
  job: JobStatus | null,
  onFinished: (status: JobStatus<Result>) => void,
): JobStatus<Result> | null {
  const [status, setStatus] = useState<JobStatus<Result> | null>(job as JobStatus<Result> | null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    setStatus(job as JobStatus<Result> | null);
    if (!job) return;
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        if (stopped) return;
        try {
          const next = (await api['jobs.status']({ id: job.id })) as JobStatus<Result>;
          if (stopped) return;
          setStatus(next);
          if (next.state !== 'running') {
            finished.current(next);
            return;
          }
        } catch (error) {
          const failed: JobStatus<Result> = {
            ...(job as JobStatus<Result>),
            state: 'failed',
            error: { code: 'internal', message: describeError(error) },
          };
          setStatus(failed);
          finished.current(failed);
          return;
        }
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [job]);
  return status;
}

export function JobProgress({ status, label }: { status: JobStatus | null; label: string }) {
  if (!status || status.state !== 'running') return null;
  const { done, total, message } = status.progress;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="job-progress" role="status" aria-label={label}>
      <progress max={1} value={total > 0 ? share : undefined} aria-label={`${label} progress`} />
      <span className="job-message">
        {message} {total > 0 ? `(${Math.floor(share * 100)} %)` : ''}
      </span>
      <button type="button" onClick={() => void api['jobs.cancel']({ id: status.id })}>
        Cancel
      </button>
    </div>
  );
}
