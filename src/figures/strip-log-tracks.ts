// The series of each strip-log track, drawn with ECharts custom series over a shared depth axis: blocks
// for lithology and sample intervals, bars from the left edge for grades, markers for QA/QC inserts,
// intercept blocks with their grade labels, and a message where a track has nothing to draw.
import type {
  CustomSeriesOption,
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts';
import type { HoleRunInterval } from '../api/hole-types';
import { textColourOn } from '../domain/lithology-colours';
import type { DrawnValue, PlacedInsert } from './strip-log-data';

type Series = CustomSeriesOption | ScatterSeriesOption | LineSeriesOption;

export interface TrackAxes {
  xAxisIndex: number;
  yAxisIndex: number;
}

const LABEL_FONT = '11px sans-serif';
const NOTHING: CustomSeriesRenderItemReturn = { type: 'group', children: [] };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function coordSys(params: CustomSeriesRenderItemParams): Box {
  return params.coordSys as unknown as Box;
}

/** The box between two x values of the track's axis over a depth interval. */
function intervalBox(api: CustomSeriesRenderItemAPI, x0: number, x1: number, from: number, to: number): Box {
  const [left, top] = api.coord([x0, from]) as [number, number];
  const [right, bottom] = api.coord([x1, to]) as [number, number];
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The part of a box inside the plot, where its label goes (a unit cut by the zoom keeps its label). */
function visiblePart(box: Box, area: Box): { y: number; height: number } {
  const top = Math.max(box.y, area.y);
  const bottom = Math.min(box.y + box.height, area.y + area.height);
  return { y: top, height: Math.max(0, bottom - top) };
}

const customBase = (id: string, axes: TrackAxes) => ({
  type: 'custom' as const,
  id,
  ...axes,
  clip: true,
  // Depths are on dimensions 0 and 1; the x extent is set on the axis, so only y is encoded.
  encode: { y: [0, 1] },
});

export interface LithologyUnit {
  rowId: number;
  from: number;
  to: number;
  code: string;
  colour: string;
}

/**
 * For each unit, the extent of the run of touching units with its code that it starts, or null when it
 * continues one: a code logged in 1.5 m pieces is labelled once over the whole run.
 */
function labelRuns(units: readonly LithologyUnit[]): ({ from: number; to: number } | null)[] {
  const runs: ({ from: number; to: number } | null)[] = [];
  let open: { from: number; to: number } | null = null;
  units.forEach((unit, index) => {
    const previous = units[index - 1];
    if (open && previous && previous.code === unit.code && Math.abs(previous.to - unit.from) < 1e-9) {
      open.to = unit.to;
      runs.push(null);
    } else {
      open = { from: unit.from, to: unit.to };
      runs.push(open);
    }
  });
  return runs;
}

export function lithologySeries(axes: TrackAxes, units: readonly LithologyUnit[]): Series {
  const runs = labelRuns(units);
  return {
    ...customBase('lithology', axes),
    data: units.map((unit) => [unit.from, unit.to, unit.rowId]),
    renderItem: (params, api) => {
      const unit = units[params.dataIndex];
      if (!unit) return NOTHING;
      const box = intervalBox(api, 0, 1, unit.from, unit.to);
      const children: NonNullable<CustomSeriesRenderItemReturn>[] = [
        { type: 'rect', shape: box, style: { fill: unit.colour, stroke: '#5b6472', lineWidth: 0.5 } },
      ];
      const run = runs[params.dataIndex];
      const seen = run ? visiblePart(intervalBox(api, 0, 1, run.from, run.to), coordSys(params)) : null;
      if (seen && seen.height >= 13) {
        children.push({
          type: 'text',
          // Above the later units of its run.
          z2: 10,
          style: {
            text: unit.code,
            x: box.x + box.width / 2,
            y: seen.y + seen.height / 2,
            fill: textColourOn(unit.colour),
            font: LABEL_FONT,
            align: 'center',
            verticalAlign: 'middle',
          },
        });
      }
      return { type: 'group', children } as CustomSeriesRenderItemReturn;
    },
  };
}

export interface SampleBox {
  rowId: number;
  from: number;
  to: number;
  sampleId: string | null;
}

/** Sample intervals fill the left of the track; the right is left for the QA/QC markers. */
export const SAMPLE_WIDTH = 0.6;
export const INSERT_X = 0.8;

export function sampleSeries(axes: TrackAxes, samples: readonly SampleBox[]): Series {
  return {
    ...customBase('samples', axes),
    data: samples.map((sample) => [sample.from, sample.to, sample.rowId]),
    renderItem: (params, api) => {
      const sample = samples[params.dataIndex];
      if (!sample) return NOTHING;
      const box = intervalBox(api, 0, SAMPLE_WIDTH, sample.from, sample.to);
      const seen = visiblePart(box, coordSys(params));
      const children: NonNullable<CustomSeriesRenderItemReturn>[] = [
        { type: 'rect', shape: box, style: { fill: '#eef1f5', stroke: '#8a94a6', lineWidth: 0.6 } },
      ];
      if (seen.height >= 12 && sample.sampleId) {
        children.push({
          type: 'text',
          style: {
            text: sample.sampleId,
            x: box.x + box.width / 2,
            y: seen.y + seen.height / 2,
            fill: '#1d2430',
            font: '10px sans-serif',
            align: 'center',
            verticalAlign: 'middle',
            width: box.width - 2,
            overflow: 'truncate',
          },
        });
      }
      return { type: 'group', children } as CustomSeriesRenderItemReturn;
    },
  };
}

const INSERT_STYLE: Record<PlacedInsert['kind'], { symbol: string; colour: string; border: string }> = {
  blank: { symbol: 'circle', colour: '#ffffff', border: '#1d2430' },
  standard: { symbol: 'diamond', colour: '#d62728', border: '#7f1d1d' },
  duplicate: { symbol: 'rect', colour: '#2a6fdb', border: '#123c7a' },
};

export const INSERT_NAMES: Record<PlacedInsert['kind'], string> = {
  blank: 'Blank',
  standard: 'Standard',
  duplicate: 'Field duplicate',
};

export function insertSeries(
  axes: TrackAxes,
  kind: PlacedInsert['kind'],
  inserts: readonly PlacedInsert[],
): Series {
  const style = INSERT_STYLE[kind];
  return {
    type: 'scatter',
    id: `qaqc:${kind}`,
    name: INSERT_NAMES[kind],
    ...axes,
    clip: true,
    symbol: style.symbol,
    symbolSize: 9,
    itemStyle: { color: style.colour, borderColor: style.border, borderWidth: 1 },
    data: inserts.map((insert) => [INSERT_X, insert.depth, insert.rowId]),
  };
}

export interface AnalyteScale {
  log: boolean;
  min: number;
  max: number;
}

const STATE_STYLE = {
  value: (colour: string) => ({ fill: colour, stroke: colour, lineWidth: 0.5 }),
  'below-detection': () => ({ fill: '#ffffff', stroke: '#8a94a6', lineWidth: 1 }),
  'over-limit': (colour: string) => ({ fill: colour, stroke: '#1d2430', lineWidth: 1.5 }),
};

/** Bars from the track's left edge to each interval's grade; a grade under a log axis's start is not drawn. */
export function analyteSeries(
  axes: TrackAxes,
  code: string,
  colour: string,
  values: readonly DrawnValue[],
  scale: AnalyteScale,
): Series {
  return {
    ...customBase(`analyte:${code}`, axes),
    data: values.map((value) => [value.from, value.to, value.rowId, value.value]),
    renderItem: (params, api) => {
      const value = values[params.dataIndex];
      if (!value || (scale.log && value.value <= scale.min)) return NOTHING;
      const area = coordSys(params);
      const box = intervalBox(
        api,
        scale.log ? scale.min : 0,
        Math.min(value.value, scale.max),
        value.from,
        value.to,
      );
      return {
        type: 'rect',
        shape: { ...box, x: area.x, width: Math.max(1, box.x + box.width - area.x) },
        style: STATE_STYLE[value.state](colour),
      } as CustomSeriesRenderItemReturn;
    },
  };
}

/** Light bands across a track at the run's intercepts, behind the bars. */
export function interceptBandSeries(
  axes: TrackAxes,
  id: string,
  intervals: readonly HoleRunInterval[],
): Series {
  const shown = intervals.filter((interval) => interval.kind !== 'including');
  return {
    ...customBase(`band:${id}`, axes),
    silent: true,
    z: 1,
    data: shown.map((interval) => [interval.from, interval.to]),
    renderItem: (params, api) => {
      const interval = shown[params.dataIndex];
      if (!interval) return NOTHING;
      const area = coordSys(params);
      const [, top] = api.coord([0, interval.from]) as [number, number];
      const [, bottom] = api.coord([0, interval.to]) as [number, number];
      return {
        type: 'rect',
        shape: { x: area.x, y: top, width: area.width, height: bottom - top },
        style: { fill: 'rgba(242, 142, 43, 0.16)' },
      } as CustomSeriesRenderItemReturn;
    },
  };
}

/** Composite grades as a step line over the assays (a gap where a composite has no grade). */
export function compositeSeries(
  axes: TrackAxes,
  code: string,
  composites: readonly { from: number; to: number; value: number | null }[],
  scale: AnalyteScale,
): Series {
  const points: [number | string, number | string][] = [];
  let previousTo: number | null = null;
  for (const composite of composites) {
    const drawable = composite.value !== null && (!scale.log || composite.value > 0);
    if (!drawable || (previousTo !== null && Math.abs(previousTo - composite.from) > 1e-9)) {
      points.push(['-', '-']);
    }
    if (drawable) {
      points.push([composite.value!, composite.from], [composite.value!, composite.to]);
      previousTo = composite.to;
    } else previousTo = null;
  }
  return {
    type: 'line',
    id: `composites:${code}`,
    name: `${code} composites`,
    ...axes,
    clip: true,
    symbol: 'none',
    connectNulls: false,
    lineStyle: { color: '#1d2430', width: 1.5 },
    z: 3,
    data: points,
  };
}

export interface RunLabels {
  /** Lines of text on an interval (its grade and length), for a block tall enough for them. */
  lines: (interval: HoleRunInterval) => string[];
  /** One line, for a short block. */
  line: (interval: HoleRunInterval) => string;
}

const LINE_HEIGHT = 13;

/** Intercepts as blocks on the left of the track, "including" parts on the right, each with its label. */
export function runSeries(axes: TrackAxes, intervals: readonly HoleRunInterval[], labels: RunLabels): Series {
  return {
    ...customBase('run', axes),
    data: intervals.map((interval) => [interval.from, interval.to, interval.grade ?? 0]),
    renderItem: (params, api) => {
      const interval = intervals[params.dataIndex];
      if (!interval) return NOTHING;
      const including = interval.kind === 'including';
      const box = intervalBox(
        api,
        including ? 0.52 : 0.02,
        including ? 0.98 : 0.48,
        interval.from,
        interval.to,
      );
      const seen = visiblePart(box, coordSys(params));
      const fill = including ? '#c0392b' : '#f28e2b';
      const lines = labels.lines(interval);
      // Inside a block tall enough for its lines; otherwise one dark line with a white halo over it.
      const inside = seen.height >= lines.length * LINE_HEIGHT + 6;
      const block = {
        type: 'rect',
        shape: box,
        style: { fill, stroke: '#7a3b0a', lineWidth: 0.8, opacity: 0.9 },
      } as const;
      // A block zoomed out of sight keeps its label out of sight too.
      if (seen.height <= 0) return block as CustomSeriesRenderItemReturn;
      // Inside a block tall enough for its lines; under a short one on one line, leaning away from the
      // track's edge, so the block stays visible and the label is not cut.
      const label = inside
        ? {
            text: lines.join('\n'),
            x: box.x + box.width / 2,
            y: seen.y + seen.height / 2,
            fill: textColourOn(fill),
            align: 'center',
            verticalAlign: 'middle',
          }
        : {
            text: labels.line(interval),
            x: including ? box.x + box.width : box.x,
            y: seen.y + seen.height + 1,
            fill: '#1d2430',
            align: including ? 'right' : 'left',
            verticalAlign: 'top',
            backgroundColor: 'rgba(255, 255, 255, 0.85)',
          };
      return {
        type: 'group',
        children: [
          block,
          {
            type: 'text',
            style: { ...label, font: LABEL_FONT, lineHeight: LINE_HEIGHT },
            z2: 10,
          },
        ],
      } as CustomSeriesRenderItemReturn;
    },
  };
}

/** A message in the middle of a track that has nothing to draw, wrapped to the track's width. */
export function messageSeries(axes: TrackAxes, id: string, text: string): Series {
  return {
    ...customBase(`message:${id}`, axes),
    silent: true,
    encode: {},
    data: [[0]],
    renderItem: (params) => {
      const area = coordSys(params);
      return {
        type: 'text',
        style: {
          text,
          x: area.x + area.width / 2,
          y: area.y + Math.min(area.height / 2, 120),
          fill: '#4a5568',
          font: '12px sans-serif',
          align: 'center',
          verticalAlign: 'middle',
          width: Math.max(40, area.width - 10),
          overflow: 'break',
        },
      } as CustomSeriesRenderItemReturn;
    },
  };
}
