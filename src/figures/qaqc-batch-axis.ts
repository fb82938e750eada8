// The x axis QA/QC charts share: results numbered 1..n in batch order, a tick and label where each batch
// (certificate) starts, and every other batch shaded so the runs read apart.
import type { EChartsOption } from './echarts-setup';

export const QC_COLOURS = {
  pass: '#1f5fa8',
  warning: '#d98200',
  failure: '#c62828',
  certified: '#2e7d32',
  excluded: '#9e9e9e',
} as const;

export interface BatchSpans {
  /** Position (1-based) of each batch's first result, and the batch's label. */
  starts: { at: number; label: string }[];
  /** Every other batch's span, for shading. */
  shaded: [number, number][];
}

/** Where each batch starts and ends along results numbered 1..n. */
export function batchSpans(batches: readonly (string | null)[]): BatchSpans {
  const starts: BatchSpans['starts'] = [];
  batches.forEach((batch, index) => {
    if (index === 0 || batch !== batches[index - 1])
      starts.push({ at: index + 1, label: batch ?? 'no certificate' });
  });
  const shaded: [number, number][] = [];
  starts.forEach((start, i) => {
    if (i % 2 === 1) shaded.push([start.at - 0.5, (starts[i + 1]?.at ?? batches.length + 1) - 0.5]);
  });
  return { starts, shaded };
}

/** The x axis: batch labels at batch starts, overlapping labels hidden. */
export function batchXAxis(batches: readonly (string | null)[], name: string): EChartsOption['xAxis'] {
  const { starts } = batchSpans(batches);
  const labels = new Map(starts.map((start) => [start.at, start.label]));
  return {
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 62,
    min: 0.5,
    max: Math.max(1, batches.length) + 0.5,
    splitLine: { show: false },
    axisTick: { customValues: starts.map((start) => start.at) },
    axisLabel: {
      customValues: starts.map((start) => start.at),
      formatter: (value: number) => labels.get(value) ?? '',
      rotate: 35,
      fontSize: 10,
      hideOverlap: true,
    },
  };
}

/** Shading of every other batch, as a mark area on the series it is given to. */
export function batchShading(batches: readonly (string | null)[]): {
  silent: boolean;
  itemStyle: { color: string };
  data: [{ xAxis: number }, { xAxis: number }][];
} {
  return {
    silent: true,
    itemStyle: { color: 'rgba(0, 0, 0, 0.04)' },
    data: batchSpans(batches).shaded.map(([from, to]) => [{ xAxis: from }, { xAxis: to }]),
  };
}

/**
 * The tooltip of a chart of inserts in batch order: which sample and batch the point is, then `detail`'s
 * lines (the result and what it means on this chart).
 */
export function insertTooltip<P extends { sampleId: string | null; holeId: string; batch: string | null }>(
  byX: ReadonlyMap<number, P>,
  detail: (point: P) => string[],
): EChartsOption['tooltip'] {
  return {
    trigger: 'item',
    formatter: (params: unknown) => {
      const value = (params as { value?: [number, number] }).value;
      const point = value ? byX.get(value[0]) : undefined;
      if (!point) return '';
      return [
        `Sample ${point.sampleId ?? '(no ID)'} (${point.holeId})`,
        `Batch ${point.batch ?? '(no certificate)'}`,
        ...detail(point),
      ].join('<br/>');
    },
  };
}
