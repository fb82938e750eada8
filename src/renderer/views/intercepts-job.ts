// Follows a background job from the view: starts it, polls jobs.status for progress until it ends, and
// cancels it on request. The renderer never blocks: the work runs in a worker thread behind the API.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../api/types';
import { api } from '../api/api-client';

const POLL_MS = 200;

export interface JobHandle {
  status: JobStatus | null;
  running: boolean;
  /** Starts a job and resolves with its final status (done, failed or cancelled). */
  follow(start: () => Promise<JobStatus>): Promise<JobStatus>;
  cancel(): void;
}

export function useJob(): JobHandle {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const alive = useRef(true);
  const current = useRef<string | null>(null);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(async (start: () => Promise<JobStatus>) => {
    let latest = await start();
    current.current = latest.id;
    if (alive.current) setStatus(latest);
    while (latest.state === 'running' && alive.current) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      latest = await api['jobs.status']({ id: latest.id });
      if (alive.current) setStatus(latest);
    }
    current.current = null;
    return latest;
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api['jobs.cancel']({ id }).then((next) => alive.current && setStatus(next));
  }, []);

  return { status, running: status?.state === 'running', follow, cancel };
}
