// The control chart of one standard and analyte: each result in batch order against the certified value
// and the +/-2 SD and +/-3 SD lines, failures marked. A result far off the chart (a mislabelled pulp) is
// drawn at the edge as a triangle with its value, so it does not squash the limits into a line.
import type { ControlChart, ControlPoint } from '../domain/qaqc/control-chart';
import { controlLimits } from '../domain/qaqc/control-chart';
import { formatValue } from '../domain/qaqc/qaqc-model';
import type { EChartsOption } from './echarts-setup';
import { batchShading, batchXAxis, insertTooltip, QC_COLOURS } from './qaqc-batch-axis';

/** How far from the certified value (in SD) the y axis may reach before results are drawn at its edge. */
const REACH_SD = 8;

interface Drawn {
  point: ControlPoint;
  x: number;
  y: number;
  /** 1 above the axis, -1 below, 0 on it. */
  off: number;
}

export function controlChartOption(chart: ControlChart): EChartsOption {
  const { certified, sd, unit } = chart;
  const limits = controlLimits(chart);
  const values = chart.points.map((p) => p.value);
  const top = Math.min(certified + REACH_SD * sd, Math.max(limits.plus3 + sd, ...values));
  const bottom = Math.max(certified - REACH_SD * sd, Math.min(limits.minus3 - sd, ...values));
  const drawn: Drawn[] = chart.points.map((point, index) => {
    const off = point.value > top ? 1 : point.value < bottom ? -1 : 0;
    return { point, x: index + 1, y: off === 1 ? top : off === -1 ? bottom : point.value, off };
  });
  const batches = chart.points.map((p) => p.batch);
  const line = (value: number, name: string, colour: string, type: 'solid' | 'dashed') => ({
    name,
    yAxis: value,
    lineStyle: { color: colour, type, width: type === 'solid' ? 1.5 : 1 },
    label: { formatter: `${name} ${formatValue(value)}`, position: 'insideEndTop' as const, color: colour },
  });
  const scatter = (
    name: string,
    status: ControlPoint['status'],
    colour: string,
    symbol: string,
    size: number,
  ) => {
    const members = drawn.filter((d) => d.point.status === status);
    return {
      type: 'scatter' as const,
      name: `${name} (${members.length})`,
      itemStyle: { color: colour },
      symbolSize: size,
      z: 3,
      data: members.map((d) => ({
        value: [d.x, d.y],
        symbol: d.off === 0 ? symbol : 'triangle',
        symbolRotate: d.off === -1 ? 180 : 0,
        label:
          d.off === 0
            ? undefined
            : {
                show: true,
                position: d.off === 1 ? ('bottom' as const) : ('top' as const),
                formatter: formatValue(d.point.value),
                color: colour,
              },
      })),
    };
  };
  const byX = new Map(drawn.map((d) => [d.x, d.point]));
  return {
    animation: false,
    title: {
      text: `${chart.code} - ${chart.analyte}`,
      subtext: `Certified ${formatValue(certified)} ± ${formatValue(sd)} ${unit} (1 SD); ${chart.points.length} results`,
      left: 'center',
    },
    legend: { top: 64 },
    grid: { left: 70, right: 110, top: 105, bottom: 90 },
    tooltip: insertTooltip(byX, (point) => [
      `${chart.analyte} ${point.labText} ${unit}`,
      `z = ${point.z.toFixed(2)}${point.rule === 'beyond-3sd' ? ': beyond 3 SD' : point.rule === 'two-beyond-2sd' ? ': two in a row beyond 2 SD' : point.status === 'warning' ? ': beyond 2 SD' : ''}`,
    ]),
    xAxis: batchXAxis(batches, 'Batch (certificate), results in order'),
    yAxis: {
      type: 'value',
      name: `${chart.analyte} (${unit})`,
      min: bottom,
      max: top,
      // The ends are wherever the limits and results fall, rarely round: label only the nice ticks.
      axisLabel: {
        formatter: (value: number) => formatValue(value),
        showMinLabel: false,
        showMaxLabel: false,
      },
    },
    series: [
      {
        type: 'line',
        name: 'Results in order',
        data: drawn.map((d) => [d.x, d.y]),
        showSymbol: false,
        lineStyle: { color: '#90a4ae', width: 1 },
        itemStyle: { color: '#90a4ae' },
        silent: true,
        markArea: batchShading(batches),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            line(limits.plus3, '+3 SD', QC_COLOURS.failure, 'dashed'),
            line(limits.plus2, '+2 SD', QC_COLOURS.warning, 'dashed'),
            line(certified, 'Certified', QC_COLOURS.certified, 'solid'),
            line(limits.minus2, '-2 SD', QC_COLOURS.warning, 'dashed'),
            line(limits.minus3, '-3 SD', QC_COLOURS.failure, 'dashed'),
          ],
        },
      },
      scatter('Within 2 SD', 'pass', QC_COLOURS.pass, 'circle', 6),
      scatter('Beyond 2 SD', 'warning', QC_COLOURS.warning, 'circle', 8),
      scatter('Failures', 'failure', QC_COLOURS.failure, 'diamond', 11),
    ],
  };
}
