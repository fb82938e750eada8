// The Section view: a vertical cross-section along a line drawn on the plan or saved in the project, the
// traces within its half-width projected onto it, a saved intercept or composite run's intervals as bars
// coloured by grade, labels, and the run's true-thickness plane at its apparent dip; equal scale or a
// chosen vertical exaggeration.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunInfo } from '../../api/compositing-types';
import type { RunIntervals, SavedSectionLine, TraceSet } from '../../api/section-types';
import { tracesOnSection } from '../../domain/sections/section-clipping';
import { sectionFrame, type SectionLine } from '../../domain/sections/section-geometry';
import type { ECharts } from '../../figures/echarts-setup';
import {
  barMiddle,
  crossSectionOption,
  MAX_LABELS,
  sectionCaption,
  sectionFigureInput,
} from '../../figures/cross-section';
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
const EXAGGERATIONS = [1, 2, 3, 5, 10];

/** Holes with a stretch inside the slab, or a message when the line cannot be used. */
function holesOn(set: TraceSet, line: SectionLine): string[] | string {
  try {
    const frame = sectionFrame(line);
    return [...new Set(tracesOnSection(frame, set.traces).map((p) => set.traces.holeIds[p.hole]!))];
  } catch (error) {
    return (error as Error).message;
  }
}

export function SectionView() {
  const [set, setSet] = useState<TraceSet | null>(null);
  const [saved, setSaved] = useState<SavedSectionLine[]>([]);
  const [line, setLine] = useState<SectionLine | null>(remembered.line);
  const [lineName, setLineName] = useState<string | null>(remembered.lineName);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const [runId, setRunId] = useState<number | null>(remembered.sectionRunId ?? remembered.planRunId);
  const [analyte, setAnalyte] = useState<string | undefined>(undefined);
  const [intervals, setIntervals] = useState<RunIntervals | null>(null);
  const [exaggeration, setExaggeration] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const [readout, setReadout] = useState<string | null>(null);
  const [box, width] = useBoxWidth();
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    api['sections.traces']({}).then(setSet, (error: unknown) => setMessage(describeError(error)));
    api['sections.lines']({}).then(
      (list) => {
        setSaved(list);
        // With no line from the plan, open the first saved one.
        const first = list[0];
        if (!remembered.line && first) {
          setLine({ start: first.start, end: first.end, halfWidth: first.halfWidth });
          setLineName(first.name);
        }
      },
      (error: unknown) => setMessage(describeError(error)),
    );
    api['runs.list']({ limit: 100 }).then(
      (list) => {
        const usable = list.rows.filter((r) => r.kind === 'intercepts' || r.kind === 'composites');
        setRuns(usable);
        if (remembered.sectionRunId === null && remembered.planRunId === null && usable[0])
          setRunId(usable[0].id);
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  }, []);

  useEffect(() => {
    remembered.line = line;
    remembered.lineName = lineName;
  }, [line, lineName]);

  const onSection = useMemo(() => (set && line ? holesOn(set, line) : []), [set, line]);

  useEffect(() => {
    remembered.sectionRunId = runId;
    if (runId === null || typeof onSection === 'string') {
      setIntervals(null);
      return;
    }
    api['sections.intervals']({ id: runId, holes: onSection, analyte }).then(setIntervals, (error: unknown) =>
      setMessage(describeError(error)),
    );
  }, [runId, onSection, analyte]);

  const input = useMemo(() => {
    if (!set || !line || width === 0 || typeof onSection === 'string' || onSection.length === 0) return null;
    const shown = intervals && intervals.runId === runId ? intervals : null;
    return sectionFigureInput(set, shown, line, {
      exaggeration,
      size: { width, height: HEIGHT },
      title: sectionCaption(sectionFrame(line), set.lengthUnit, lineName ?? undefined),
    });
  }, [set, line, lineName, intervals, runId, exaggeration, width, onSection]);
  const option = useMemo(() => (input ? crossSectionOption(input) : {}), [input]);

  const updateReadout = useCallback(() => {
    if (chart.current && set) setReadout(scaleReadout(chart.current, set.lengthUnit));
  }, [set]);

  let empty: string | null = null;
  if (!set) empty = message ?? 'Reading the holes...';
  else if (noTracesMessage(set)) empty = noTracesMessage(set);
  else if (!line)
    empty =
      'Draw a section line on the Plan (Draw section line, then two clicks), or choose a saved section above.';
  else if (typeof onSection === 'string') empty = onSection;
  else if (onSection.length === 0)
    empty = `No hole passes within ${line.halfWidth} ${set.lengthUnit} of this section line; widen the half-width or move the line.`;

  const bars = input?.bars.filter((b) => !b.including) ?? [];
  const unit = set?.lengthUnit ?? 'm';
  return (
    <section className="section-view" aria-label="Section">
      <header className="view-header">
        <h1>Section</h1>
        <label>
          Saved sections{' '}
          <select
            aria-label="Saved sections"
            value={lineName ?? ''}
            onChange={(event) => {
              const chosen = saved.find((l) => l.name === event.target.value);
              if (!chosen) return;
              setLine({ start: chosen.start, end: chosen.end, halfWidth: chosen.halfWidth });
              setLineName(chosen.name);
            }}
          >
            <option value="">{line ? 'drawn on the plan' : 'choose...'}</option>
            {saved.map((l) => (
              <option key={l.id} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <RunChoice runs={runs} value={runId} onChange={setRunId} label="Run" />
        {intervals?.kind === 'composites' && (
          <label>
            Colour by{' '}
            <select
              aria-label="Colour by"
              value={intervals.gradeLabel}
              onChange={(event) => setAnalyte(event.target.value)}
            >
              {intervals.analytes.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Vertical exaggeration{' '}
          <select
            aria-label="Vertical exaggeration"
            value={exaggeration}
            onChange={(event) => setExaggeration(Number(event.target.value))}
          >
            {EXAGGERATIONS.map((ve) => (
              <option key={ve} value={ve}>
                {ve} x
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
          title="Section"
          fileStem={`section-${lineName ?? 'drawn'}`}
          option={option}
          height={HEIGHT}
          svgFromOption
          emptyMessage={empty}
          onChart={(instance) => {
            chart.current = instance;
          }}
          events={{ datazoom: updateReadout, finished: updateReadout }}
          summary={
            set &&
            input && (
              <div aria-label="Section summary">
                <p>
                  {input.traces.length} {input.traces.length === 1 ? 'trace' : 'traces'} drawn of{' '}
                  {input.holeLabels.length} {input.holeLabels.length === 1 ? 'hole' : 'holes'} within{' '}
                  {line!.halfWidth} {unit};{' '}
                  {intervals
                    ? `${bars.length} ${intervals.kind === 'intercepts' ? 'intercept' : 'composite'} bars from run ${intervals.runId}, coloured by ${intervals.gradeLabel}`
                    : 'no run shown'}
                  .
                  {input.planeLabel
                    ? ` ${input.planeLabel.replace(/^Plane/, 'True-thickness plane')} deg on this section.`
                    : ''}
                  {readout ? ` ${readout}.` : ''}
                </p>
                {(input.holeLabels.length > MAX_LABELS || bars.length > MAX_LABELS) && (
                  <p>Labels are left off past {MAX_LABELS} holes or intercepts; hover for them.</p>
                )}
                {intervals?.kind === 'intercepts' && bars.length > 0 && bars.length <= 60 && (
                  <ul className="section-intercepts" aria-label="Intercepts on the section">
                    {bars.map((bar, k) => {
                      const middle = barMiddle(bar);
                      return (
                        <li key={k}>
                          {bar.hole} {bar.from.toFixed(1)}-{bar.to.toFixed(1)} {unit}: {bar.text}, at{' '}
                          {middle.along.toFixed(1)} {unit} along and {middle.elevation.toFixed(1)} {unit}{' '}
                          elevation
                        </li>
                      );
                    })}
                  </ul>
                )}
                <TraceNotes set={set} />
              </div>
            )
          }
        />
      </div>
      {line && set && (
        <SectionLineForm
          line={line}
          unit={set.lengthUnit}
          onChange={(next) => {
            setLine(next);
            setLineName(null);
          }}
        />
      )}
    </section>
  );
}
