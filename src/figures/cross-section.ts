// A cross-section as an ECharts option: distance along the section across, elevation up (equal scale, or
// a chosen vertical exaggeration), the traces in the slab projected onto it, a run's intercepts or
// composites as bars along the traces coloured by grade class, hole IDs at collars, intercept labels
// ("9.2 m @ 13.73 % Zn+Pb"), and the true-thickness plane drawn through each intercept at its apparent dip.
import type { RunIntervals, TraceSet } from '../api/section-types';
import { planeOnSection, planeSegment } from '../domain/sections/apparent-dip';
import { traceIndex } from '../domain/sections/hole-traces';
import { intervalOnSection, tracesOnSection } from '../domain/sections/section-clipping';
import {
  lookingAzimuth,
  sectionFrame,
  type SectionFrame,
  type SectionLine,
} from '../domain/sections/section-geometry';
import type { EChartsOption } from './echarts-setup';

type SeriesList = Extract<NonNullable<EChartsOption['series']>, unknown[]>;
import { coordinateLabel, equalScaleRanges, type Extent } from './equal-scale';
import { classOf, gradeClasses, MISSING_COLOUR } from './grade-classes';
import { interceptText } from './plan-map';

/**
 * At most this many labels of each kind: placing labels without overlap is redone on every pan and zoom
 * frame and costs more than the thousands of lines. Past it the summary says so; hover for the names.
 */
export const MAX_LABELS = 120;

export interface SectionBar {
  hole: string;
  from: number;
  to: number;
  along: number[];
  elevation: number[];
  /** Downhole depth of each point. */
  depth: number[];
  grade: number | null;
  including: boolean;
  /** "9.2 m @ 13.73 % Zn+Pb" for intercepts; null for composites (too many to label). */
  text: string | null;
}

export interface SectionFigureInput {
  frame: SectionFrame;
  lengthUnit: string;
  traces: { hole: string; along: number[]; elevation: number[] }[];
  /** Where each hole on the section is labelled: the end of its last stretch in the slab. */
  holeLabels: { hole: string; along: number; elevation: number }[];
  /** Collars inside the slab. */
  collars: { hole: string; along: number; elevation: number }[];
  bars: SectionBar[];
  gradeLabel: string;
  gradeUnit: string;
  /** The plane's trace through each intercept (segments in section coordinates), and its description. */
  planes: [[number, number], [number, number]][];
  planeLabel: string | null;
  exaggeration: number;
  size: { width: number; height: number };
  title?: string;
}

const PLANE_LEGEND = 'True-thickness plane';

export const SECTION_GRID = { left: 80, right: 190, top: 56, bottom: 56 } as const;

const compass = (azimuth: number) => String(Math.round(azimuth) % 360).padStart(3, '0');

/** "A-B, azimuth 115, looking 025, 75 m either side". */
export function sectionCaption(frame: SectionFrame, lengthUnit: string, name?: string): string {
  const w = Number(frame.line.halfWidth.toFixed(1));
  return `${name ? `${name}: ` : ''}A-B azimuth ${compass(frame.azimuth)}, looking ${compass(lookingAzimuth(frame))}, ${Number(frame.length.toFixed(0))} ${lengthUnit} long, ${w} ${lengthUnit} either side`;
}

/** Puts the traces and a run's intervals on the section. */
export function sectionFigureInput(
  set: TraceSet,
  intervals: RunIntervals | null,
  line: SectionLine,
  options: { exaggeration?: number; size: { width: number; height: number }; title?: string },
): SectionFigureInput {
  const frame = sectionFrame(line);
  const pieces = tracesOnSection(frame, set.traces);
  const traces = pieces.map(({ hole, piece }) => ({
    hole: set.traces.holeIds[hole]!,
    along: piece.along,
    elevation: piece.elevation,
  }));
  // Hole IDs go at the end of each hole's last stretch in the slab: holes fanned from one station share a
  // collar, where their labels would sit on each other; their ends are apart.
  const labelled = new Set<string>();
  const ends = new Map<string, { hole: string; along: number; elevation: number }>();
  const collars: SectionFigureInput['collars'] = [];
  for (const { hole, piece } of pieces) {
    const holeId = set.traces.holeIds[hole]!;
    labelled.add(holeId);
    const last = piece.along.length - 1;
    ends.set(holeId, { hole: holeId, along: piece.along[last]!, elevation: piece.elevation[last]! });
    if (piece.depth[0] === 0)
      collars.push({ hole: holeId, along: piece.along[0]!, elevation: piece.elevation[0]! });
  }
  const holeLabels = [...ends.values()];
  const bars: SectionBar[] = [];
  const planes: SectionFigureInput['planes'] = [];
  const plane = intervals?.plane ? planeOnSection(intervals.plane, frame) : null;
  if (intervals) {
    const index = traceIndex(set.traces);
    const halfLength = Math.max(5, frame.length / 16);
    for (let r = 0; r < intervals.hole.length; r++) {
      const hole = intervals.holeIds[intervals.hole[r]!]!;
      const h = index.get(hole);
      if (h === undefined || !labelled.has(hole)) continue;
      const from = intervals.from[r]!;
      const to = intervals.to[r]!;
      const grade = intervals.grade[r] ?? null;
      const including = intervals.including[r] === 1;
      const text =
        intervals.kind === 'intercepts'
          ? interceptText(to - from, grade, intervals.gradeUnit, intervals.gradeLabel, intervals.lengthUnit)
          : null;
      for (const piece of intervalOnSection(frame, set.traces, h, from, to)) {
        bars.push({
          hole,
          from,
          to,
          along: piece.along,
          elevation: piece.elevation,
          depth: piece.depth,
          grade,
          including,
          text,
        });
        if (plane && !including) {
          const centre = barMiddle(bars[bars.length - 1]!);
          const segment = planeSegment(plane, centre, halfLength);
          if (segment) planes.push(segment);
        }
      }
    }
  }
  const planeLabel =
    intervals?.plane && plane
      ? plane.parallel
        ? `Plane ${intervals.plane.dip} to ${compass(intervals.plane.dipDirection)}, parallel to the section`
        : `Plane ${intervals.plane.dip} to ${compass(intervals.plane.dipDirection)}, apparent dip ${plane.apparentDip.toFixed(1)}`
      : null;
  return {
    frame,
    lengthUnit: set.lengthUnit,
    traces,
    holeLabels,
    collars,
    bars,
    gradeLabel: intervals?.gradeLabel ?? '',
    gradeUnit: intervals?.gradeUnit ?? '',
    planes,
    planeLabel,
    exaggeration: options.exaggeration ?? 1,
    size: options.size,
    title: options.title,
  };
}

/** Where a bar's mid-depth falls on the section (between the points either side of it). */
export function barMiddle(bar: Pick<SectionBar, 'along' | 'elevation' | 'depth'>): {
  along: number;
  elevation: number;
} {
  const middle = (bar.depth[0]! + bar.depth[bar.depth.length - 1]!) / 2;
  let k = 0;
  while (k + 2 < bar.depth.length && bar.depth[k + 1]! < middle) k++;
  const d0 = bar.depth[k]!;
  const d1 = bar.depth[k + 1] ?? d0;
  const t = d1 > d0 ? (middle - d0) / (d1 - d0) : 0;
  const at = (values: number[]) => values[k]! + t * ((values[k + 1] ?? values[k]!) - values[k]!);
  return { along: at(bar.along), elevation: at(bar.elevation) };
}

function sectionExtent(input: SectionFigureInput): Extent {
  const extent: Extent = { xmin: 0, xmax: input.frame.length, ymin: Infinity, ymax: -Infinity };
  for (const trace of input.traces) {
    for (const z of trace.elevation) {
      if (z < extent.ymin) extent.ymin = z;
      if (z > extent.ymax) extent.ymax = z;
    }
  }
  if (!(extent.ymax >= extent.ymin)) {
    extent.ymin = 0;
    extent.ymax = 1;
  }
  return extent;
}

/** Appends a polyline to a flat lines array: [count, x, y, x, y, ...], ECharts' fastest input. */
function pushFlat(flat: number[], along: readonly number[], elevation: readonly number[]): void {
  flat.push(along.length);
  for (let k = 0; k < along.length; k++) flat.push(along[k]!, elevation[k]!);
}

/** Hover text by item index, for flat series that carry no names. */
const nameOf = (names: readonly string[]) => (params: unknown) =>
  names[(params as { dataIndex: number }).dataIndex] ?? '';

export function crossSectionOption(input: SectionFigureInput): EChartsOption {
  const box = {
    width: input.size.width - SECTION_GRID.left - SECTION_GRID.right,
    height: input.size.height - SECTION_GRID.top - SECTION_GRID.bottom,
  };
  const extent = sectionExtent(input);
  const ranges = equalScaleRanges(extent, box, input.exaggeration);
  const grades = input.bars.filter((b) => !b.including).map((b) => b.grade);
  const classes = gradeClasses(grades);
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
      lineStyle: { color: '#546e7a', width: 1 },
      dimensions: ['value'],
      data: input.traces.reduce((flat, t) => (pushFlat(flat, t.along, t.elevation), flat), [] as number[]),
      tooltip: { formatter: nameOf(input.traces.map((t) => t.hole)) },
      z: 2,
    },
  ];
  if (input.planes.length > 0) {
    series.push({
      type: 'lines',
      name: PLANE_LEGEND,
      coordinateSystem: 'cartesian2d',
      polyline: false,
      large: true,
      silent: true,
      lineStyle: { color: '#6d4c41', width: 1, type: 'dashed' },
      data: input.planes.map((segment) => ({ coords: segment })),
      z: 3,
    });
  }
  // One series per grade class (and one for bars without a grade): each draws in large mode.
  const classNames = [...classes.labels, 'no grade'];
  const colours = [...classes.colours, MISSING_COLOUR];
  for (const [including, width] of [
    [false, 7],
    [true, 3],
  ] as const) {
    const byClass = classNames.map(() => ({ flat: [] as number[], names: [] as string[] }));
    for (const bar of input.bars) {
      if (bar.including !== including) continue;
      const k = classOf(classes, bar.grade);
      const label = `${bar.hole} ${bar.from}-${bar.to} ${input.lengthUnit}${bar.text ? `: ${bar.text}` : ''}`;
      const into = byClass[k < 0 ? classNames.length - 1 : k]!;
      pushFlat(into.flat, bar.along, bar.elevation);
      into.names.push(label);
    }
    byClass.forEach(({ flat, names }, k) => {
      if (names.length === 0) return;
      series.push({
        type: 'lines',
        name: classNames[k]!,
        coordinateSystem: 'cartesian2d',
        polyline: true,
        large: true,
        largeThreshold: 2000,
        progressive: 0,
        lineStyle: { color: colours[k], width, cap: 'butt', opacity: 1 },
        dimensions: ['value'],
        data: flat,
        tooltip: { formatter: nameOf(names) },
        z: including ? 5 : 4,
      });
    });
  }
  const intercepts = input.bars.filter((b) => !b.including && b.text !== null);
  const label = (text: string, anchor: 'left' | 'right' | 'bottom', colour: string) => ({
    show: true,
    formatter: text,
    position: anchor,
    fontSize: 10,
    color: colour,
  });
  series.push({
    type: 'scatter',
    name: 'Collars',
    symbolSize: 5,
    large: true,
    itemStyle: { color: '#263238' },
    z: 6,
    data: input.collars.map((c) => [c.along, c.elevation]),
    tooltip: {
      formatter: (params: unknown) => `${nameOf(input.collars.map((c) => c.hole))(params)} (collar)`,
    },
  });
  if (input.holeLabels.length <= MAX_LABELS) {
    series.push({
      type: 'scatter',
      name: 'Hole IDs',
      symbolSize: 0,
      silent: true,
      z: 6,
      data: input.holeLabels.map((h) => ({ name: h.hole, value: [h.along, h.elevation] })),
      label: { ...label('{b}', 'bottom', '#263238') },
      labelLayout: { hideOverlap: true },
    });
  }
  if (intercepts.length > 0 && intercepts.length <= MAX_LABELS) {
    series.push({
      type: 'scatter',
      name: 'Intercept labels',
      symbolSize: 0,
      silent: true,
      z: 7,
      data: intercepts.map((bar) => {
        const middle = barMiddle(bar);
        return {
          name: bar.hole,
          value: [middle.along, middle.elevation],
          label: label(bar.text!, 'right', '#b71c1c'),
        };
      }),
      labelLayout: { hideOverlap: true },
    });
  }
  // A and B over the ends of the section, where the slab starts and stops.
  series.push({
    type: 'lines',
    name: 'Section ends',
    coordinateSystem: 'cartesian2d',
    silent: true,
    z: 1,
    lineStyle: { color: '#c62828', width: 1, type: 'dotted' },
    label: {
      show: true,
      position: 'end',
      formatter: '{b}',
      color: '#c62828',
      fontWeight: 'bold',
      fontSize: 13,
    },
    data: [0, input.frame.length].map((along, k) => ({
      name: k === 0 ? 'A' : 'B',
      coords: [
        [along, extent.ymin],
        [along, extent.ymax],
      ],
    })),
  });
  const unit = input.lengthUnit;
  const gradeTitle =
    input.bars.length > 0 ? `${input.gradeLabel}${input.gradeUnit ? ` (${input.gradeUnit})` : ''}` : '';
  return {
    animation: false,
    title: {
      text: input.title ?? sectionCaption(input.frame, unit),
      subtext:
        [
          input.planeLabel
            ? `True-thickness ${input.planeLabel.replace(/^Plane/, 'plane')} deg on this section`
            : '',
          input.exaggeration !== 1 ? `vertical exaggeration ${input.exaggeration} x` : '',
        ]
          .filter(Boolean)
          .join('; ') || undefined,
      left: 'center',
      textStyle: { fontSize: 13 },
    },
    grid: { ...SECTION_GRID },
    xAxis: {
      type: 'value',
      name: `Distance along A-B (${unit})`,
      nameLocation: 'middle',
      nameGap: 30,
      min: ranges.x[0],
      max: ranges.x[1],
      // At the plot's edge, not at zero along (A).
      axisLine: { onZero: false },
      axisLabel: { formatter: coordinateLabel, showMinLabel: false, showMaxLabel: false, hideOverlap: true },
      splitLine: { lineStyle: { color: '#eceff1' } },
    },
    yAxis: {
      type: 'value',
      name: `Elevation (${unit})`,
      nameLocation: 'middle',
      nameGap: 55,
      min: ranges.y[0],
      max: ranges.y[1],
      // At the plot's edge, not at zero along (A).
      axisLine: { onZero: false },
      axisLabel: { formatter: coordinateLabel, showMinLabel: false, showMaxLabel: false, hideOverlap: true },
      splitLine: { lineStyle: { color: '#eceff1' } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    tooltip: { trigger: 'item', confine: true },
    legend:
      input.bars.length > 0 || input.planes.length > 0
        ? {
            orient: 'vertical',
            right: 8,
            top: 76,
            data: [
              ...classNames.filter((name) => series.some((s) => (s as { name?: string }).name === name)),
              ...(input.planes.length > 0 ? [PLANE_LEGEND] : []),
            ],
            textStyle: { fontSize: 11 },
          }
        : undefined,
    graphic: [
      ...(gradeTitle
        ? [
            {
              type: 'text' as const,
              right: 8,
              top: 56,
              style: { text: gradeTitle, fontSize: 11, fill: '#37474f' },
            },
          ]
        : []),
    ],
    series,
  };
}
