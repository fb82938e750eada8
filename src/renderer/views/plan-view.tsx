// The Plan view: every hole's collar and desurveyed trace on the plan, the pierce points of a saved
// intercept run coloured by grade x length, zoom and pan at one scale, hole IDs on hover; and a section
// line drawn with two clicks (then adjusted in numbers), saved by name, opened as a cross-section.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunInfo } from '../../api/compositing-types';
import type { RunIntervals, SavedSectionLine, TraceSet } from '../../api/section-types';
import type { PlanPoint, SectionLine } from '../../domain/sections/section-geometry';
import type { ECharts } from '../../figures/echarts-setup';
import { planMapInput, planMapOption } from '../../figures/plan-map';
import { api } from '../api/api-client';
import { Figure } from '../charts/figure';
import { describeError } from '../components/error-text';
import { SectionLineForm } from './section-line-form';
import {
  noTracesMessage,
  remembered,
  RunChoice,
  scaleReadout,
  TraceNotes,
  useBoxWidth,
} from './section-shared';

const HEIGHT = 640;

type Drawing = { step: 'off' } | { step: 'a' } | { step: 'b'; a: PlanPoint };

export function PlanView({ onOpenSection }: { onOpenSection: () => void }) {
  const [set, setSet] = useState<TraceSet | null>(null);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const [runId, setRunId] = useState<number | null>(remembered.planRunId);
  const [intervals, setIntervals] = useState<RunIntervals | null>(null);
  const [line, setLine] = useState<SectionLine | null>(remembered.line);
  const [saved, setSaved] = useState<SavedSectionLine[]>([]);
  const [name, setName] = useState(remembered.lineName ?? '');
  const [drawing, setDrawing] = useState<Drawing>({ step: 'off' });
  const [message, setMessage] = useState<string | null>(null);
  const [readout, setReadout] = useState<string | null>(null);
  const [box, width] = useBoxWidth();
  const chart = useRef<ECharts | null>(null);
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;

  useEffect(() => {
    api['sections.traces']({}).then(setSet, (error: unknown) => setMessage(describeError(error)));
    api['sections.lines']({}).then(setSaved, (error: unknown) => setMessage(describeError(error)));
    api['runs.list']({ kind: 'intercepts', limit: 50 }).then(
      (list) => {
        setRuns(list.rows);
        // Show the newest intercept run unless the user chose another (or none) before.
        if (remembered.planRunId === null && list.rows[0]) setRunId(list.rows[0].id);
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  }, []);

  useEffect(() => {
    remembered.planRunId = runId;
    if (runId === null) {
      setIntervals(null);
      return;
    }
    api['sections.intervals']({ id: runId }).then(setIntervals, (error: unknown) =>
      setMessage(describeError(error)),
    );
  }, [runId]);

  const changeLine = useCallback((next: SectionLine | null, lineName: string | null = null) => {
    setLine(next);
    remembered.line = next;
    remembered.lineName = lineName;
    setName(lineName ?? '');
  }, []);

  const option = useMemo(() => {
    if (!set || width === 0) return {};
    return planMapOption(planMapInput(set, intervals, line, { width, height: HEIGHT }));
  }, [set, intervals, line, width]);

  const updateReadout = useCallback(() => {
    if (chart.current && set) setReadout(scaleReadout(chart.current, set.lengthUnit));
  }, [set]);

  // Clicks on the plot while drawing: the first sets A, the second B.
  const onChart = useCallback(
    (instance: ECharts | null) => {
      chart.current = instance;
      if (!instance) return;
      instance.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
        const state = drawingRef.current;
        if (state.step === 'off') return;
        const point = instance.convertFromPixel({ gridIndex: 0 }, [event.offsetX, event.offsetY]) as number[];
        if (!point || !point.every(Number.isFinite)) return;
        const at = { x: point[0]!, y: point[1]! };
        if (state.step === 'a') setDrawing({ step: 'b', a: at });
        else if (Math.hypot(at.x - state.a.x, at.y - state.a.y) > 1e-6) {
          // The slab starts a tenth of the line's length either side; adjust it in the form.
          const length = Math.hypot(at.x - state.a.x, at.y - state.a.y);
          const halfWidth = Number(Math.max(1, length / 10).toPrecision(2));
          changeLine({ start: state.a, end: at, halfWidth });
          setDrawing({ step: 'off' });
        }
      });
    },
    [changeLine],
  );

  const save = () => {
    if (!line) return;
    api['sections.saveLine']({ name, line }).then(
      (stored) => {
        setSaved((list) =>
          [...list.filter((l) => l.name !== stored.name), stored].sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        );
        remembered.lineName = stored.name;
        setMessage(`Saved the section line as "${stored.name}".`);
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  };

  const empty = set ? noTracesMessage(set) : message ? message : 'Reading the holes...';
  const drawn = set?.traces.holeIds.length ?? 0;
  const pierceCount = intervals ? intervals.including.filter((v) => v === 0).length : 0;
  const hint =
    drawing.step === 'a'
      ? 'Click the first end of the section (A) on the plan.'
      : drawing.step === 'b'
        ? 'Click the other end (B).'
        : null;
  return (
    <section className="plan-view" aria-label="Plan">
      <header className="view-header">
        <h1>Plan</h1>
        <RunChoice runs={runs} value={runId} onChange={setRunId} label="Intercept run" />
        <label>
          Saved sections{' '}
          <select
            aria-label="Saved sections"
            value=""
            onChange={(event) => {
              const chosen = saved.find((l) => l.name === event.target.value);
              if (chosen)
                changeLine(
                  { start: chosen.start, end: chosen.end, halfWidth: chosen.halfWidth },
                  chosen.name,
                );
            }}
          >
            <option value="">choose...</option>
            {saved.map((l) => (
              <option key={l.id} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      {message && set && (
        <div role="status" className="run-message">
          {message}
        </div>
      )}
      <div ref={box} className="figure-box">
        <Figure
          title="Plan"
          fileStem="plan"
          option={option}
          height={HEIGHT}
          svgFromOption
          emptyMessage={empty}
          onChart={onChart}
          events={{ datazoom: updateReadout, finished: updateReadout }}
          controls={
            <span className="figure-controls">
              <button
                type="button"
                aria-pressed={drawing.step !== 'off'}
                onClick={() => setDrawing(drawing.step === 'off' ? { step: 'a' } : { step: 'off' })}
              >
                {drawing.step === 'off' ? 'Draw section line' : 'Stop drawing'}
              </button>
              {hint && <span className="draw-hint">{hint}</span>}
            </span>
          }
          summary={
            set && (
              <div aria-label="Plan summary">
                <p>
                  {drawn} of {set.holeCount} {set.holeCount === 1 ? 'hole' : 'holes'} drawn ({drawn}{' '}
                  {drawn === 1 ? 'trace' : 'traces'})
                  {intervals
                    ? `; ${pierceCount} pierce points from run ${intervals.runId}, coloured by ${intervals.gradeLabel} x length`
                    : '; no intercept run shown'}
                  .{readout ? ` ${readout}.` : ''}
                </p>
                <p className="hint">
                  Scroll to zoom, drag to pan; hover a collar or trace for its hole ID, a pierce point for its
                  intercept.
                </p>
                <TraceNotes set={set} />
              </div>
            )
          }
        />
      </div>
      {line && set && (
        <div className="section-line-panel">
          <SectionLineForm line={line} unit={set.lengthUnit} onChange={(next) => changeLine(next, null)} />
          <div className="run-bar">
            <button type="button" className="primary" onClick={onOpenSection}>
              Open section
            </button>
            <label>
              Name{' '}
              <input
                aria-label="Section name"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <button type="button" onClick={save} disabled={name.trim() === ''}>
              Save section line
            </button>
            <button type="button" onClick={() => changeLine(null)}>
              Clear
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
