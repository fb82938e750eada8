// The blanks chart of one analyte: each blank's result in batch order against the threshold (k x the
// detection limit) and the detection limit itself; blanks above the threshold marked as failures.
import type { BlankCheck } from '../domain/qaqc/blanks';
import { formatValue } from '../domain/qaqc/qaqc-model';
import type { EChartsOption } from './echarts-setup';
import { batchShading, batchXAxis, insertTooltip, QC_COLOURS } from './qaqc-batch-axis';

export function blanksOption(check: BlankCheck): EChartsOption {
  const { unit } = check;
  const batches = check.points.map((p) => p.batch);
  const byX = new Map(check.points.map((point, index) => [index + 1, point]));
  const data = (failed: boolean) =>
    check.points.flatMap((point, index) => (point.failed === failed ? [[index + 1, point.value]] : []));
  const passed = data(false);
  const failed = data(true);
  const lines = [];
  if (check.threshold !== null)
    lines.push({
      name: 'Threshold',
      yAxis: check.threshold,
      lineStyle: { color: QC_COLOURS.failure, type: 'dashed' as const },
      label: {
        formatter: `${formatValue(check.factor)} x DL = ${formatValue(check.threshold)}`,
        position: 'insideEndTop' as const,
        color: QC_COLOURS.failure,
      },
    });
  if (check.detectionLimit !== null)
    lines.push({
      name: 'Detection limit',
      yAxis: check.detectionLimit,
      lineStyle: { color: QC_COLOURS.excluded, type: 'dotted' as const },
      label: {
        formatter: `DL ${formatValue(check.detectionLimit)}`,
        position: 'insideEndBottom' as const,
        color: '#616161',
      },
    });
  const highest = Math.max(check.threshold ?? 0, ...check.points.map((p) => p.value));
  return {
    animation: false,
    title: {
      text: `Blanks - ${check.analyte}`,
      subtext:
        check.threshold === null
          ? `${check.points.length} results; no detection limit, so no threshold`
          : `${check.points.length} results; threshold ${formatValue(check.threshold)} ${unit} (${formatValue(check.factor)} x DL)`,
      left: 'center',
    },
    legend: { top: 64 },
    grid: { left: 70, right: 110, top: 105, bottom: 90 },
    tooltip: insertTooltip(byX, (point) => [
      `${check.analyte} ${point.labText} ${unit}${point.failed ? ': above the threshold' : ''}`,
    ]),
    xAxis: batchXAxis(batches, 'Batch (certificate), blanks in order'),
    yAxis: {
      type: 'value',
      name: `${check.analyte} (${unit})`,
      min: 0,
      max: highest > 0 ? Number((highest * 1.15).toPrecision(2)) : undefined,
      axisLabel: { formatter: (value: number) => formatValue(value) },
    },
    series: [
      {
        type: 'scatter',
        name: `Blanks (${passed.length})`,
        data: passed,
        symbolSize: 6,
        itemStyle: { color: QC_COLOURS.pass },
        markArea: batchShading(batches),
        markLine: { silent: true, symbol: 'none', data: lines },
      },
      {
        type: 'scatter',
        name: `Above threshold (${failed.length})`,
        data: failed,
        symbol: 'diamond',
        symbolSize: 11,
        itemStyle: { color: QC_COLOURS.failure },
      },
    ],
  };
}
