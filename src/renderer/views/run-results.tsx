// The results of a saved composite or desurvey run: what it is (RunSummary), its exports, and its rows
// in a grid with a Strip log button where rows are intervals of a hole. The Intercepts view builds its
// own from the same pieces, with the news-release report added.
import { useCallback, useState } from 'react';
import type { RunPage } from '../../api/compositing-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { RunExportBar } from './run-export-bar';
import { RunResultsGrid, type ResultInterval } from './run-results-grid';
import { RunSummary } from './run-summary';
import { remembered } from './section-shared';

/** A hole's view with a saved run on its strip log, zoomed to some depths. */
export interface RunStripLogTarget {
  holeId: string;
  runId: number;
  window: { from: number; to: number } | null;
}

/** The first page of the run on screen, and how to open another one. */
export function useShownRun(onError: (message: string) => void): {
  page: RunPage | null;
  open: (id: number) => void;
} {
  const [page, setPage] = useState<RunPage | null>(null);
  const open = useCallback(
    (id: number) => {
      api['runs.get']({ id, limit: 5000 }).then(setPage, (error: unknown) => onError(describeError(error)));
    },
    [onError],
  );
  return { page, open };
}

interface Props {
  page: RunPage;
  /** What a row is, in the singular: "composite", "station". */
  noun: string;
  /** The grid's accessible name, e.g. "Composite rows". */
  gridLabel: string;
  onOpenHole: (holeId: string) => void;
  /** Where rows are intervals of a hole: opens its strip log with this run, at the row's depths. */
  onOpenStripLog?: (target: RunStripLogTarget) => void;
  /** Where the run can be drawn on the section (composites): opens the Section view with it chosen. */
  onOpenSection?: () => void;
  hint?: string;
}

export function RunResults({
  page,
  noun,
  gridLabel,
  onOpenHole,
  onOpenStripLog,
  onOpenSection,
  hint,
}: Props) {
  const openStripLog = useCallback(
    (row: ResultInterval) =>
      onOpenStripLog?.({
        holeId: row.holeId,
        runId: page.run.id,
        window: { from: row.from, to: row.to },
      }),
    [onOpenStripLog, page.run.id],
  );
  return (
    <section className="run-results" aria-label={`${page.run.kind} results`}>
      <RunSummary run={page.run} holes={page.holes} noun={noun} />
      {onOpenSection && (
        <div className="run-links">
          <button
            type="button"
            onClick={() => {
              // The Section view opens with this run chosen (and keeps the line last drawn).
              remembered.sectionRunId = page.run.id;
              onOpenSection();
            }}
          >
            Show on section
          </button>
        </div>
      )}
      <RunExportBar run={page.run} />
      <RunResultsGrid
        page={page}
        label={gridLabel}
        onOpenHole={onOpenHole}
        onOpenStripLog={onOpenStripLog ? openStripLog : undefined}
      />
      {hint && <p className="hint">{hint}</p>}
    </section>
  );
}
