// The plan map as an ECharts option: collars, desurveyed traces projected on the plane, pierce points of a
// run's intercepts coloured by grade x length (one series per class, with a legend), and a section line
// with its slab. Easting and northing keep one scale (metres are metres) and zoom and pan together.
import type { RunIntervals, TraceSet } from '../api/section-types';
import { piercePoint, traceIndex, type HoleTraces } from '../domain/sections/hole-traces';
import { sectionFrame, slabOutline, type SectionLine } from '../domain/sections/section-geometry';
import type { EChartsOption } from './echarts-setup';

type SeriesList = Extract<NonNullable<EChartsOption['series']>, unknown[]>;
import { coordinateLabel, equalScaleRanges, extentOf, type Extent } from './equal-scale';
import { gradeClasses, type GradeClasses } from './grade-classes';

export interface PiercePoints {
  x: number[];
  y: number[];
  /** Grade x length of each intercept. */
  value: number[];
  /** Hover text: hole, depths, length and grade. */
  text: string[];
  /** What the value is, for the legend: e.g. `Zn+Pb x length (% m)`. */
  label: string;
}

export interface PlanMapInput {
  traces: HoleTraces;
  lengthUnit: string;
  pierces: PiercePoints | null;
  section: SectionLine | null;
  /** The chart's size in pixels: the axes are ranged from it so the scale is equal. */
  size: { width: number; height: number };
  title?: string;
  /** Label hole IDs at the end of their traces (readable where fans share a collar); default: up to 200 holes. */
  holeLabels?: boolean;
}

export const PLAN_GRID = { left: 80, right: 170, top: 44, bottom: 56 } as const;

const round = (value: number, places: number) => Number(value.toFixed(places));

/** "9.2 m @ 13.73 % Zn+Pb" */
export function interceptText(
  length: number,
  grade: number | null,
  unit: string,
  label: string,
  lengthUnit: string,
): string {
  const gradeText = grade === null ? 'no grade' : `${round(grade, 2)}${unit ? ` ${unit}` : ''} ${label}`;
  return `${round(length, 1)} ${lengthUnit} @ ${gradeText}`;
}

/** Pierce points (mid-depth) of a run's intercepts on the traces; "including" rows are inside others. */
export function piercePointsOf(traces: HoleTraces, intervals: RunIntervals): PiercePoints {
  const index = traceIndex(traces);
  const out: PiercePoints = {
    x: [],
    y: [],
    value: [],
    text: [],
    label: `${intervals.gradeLabel} x length (${intervals.gradeUnit ? `${intervals.gradeUnit} ` : ''}${intervals.lengthUnit})`,
  };
  for (let r = 0; r < intervals.hole.length; r++) {
    if (intervals.including[r] === 1) continue;
    const holeId = intervals.holeIds[intervals.hole[r]!]!;
    const h = index.get(holeId);
    if (h === undefined) continue;
    const from = intervals.from[r]!;
    const to = intervals.to[r]!;
    const point = piercePoint(traces, h, from, to);
    const value = intervals.gradeLength[r] ?? null;
    if (!point || value === null) continue;
    out.x.push(point.x);
    out.y.push(point.y);
    out.value.push(value);
    const what = interceptText(
      to - from,
      intervals.grade[r] ?? null,
      intervals.gradeUnit,
      intervals.gradeLabel,
      intervals.lengthUnit,
    );
    out.text.push(`${holeId} ${round(from, 1)}-${round(to, 1)} ${intervals.lengthUnit}: ${what}`);
  }
  return out;
}

/** Build the plan's input from the API's data. */
export function planMapInput(
  set: TraceSet,
  intervals: RunIntervals | null,
  section: SectionLine | null,
  size: { width: number; height: number },
): PlanMapInput {
  return {
    traces: set.traces,
    lengthUnit: set.lengthUnit,
    pierces: intervals ? piercePointsOf(set.traces, intervals) : null,
    section,
    size,
  };
}

function planExtent(input: PlanMapInput): Extent {
  const { xyz } = input.traces;
  const extent: Extent = { xmin: Infinity, xmax: -Infinity, ymin: Infinity, ymax: -Infinity };
  for (let v = 0; v < xyz.length; v += 3) {
    const x = xyz[v]!;
    const y = xyz[v + 1]!;
    if (x < extent.xmin) extent.xmin = x;
    if (x > extent.xmax) extent.xmax = x;
    if (y < extent.ymin) extent.ymin = y;
    if (y > extent.ymax) extent.ymax = y;
  }
  if (input.section) {
    const corners = slabOutline(sectionFrame(input.section));
    extentOf(
      corners.map((c) => c.x),
      corners.map((c) => c.y),
      extent,
    );
  }
  return extent;
}

function pierceSeries(pierces: PiercePoints, classes: GradeClasses): SeriesList {
  // Thousands of points: smaller and without an outline, half the drawing per point on every frame.
  const many = pierces.value.length > 2000;
  const byClass = classes.labels.map(() => [] as [number, number, number, number][]);
  for (let i = 0; i < pierces.value.length; i++) {
    let k = 0;
    while (k < classes.limits.length && pierces.value[i]! >= classes.limits[k]!) k++;
    byClass[k]!.push([pierces.x[i]!, pierces.y[i]!, pierces.value[i]!, i]);
  }
  return classes.labels.map((label, k) => ({
    type: 'scatter' as const,
    name: label,
    data: byClass[k]!,
    symbolSize: many ? 6 : 9,
    large: true,
    largeThreshold: 2000,
    progressive: 0,
    itemStyle: { color: classes.colours[k], borderColor: '#222222', borderWidth: many ? 0 : 0.6 },
    z: 5,
    tooltip: {
      formatter: (params: unknown) => {
        const value = (params as { value: number[] }).value;
        return pierces.text[value[3]!] ?? '';
      },
    },
  }));
}

function sectionSeries(section: SectionLine): SeriesList {
  const frame = sectionFrame(section);
  const corners = slabOutline(frame);
  const ring = [...corners, corners[0]!].map((c) => [c.x, c.y]);
  return [
    {
      type: 'lines',
      name: 'Section',
      coordinateSystem: 'cartesian2d',
      polyline: true,
      silent: true,
      z: 6,
      data: [
        { coords: ring, lineStyle: { color: '#c62828', type: 'dashed', width: 1 } },
        {
          coords: [
            [section.start.x, section.start.y],
            [section.end.x, section.end.y],
          ],
          lineStyle: { color: '#c62828', width: 2 },
        },
      ],
    },
    {
      type: 'scatter',
      name: 'Section ends',
      silent: true,
      z: 7,
      symbolSize: 6,
      itemStyle: { color: '#c62828' },
      label: { show: true, position: 'top', fontWeight: 'bold', color: '#c62828', formatter: '{b}' },
      data: [
        { name: 'A', value: [section.start.x, section.start.y] },
        { name: 'B', value: [section.end.x, section.end.y] },
      ],
    },
  ];
}

export function planMapOption(input: PlanMapInput): EChartsOption {
  const { traces } = input;
  const holes = traces.holeIds.length;
  const box = {
    width: input.size.width - PLAN_GRID.left - PLAN_GRID.right,
    height: input.size.height - PLAN_GRID.top - PLAN_GRID.bottom,
  };
  const ranges = equalScaleRanges(planExtent(input), box);
  // Flat arrays ([count, x, y, x, y, ...] for lines, [x, y] per collar) are ECharts' fastest input; hover
  // finds the hole ID by the item's index.
  const lines: number[] = [];
  const lineHoles: string[] = [];
  const collars: number[][] = [];
  const ends: { name: string; value: number[] }[] = [];
  for (let h = 0; h < holes; h++) {
    const first = traces.offsets[h]!;
    const last = traces.offsets[h + 1]!;
    const name = traces.holeIds[h]!;
    collars.push([traces.xyz[3 * first]!, traces.xyz[3 * first + 1]!]);
    if (last - first < 2) continue;
    lines.push(last - first);
    for (let v = first; v < last; v++) lines.push(traces.xyz[3 * v]!, traces.xyz[3 * v + 1]!);
    lineHoles.push(name);
    ends.push({ name, value: [traces.xyz[3 * last - 3]!, traces.xyz[3 * last - 2]!] });
  }
  const holeOf =
    (names: readonly string[], suffix = '') =>
    (params: unknown) =>
      `${names[(params as { dataIndex: number }).dataIndex] ?? ''}${suffix}`;
  const labels = input.holeLabels ?? holes <= 200;
  const classes = input.pierces ? gradeClasses(input.pierces.value) : null;
  const series: SeriesList = [
    {
      type: 'lines',
      name: 'Traces',
      coordinateSystem: 'cartesian2d',
      polyline: true,
      large: true,
      largeThreshold: 2000,
      // Drawn in one pass: a pan or zoom frame is then complete when it is shown.
      progressive: 0,
      lineStyle: { color: '#546e7a', width: 1, opacity: 0.9 },
      // The flat array becomes a typed array inside ECharts, which then wants its one dimension named.
      dimensions: ['value'],
      data: lines,
      z: 2,
      tooltip: { formatter: holeOf(lineHoles) },
    },
    {
      type: 'scatter',
      name: 'Collars',
      data: collars,
      symbol: 'circle',
      symbolSize: holes > 2000 ? 3 : 5,
      large: true,
      largeThreshold: 2000,
      // Drawn in one pass: a pan or zoom frame is then complete when it is shown.
      progressive: 0,
      itemStyle: { color: '#263238' },
      z: 3,
      tooltip: { formatter: holeOf(traces.holeIds, ' (collar)') },
    },
  ];
  if (labels) {
    series.push({
      type: 'scatter',
      name: 'Hole IDs',
      data: ends,
      symbolSize: 0,
      silent: true,
      z: 4,
      label: { show: true, formatter: '{b}', fontSize: 10, color: '#37474f', position: 'right' },
      labelLayout: { hideOverlap: true },
    });
  }
  if (input.pierces && classes) series.push(...pierceSeries(input.pierces, classes));
  if (input.section) series.push(...sectionSeries(input.section));
  const unit = input.lengthUnit;
  const axis = (name: string, range: [number, number]) => ({
    type: 'value' as const,
    name,
    min: range[0],
    max: range[1],
    scale: true,
    splitLine: { lineStyle: { color: '#eceff1' } },
    axisLine: { onZero: false },
    axisLabel: { formatter: coordinateLabel, showMinLabel: false, showMaxLabel: false, hideOverlap: true },
  });
  return {
    animation: false,
    title: input.title ? { text: input.title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    grid: { ...PLAN_GRID },
    xAxis: { ...axis(`Easting (${unit})`, ranges.x), nameLocation: 'middle', nameGap: 30 },
    yAxis: { ...axis(`Northing (${unit})`, ranges.y), nameLocation: 'middle', nameGap: 62 },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    tooltip: { trigger: 'item', confine: true },
    legend: classes
      ? {
          orient: 'vertical',
          right: 8,
          top: 60,
          data: classes.labels,
          formatter: (name: string) => name,
        }
      : undefined,
    graphic: classes
      ? [
          {
            type: 'text',
            right: 8,
            top: 40,
            style: {
              text: input.pierces!.label,
              fontSize: 11,
              fill: '#37474f',
              width: 160,
              overflow: 'break',
            },
          },
        ]
      : undefined,
    series,
  };
}
