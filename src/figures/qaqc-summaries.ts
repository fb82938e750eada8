// The QA/QC figures in words and numbers, shown beside each chart for screen readers, people copying
// numbers and tests: counts, the key statistics and what the order rests on.
import type { BlankCheck } from '../domain/qaqc/blanks';
import { describeOrder } from '../domain/qaqc/batch-order';
import type { ControlChart } from '../domain/qaqc/control-chart';
import type { DuplicateCheck } from '../domain/qaqc/duplicates';
import { formatValue } from '../domain/qaqc/qaqc-model';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function controlChartSummary(chart: ControlChart): string {
  const { counts, unit } = chart;
  const parts = [
    `${plural(chart.points.length, 'result')} of ${chart.code} ${chart.analyte}: ${counts.pass} within 2 SD, ${counts.warning} beyond 2 SD, ${plural(counts.failure, 'failure')}.`,
  ];
  if (chart.mean !== null && chart.biasPercent !== null)
    parts.push(
      `Mean ${formatValue(chart.mean)} ${unit} against certified ${formatValue(chart.certified)} ${unit}: bias ${chart.biasPercent >= 0 ? '+' : ''}${chart.biasPercent.toFixed(2)} % (${plural(chart.meanOf, 'result')} within 3 SD).`,
    );
  if (chart.withoutResult.length > 0)
    parts.push(
      `${plural(chart.withoutResult.length, 'insert')} without a number (${chart.withoutResult.map((r) => r.labText || 'empty').join(', ')}).`,
    );
  parts.push(describeOrder(chart.orderBasis));
  return parts.join(' ');
}

export function blanksSummary(check: BlankCheck): string {
  const parts =
    check.threshold === null
      ? [
          `${plural(check.points.length, 'blank')}; ${check.analyte} has no detection limit, so none is judged.`,
        ]
      : [
          `${plural(check.points.length, 'blank')}: ${check.failures} above ${formatValue(check.threshold)} ${check.unit} (${formatValue(check.factor)} x the detection limit ${formatValue(check.detectionLimit ?? 0)} ${check.unit}).`,
        ];
  if (check.withoutResult > 0) parts.push(`${plural(check.withoutResult, 'blank')} without a number.`);
  parts.push(describeOrder(check.orderBasis));
  return parts.join(' ');
}

export function duplicatesSummary(check: DuplicateCheck): string {
  const share = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)} %`);
  const parts = [
    `${plural(check.pairs.length, 'pair')}; ${check.included} counted for precision: HARD at most 10 % for ${share(check.within10)}, at most 20 % for ${share(check.within20)}.`,
  ];
  parts.push(
    check.practicalLimit === null
      ? `${check.analyte} has no detection limit, so no pair is left out as too close to it.`
      : `${plural(check.belowLimit, 'pair')} with a mean under ${formatValue(check.practicalLimit)} ${check.unit} (${formatValue(check.factor)} x DL) left out.`,
  );
  if (check.unpaired > 0)
    parts.push(
      `${plural(check.unpaired, 'duplicate')} without a pair (parent not in the project or without a result).`,
    );
  return parts.join(' ');
}
