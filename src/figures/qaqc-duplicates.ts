// Field duplicate figures of one analyte: original against duplicate (x = y) with the 1:1, +/-10 % and
// +/-20 % lines, linear or log axes; and the ranked HARD plot, pairs sorted from best to worst agreement
// with the 10 % and 20 % lines and the share of pairs passing in the legend.
import type { DuplicateCheck, DuplicatePair } from '../domain/qaqc/duplicates';
import { formatValue } from '../domain/qaqc/qaqc-model';
import type { EChartsOption } from './echarts-setup';
import { QC_COLOURS } from './qaqc-batch-axis';

const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(0)} %`);

/** "57 pairs: 98 % <= 10 %, 100 % <= 20 %", the figure's key numbers. */
export function hardSummary(check: DuplicateCheck): string {
  return `${check.included} pairs: ${percent(check.within10)} with HARD <= 10 %, ${percent(check.within20)} <= 20 %`;
}

function pairTooltip(check: DuplicateCheck, pair: DuplicatePair): string {
  return [
    `Duplicate ${pair.sampleId ?? '(no ID)'} of ${pair.parentSampleId} (${pair.holeId})`,
    `Batch ${pair.batch ?? '(no certificate)'}`,
    `Original ${formatValue(pair.original)}, duplicate ${formatValue(pair.duplicate)} ${check.unit}`,
    `HARD ${pair.hard.toFixed(1)} %${pair.included ? '' : ' (under the practical limit, not counted)'}`,
  ].join('<br/>');
}

export function duplicateScatterOption(check: DuplicateCheck, options: { log: boolean }): EChartsOption {
  const { unit, analyte } = check;
  const shown = options.log ? check.pairs.filter((p) => p.original > 0 && p.duplicate > 0) : check.pairs;
  const dropped = check.pairs.length - shown.length;
  const values = shown.flatMap((p) => [p.original, p.duplicate]);
  const highest = values.length > 0 ? Math.max(...values) : 1;
  const lowest = values.length > 0 ? Math.min(...values) : 0.1;
  const hi = options.log ? 10 ** Math.ceil(Math.log10(highest)) : Number((highest * 1.05).toPrecision(2));
  const lo = options.log ? 10 ** Math.floor(Math.log10(lowest)) : 0;
  const guide = (name: string, factor: number, colour: string, type: 'solid' | 'dashed' | 'dotted') => ({
    type: 'line' as const,
    name,
    data: [
      [lo, lo * factor],
      [hi, hi * factor],
    ],
    showSymbol: false,
    silent: true,
    lineStyle: { color: colour, type, width: 1 },
    itemStyle: { color: colour },
  });
  const index = new Map(shown.map((pair) => [`${pair.original}:${pair.duplicate}:${pair.rowId}`, pair]));
  const points = (included: boolean) =>
    shown
      .filter((p) => p.included === included)
      .map((p) => ({ value: [p.original, p.duplicate], name: `${p.original}:${p.duplicate}:${p.rowId}` }));
  const used = points(true);
  const under = points(false);
  const axis = (name: string) => ({
    type: options.log ? ('log' as const) : ('value' as const),
    name,
    nameLocation: 'middle' as const,
    nameGap: 40,
    min: lo,
    max: hi,
    axisLabel: { formatter: (value: number) => formatValue(value) },
  });
  return {
    animation: false,
    title: {
      text: `Field duplicates - ${analyte}`,
      subtext: `${check.pairs.length} pairs${dropped > 0 ? `, ${dropped} with a zero not drawn on log axes` : ''}${check.practicalLimit === null ? '' : `; pairs under ${formatValue(check.practicalLimit)} ${unit} (${formatValue(check.factor)} x DL) in grey, not counted`}`,
      left: 'center',
    },
    legend: { top: 64 },
    grid: { left: 80, right: 40, top: 110, bottom: 60 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const pair = index.get((params as { name?: string }).name ?? '');
        return pair ? pairTooltip(check, pair) : '';
      },
    },
    xAxis: axis(`Original ${analyte} (${unit})`),
    yAxis: axis(`Duplicate ${analyte} (${unit})`),
    series: [
      guide('1:1', 1, '#424242', 'solid'),
      guide('±10 %', 1.1, QC_COLOURS.warning, 'dashed'),
      guide('±10 %', 1 / 1.1, QC_COLOURS.warning, 'dashed'),
      guide('±20 %', 1.2, QC_COLOURS.failure, 'dotted'),
      guide('±20 %', 1 / 1.2, QC_COLOURS.failure, 'dotted'),
      {
        type: 'scatter',
        name: `Pairs counted (${used.length})`,
        data: used,
        symbolSize: 7,
        itemStyle: { color: QC_COLOURS.pass },
        z: 3,
      },
      {
        type: 'scatter',
        name: `Under the practical limit (${under.length})`,
        data: under,
        symbolSize: 6,
        itemStyle: { color: 'transparent', borderColor: QC_COLOURS.excluded, borderWidth: 1 },
        z: 2,
      },
    ],
  };
}

export function rankedHardOption(check: DuplicateCheck): EChartsOption {
  const highest = Math.max(25, ...check.ranked.map((r) => r.hard));
  const line = (value: number, colour: string) => ({
    yAxis: value,
    lineStyle: { color: colour, type: 'dashed' as const },
    label: { formatter: `${value} %`, position: 'insideEndTop' as const, color: colour },
  });
  return {
    animation: false,
    title: {
      text: `Ranked HARD - ${check.analyte}`,
      subtext: `Half absolute relative difference |a - b| / (a + b) of field duplicate pairs, best first`,
      left: 'center',
    },
    legend: { top: 64 },
    grid: { left: 70, right: 60, top: 105, bottom: 60 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number] }).value;
        return value ? `Rank ${value[0].toFixed(0)} %: HARD ${value[1].toFixed(1)} %` : '';
      },
    },
    xAxis: {
      type: 'value',
      name: 'Pairs ranked (%)',
      nameLocation: 'middle',
      nameGap: 30,
      min: 0,
      max: 100,
    },
    yAxis: { type: 'value', name: 'HARD (%)', min: 0, max: Math.ceil(highest / 5) * 5 },
    series: [
      {
        type: 'line',
        name: hardSummary(check),
        data: check.ranked.map((r) => [r.rank, r.hard]),
        symbolSize: 5,
        lineStyle: { color: QC_COLOURS.pass, width: 1.5 },
        itemStyle: { color: QC_COLOURS.pass },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [line(10, QC_COLOURS.warning), line(20, QC_COLOURS.failure)],
        },
      },
    ],
  };
}
