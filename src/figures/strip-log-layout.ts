// Where the strip log's tracks go: side by side across the width in proportion to their weights, each
// with its own x axis on top and a depth axis sharing one range (labelled on the first track only),
// zoomed and scrolled together by one inside zoom and one slider.
import type {
  DataZoomComponentOption,
  GridComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { LengthUnit } from '../domain/model';
import type { DepthRange } from './strip-log-data';
import { depthText } from './strip-log-text';

export interface Track {
  id: string;
  /** Share of the width. */
  weight: number;
  xAxis: XAXisComponentOption;
}

const TOP = 92;
const BOTTOM = 24;
const LEFT = 6;
const RIGHT = 5;
const GAP = 2.2;

/** The x axis of a track whose x means nothing (lithology, samples, intercepts): its name only. */
export const nameOnlyAxis = (name: string): XAXisComponentOption => ({
  type: 'value',
  min: 0,
  max: 1,
  position: 'top',
  name,
  nameLocation: 'middle',
  nameGap: 10,
  nameTextStyle: { fontWeight: 'bold' },
  axisLabel: { show: false },
  axisTick: { show: false },
  axisLine: { show: false },
  splitLine: { show: false },
});

export function trackGrids(tracks: readonly Track[]): GridComponentOption[] {
  const totalWeight = tracks.reduce((sum, track) => sum + track.weight, 0);
  const free = 100 - LEFT - RIGHT - GAP * (tracks.length - 1);
  let left = LEFT;
  return tracks.map((track) => {
    const width = (free * track.weight) / totalWeight;
    const box = { left: `${left.toFixed(2)}%`, width: `${width.toFixed(2)}%`, top: TOP, bottom: BOTTOM };
    left += width + GAP;
    return box;
  });
}

export function trackXAxes(tracks: readonly Track[]): XAXisComponentOption[] {
  return tracks.map((track, index) => ({ ...track.xAxis, gridIndex: index }) as XAXisComponentOption);
}

export function depthAxes(count: number, range: DepthRange, unit: LengthUnit): YAXisComponentOption[] {
  return Array.from({ length: count }, (_unused, index) => ({
    gridIndex: index,
    type: 'value',
    inverse: true,
    min: range.top,
    max: range.bottom,
    name: index === 0 ? `Depth (${unit})` : undefined,
    nameLocation: 'middle',
    nameGap: 42,
    axisLabel: { show: index === 0, fontSize: 10, formatter: (depth: number) => depthText(depth) },
    axisTick: { show: index === 0 },
    axisLine: { show: true, lineStyle: { color: '#8a94a6' } },
    splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
  }));
}

export function depthZoom(
  count: number,
  range: DepthRange,
  window: { from: number; to: number } | null,
): DataZoomComponentOption[] {
  const axes = Array.from({ length: count }, (_unused, index) => index);
  // Both zooms get the window: linked zooms of the same axes would otherwise start from the first's range.
  const windowRange = window
    ? { startValue: Math.max(range.top, window.from), endValue: Math.min(range.bottom, window.to) }
    : {};
  return [
    { type: 'inside', yAxisIndex: axes, filterMode: 'none', ...windowRange },
    {
      type: 'slider',
      yAxisIndex: axes,
      filterMode: 'none',
      right: 8,
      width: 16,
      top: TOP,
      bottom: BOTTOM,
      showDetail: false,
      ...windowRange,
    },
  ];
}
