// What the Plan and Section views share: the section line drawn on the plan (kept while the user switches
// views), the width of the figure's box (the axes are ranged from it), the scale readout, and the choice
// of a saved run.
import { useEffect, useRef, useState } from 'react';
import type { RunInfo } from '../../api/compositing-types';
import type { TraceSet } from '../../api/section-types';
import type { SectionLine } from '../../domain/sections/section-geometry';
import type { ECharts } from '../../figures/echarts-setup';

/** The section line the plan drew or the section view last showed, and the runs chosen, while the app is open. */
export const remembered: {
  line: SectionLine | null;
  lineName: string | null;
  planRunId: number | null;
  sectionRunId: number | null;
} = { line: null, lineName: null, planRunId: null, sectionRunId: null };

/** Width of an element in pixels, followed as it resizes. */
export function useBoxWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth)));
    observer.observe(element);
    setWidth(Math.round(element.clientWidth));
    return () => observer.disconnect();
  }, []);
  return [box, width];
}

/** What the view spans now, and the units per pixel across and up (equal unless exaggerated). */
export function scaleReadout(chart: ECharts, unit: string): string | null {
  const grid = { gridIndex: 0 };
  const a = chart.convertFromPixel(grid, [100, 100]) as number[] | undefined;
  const b = chart.convertFromPixel(grid, [200, 200]) as number[] | undefined;
  if (!a || !b || a.some((v) => !Number.isFinite(v))) return null;
  const across = Math.abs(b[0]! - a[0]!) / 100;
  const up = Math.abs(b[1]! - a[1]!) / 100;
  const fmt = (value: number) => (value >= 10 ? value.toFixed(1) : value.toPrecision(3));
  return `1 pixel = ${fmt(across)} ${unit} across, ${fmt(up)} ${unit} up`;
}

/** Why nothing can be drawn, or null when something can. */
export function noTracesMessage(set: TraceSet): string | null {
  if (set.holeCount === 0) {
    return 'This project has no holes yet. Import collars and surveys (Import view) or enter them in the Holes table.';
  }
  if (set.traces.holeIds.length === 0) {
    const reasons = set.missing
      .slice(0, 5)
      .map((m) => `${m.holeId}: ${m.reason}`)
      .join('; ');
    return `None of the ${set.holeCount} holes can be drawn (${reasons}${set.missing.length > 5 ? '; ...' : ''}). Enter the collar easting, northing and elevation, and a survey or the collar azimuth and dip, in the Holes and Surveys tables.`;
  }
  return null;
}

/** The holes left off or drawn with less than a survey, for a figure's summary. */
export function TraceNotes({ set }: { set: TraceSet }) {
  const list = (ids: string[]) =>
    ids.length > 12 ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more` : ids.join(', ');
  return (
    <>
      {set.missing.length > 0 && (
        <details className="trace-notes">
          <summary>
            {set.missing.length} {set.missing.length === 1 ? 'hole is' : 'holes are'} not drawn
          </summary>
          <ul>
            {set.missing.slice(0, 200).map((m) => (
              <li key={m.holeId}>
                <strong>{m.holeId}</strong>: {m.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {set.straight.length > 0 && (
        <p>No survey, drawn straight along the collar azimuth and dip: {list(set.straight)}.</p>
      )}
      {set.collarOnly.length > 0 && (
        <p>
          No end of hole, survey or interval to say how deep they go, drawn as a collar:{' '}
          {list(set.collarOnly)}.
        </p>
      )}
      {set.traces.holeIds.length === 1 && <p>Only one hole can be drawn in this project.</p>}
    </>
  );
}

/** A choice of saved runs of the given kinds, newest first. */
export function RunChoice({
  runs,
  value,
  onChange,
  label,
}: {
  runs: RunInfo[];
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
}) {
  return (
    <label>
      {label}{' '}
      <select
        aria-label={label}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">none</option>
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            #{run.id} {run.kind} {run.preset ?? ''} ({run.resultRows} rows,{' '}
            {new Date(run.finishedAt).toLocaleDateString()})
          </option>
        ))}
      </select>
    </label>
  );
}
