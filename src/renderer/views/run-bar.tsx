// The Run button of a run form with the job's progress bar and Cancel while it runs, and what follows a
// run: the saved run opened, "Cancelled; nothing was saved.", or the API's message with each refused
// parameter put under its field.
import type { JobStatus } from '../../api/types';
import type { RunInfo } from '../../api/compositing-types';
import { ApiCallError } from '../../api/result';
import { describeError } from '../components/error-text';
import { JobProgress } from '../components/job-progress';
import type { JobHandle } from './intercepts-job';

export function RunBar({ job, preset }: { job: JobHandle; preset?: string | null }) {
  return (
    <div className="run-bar">
      <button type="submit" className="primary" disabled={job.running}>
        Run
      </button>
      <JobProgress status={job.status} label="Run" />
      {preset && !job.running && <span className="preset-note">from preset {preset}</span>}
    </div>
  );
}

export interface RunHandlers {
  /** The run finished and was saved. */
  done: (run: RunInfo) => void;
  /** A sentence for the view's message line; null clears it. */
  message: (text: string | null) => void;
  /** Parameters the API refused, by their path in the request ("params.length"). */
  fields?: (details: { where: string; message: string }[]) => void;
}

/** Starts a run job, follows it to its end, and hands the outcome to the view. */
export function followRun(job: JobHandle, start: () => Promise<JobStatus>, handlers: RunHandlers): void {
  handlers.message(null);
  job.follow(start).then(
    (status) => {
      if (status.state === 'done') handlers.done(status.result as RunInfo);
      else if (status.state === 'cancelled') handlers.message('Cancelled; nothing was saved.');
      else handlers.message(status.error?.message ?? `The run ${status.state}.`);
    },
    (error: unknown) => {
      handlers.message(describeError(error));
      if (error instanceof ApiCallError && error.error.details) handlers.fields?.(error.error.details);
    },
  );
}
