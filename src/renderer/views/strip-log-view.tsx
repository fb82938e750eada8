// The strip log of a hole on screen: choose the analytes, a log scale and a saved run; zoom and scroll
// along depth; a click on a lithology or sample interval opens its row in the grid, a click on an
// intercept opens the samples over it. Saved as SVG or PNG from the Figure's buttons.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunInfo } from '../../api/compositing-types';
import type { HoleRunResults, HoleViewData } from '../../api/hole-types';
import type { ECharts } from '../../figures/echarts-setup';
import { paddedWindow, stripLogFigure, type StripLogTarget } from '../../figures/strip-log';
import { analytesWithResults } from '../../figures/strip-log-data';
import { api } from '../api/api-client';
import { Figure } from '../charts/figure';
import { describeError } from '../components/error-text';

export interface DepthWindow {
  from: number;
  to: number;
}

export interface StripLogViewProps {
  hole: HoleViewData;
  /** Saved intercept and composite runs, newest first. */
  runs: RunInfo[];
  /** The run to draw first (an intercept row's run); else the newest intercept run. */
  runId?: number | null;
  /** The depths to show first (an intercept row's); else the whole hole. */
  window?: DepthWindow | null;
  onPick: (target: StripLogTarget) => void;
}

const DEFAULT_ANALYTES = 4;

function runLabel(run: RunInfo): string {
  const params = run.params as { grade?: string; cutoff?: number; length?: number } | null;
  const what =
    run.kind === 'intercepts'
      ? `intercepts ${params?.grade ?? ''}${params?.cutoff === undefined ? '' : ` >= ${params.cutoff}`}`
      : `composites${params?.length === undefined ? '' : ` ${params.length} ${run.lengthUnit}`}`;
  return `Run ${run.id}: ${what}${run.preset ? ` (${run.preset})` : ''}`;
}

export function StripLogView({ hole, runs, runId, window, onPick }: StripLogViewProps) {
  const withResults = useMemo(() => analytesWithResults(hole), [hole]);
  const [analytes, setAnalytes] = useState<string[]>(() =>
    withResults.slice(0, DEFAULT_ANALYTES).map((analyte) => analyte.code),
  );
  const [logScale, setLogScale] = useState(false);
  const firstRun = runId ?? runs.find((run) => run.kind === 'intercepts')?.id ?? null;
  const [chosenRun, setChosenRun] = useState<number | null>(firstRun);
  const [runResults, setRunResults] = useState<HoleRunResults | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const first = window ? paddedWindow(window) : null;
  const [shownWindow, setShownWindow] = useState<DepthWindow | null>(first);
  // The depths on screen, kept across redraws (a new analyte or scale keeps the zoom).
  const zoom = useRef<DepthWindow | null>(first);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    setRunResults(null);
    setRunError(null);
    if (chosenRun === null) return;
    let live = true;
    api['runs.hole']({ id: chosenRun, holeId: hole.holeId }).then(
      (result) => live && setRunResults(result),
      (error: unknown) => live && setRunError(describeError(error)),
    );
    return () => {
      live = false;
    };
  }, [chosenRun, hole.holeId]);

  const noRunMessage =
    runError ??
    (runs.length === 0
      ? 'No saved run yet: run intercepts in the Intercepts view to draw them here'
      : chosenRun === null
        ? 'No run chosen'
        : 'Reading the run...');
  const figure = useMemo(
    () =>
      stripLogFigure(hole, {
        analytes,
        logScale,
        run: runResults,
        noRunMessage,
        window: zoom.current,
      }),
    // shownWindow is in the list so that "Whole hole" and "Zoom to samples" redraw.
    [hole, analytes, logScale, runResults, noRunMessage, shownWindow],
  );

  const readZoom = useCallback(() => {
    const options = chart.current?.getOption() as
      | {
          dataZoom?: { start?: number; end?: number; startValue?: number; endValue?: number }[];
          yAxis?: { min?: number; max?: number }[];
        }
      | undefined;
    const zoomed = options?.dataZoom?.[0];
    const axis = options?.yAxis?.[0];
    if (!zoomed) return;
    if (zoomed.startValue !== undefined && zoomed.endValue !== undefined) {
      zoom.current = { from: zoomed.startValue, to: zoomed.endValue };
    } else if (
      zoomed.start !== undefined &&
      zoomed.end !== undefined &&
      axis?.min !== undefined &&
      axis.max !== undefined
    ) {
      const span = axis.max - axis.min;
      zoom.current = {
        from: axis.min + (span * zoomed.start) / 100,
        to: axis.min + (span * zoomed.end) / 100,
      };
    }
  }, []);
  const events = useMemo(
    () => ({
      click: (params: unknown) => {
        const { seriesId, dataIndex } = params as { seriesId?: string; dataIndex?: number };
        if (seriesId === undefined || dataIndex === undefined) return;
        const target = figure.pick(seriesId, dataIndex);
        if (target) onPick(target);
      },
      datazoom: readZoom,
    }),
    [figure, onPick, readZoom],
  );
  const showWindow = (next: DepthWindow | null) => {
    zoom.current = next;
    setShownWindow(next);
  };
  const sampled = hole.samples.filter((row) => row.depth_from !== null && row.depth_to !== null);

  const controls = (
    <span className="strip-log-controls">
      <span role="group" aria-label="Analytes drawn">
        {withResults.length === 0 && <span className="hint">No assay results in this hole</span>}
        {withResults.map((analyte) => (
          <label key={analyte.code}>
            <input
              type="checkbox"
              checked={analytes.includes(analyte.code)}
              onChange={(event) =>
                setAnalytes((current) =>
                  event.target.checked
                    ? withResults.map((a) => a.code).filter((c) => c === analyte.code || current.includes(c))
                    : current.filter((code) => code !== analyte.code),
                )
              }
            />{' '}
            {analyte.code}
          </label>
        ))}
      </span>
      <label>
        <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />{' '}
        Log scale
      </label>
      <label>
        Run{' '}
        <select
          aria-label="Run drawn"
          value={chosenRun ?? ''}
          onChange={(event) => setChosenRun(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">{runs.length === 0 ? '(no saved runs)' : '(none)'}</option>
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {runLabel(run)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => showWindow(null)}>
        Whole hole
      </button>
      <button
        type="button"
        disabled={sampled.length === 0}
        onClick={() =>
          showWindow(
            paddedWindow({
              from: Math.min(...sampled.map((row) => row.depth_from!)),
              to: Math.max(...sampled.map((row) => row.depth_to!)),
            }),
          )
        }
      >
        Zoom to samples
      </button>
    </span>
  );

  return (
    <Figure
      title={`Strip log of ${hole.holeId}`}
      fileStem={`strip-log-${hole.holeId}`}
      option={figure.option}
      height={660}
      events={events}
      emptyMessage={figure.emptyMessage}
      controls={controls}
      onChart={(instance) => {
        chart.current = instance;
      }}
      summary={
        <ul className="strip-log-summary" aria-label="Strip log summary">
          {figure.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  );
}
