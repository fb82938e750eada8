// What a saved run is, above its results: its number, rows and holes, what it read and left out (with
// the reasons), who ran it when, its data hash, and a check that the data is still the same. Also the
// list of earlier runs of a kind, to reopen one.
import { useCallback, useEffect, useState } from 'react';
import type { RunInfo, RunVerification } from '../../api/compositing-types';
import type { RunKind } from '../../domain/compositing/run-results';
import { plural } from '../../domain/report/plural';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { useJob } from './intercepts-job';

interface SummaryProps {
  run: RunInfo;
  /** Distinct holes in the results. */
  holes: number;
  /** What a result row is, in the singular: "row", "composite", "station". */
  noun: string;
}

export function RunSummary({ run, holes, noun }: SummaryProps) {
  const verify = useJob();
  const [verification, setVerification] = useState<string | null>(null);
  const check = () => {
    setVerification('Re-running with the same parameters...');
    verify
      .follow(() => api['runs.verify']({ id: run.id }))
      .then(
        (status) =>
          setVerification(
            status.state === 'done'
              ? (status.result as RunVerification).message
              : (status.error?.message ?? status.state),
          ),
        (error: unknown) => setVerification(describeError(error)),
      );
  };
  return (
    <>
      <header className="run-header">
        <h2>
          Run {run.id}: {plural(run.resultRows, noun)} in {plural(holes, 'hole')}
        </h2>
        <span>
          {plural(run.holesRead, 'hole')} and {plural(run.samplesRead, 'sample')} read, {run.excluded.length}{' '}
          left out; finished {new Date(run.finishedAt).toLocaleString()} by {run.osUser}; data hash{' '}
          <code title={run.dataHash}>{run.dataHash.slice(0, 16)}</code>
        </span>
        <button type="button" onClick={check} disabled={verify.running}>
          Check the data is unchanged
        </button>
        {verification && <span className="verification">{verification}</span>}
      </header>
      {run.excluded.length > 0 && (
        <details className="left-out" open>
          <summary>{plural(run.excluded.length, 'hole')} left out</summary>
          <ul>
            {run.excluded.map((hole) => (
              <li key={hole.holeId}>
                <strong>{hole.holeId}</strong>: {hole.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Saved runs of a kind, newest first, refreshed after each new run. */
export function useRunHistory(
  kind: RunKind,
  onError: (message: string) => void,
): { runs: RunInfo[]; refresh: () => void } {
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const refresh = useCallback(() => {
    api['runs.list']({ kind, limit: 30 }).then(
      (list) => setRuns(list.rows),
      (error: unknown) => onError(describeError(error)),
    );
  }, [kind, onError]);
  useEffect(refresh, [refresh]);
  return { runs, refresh };
}

/** A choice of earlier runs; choosing one reopens it. */
export function EarlierRuns({
  runs,
  describe,
  onOpen,
}: {
  runs: readonly RunInfo[];
  /** What the run computed, e.g. "Zn + Pb >= 5" or "2 m composites". */
  describe: (run: RunInfo) => string;
  onOpen: (run: RunInfo) => void;
}) {
  if (runs.length === 0) return null;
  return (
    <label>
      Earlier runs{' '}
      <select
        aria-label="Earlier runs"
        value=""
        onChange={(event) => {
          const run = runs.find((r) => r.id === Number(event.target.value));
          if (run) onOpen(run);
        }}
      >
        <option value="">open a run...</option>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            #{r.id} {new Date(r.finishedAt).toLocaleString()} {r.preset ?? describe(r)} (
            {r.resultRows.toLocaleString('en')} rows)
          </option>
        ))}
      </select>
    </label>
  );
}
