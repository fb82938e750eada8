// QA/QC failures as validation warnings: a standard or blank that fails warns every sample of its batch
// (the certificate it came on) for that analyte, since those results passed through the same run. A
// failure without a certificate number has no batch, so only the failing insert itself is warned.
import type { Problem } from '../model';
import type { BlankCheck } from './blanks';
import { controlLimits, type ControlChart } from './control-chart';
import { formatValue } from './qaqc-model';

export const QAQC_RULES = ['qaqc-standard-failure', 'qaqc-blank-failure'] as const;
export type QaqcRule = (typeof QAQC_RULES)[number];

export interface QcFailure {
  rule: QaqcRule;
  analyte: string;
  rowId: number;
  sampleId: string | null;
  hole: number;
  holeId: string;
  batch: string | null;
  /** The whole failure in one sentence, naming the insert, the value and the limit. */
  text: string;
}

function sampleName(sampleId: string | null): string {
  return sampleId ? `sample ${sampleId}` : 'a sample without an ID';
}

export function standardFailures(chart: ControlChart): QcFailure[] {
  const limits = controlLimits(chart);
  const unit = chart.unit;
  const range = `certified ${formatValue(chart.certified)} ± ${formatValue(chart.sd)} ${unit}, 3 SD limits ${formatValue(limits.minus3)}-${formatValue(limits.plus3)} ${unit}`;
  return chart.points
    .filter((point) => point.status === 'failure')
    .map((point) => ({
      rule: 'qaqc-standard-failure' as const,
      analyte: chart.analyte,
      rowId: point.rowId,
      sampleId: point.sampleId,
      hole: point.hole,
      holeId: point.holeId,
      batch: point.batch,
      text:
        point.rule === 'beyond-3sd'
          ? `standard ${chart.code} (${sampleName(point.sampleId)}) ${chart.analyte} ${formatValue(point.value)} ${unit} is beyond 3 SD (${range})`
          : `standard ${chart.code} (${sampleName(point.sampleId)}) ${chart.analyte} ${formatValue(point.value)} ${unit} is one of two results in a row beyond 2 SD on the same side (${range})`,
    }));
}

export function blankFailures(check: BlankCheck): QcFailure[] {
  if (check.threshold === null) return [];
  const threshold = check.threshold;
  return check.points
    .filter((point) => point.failed)
    .map((point) => ({
      rule: 'qaqc-blank-failure' as const,
      analyte: check.analyte,
      rowId: point.rowId,
      sampleId: point.sampleId,
      hole: point.hole,
      holeId: point.holeId,
      batch: point.batch,
      text: `blank (${sampleName(point.sampleId)}) ${check.analyte} ${formatValue(point.value)} ${check.unit} is above ${formatValue(threshold)} ${check.unit} (${formatValue(check.factor)} x the detection limit ${formatValue(check.detectionLimit ?? 0)} ${check.unit})`,
    }));
}

export interface BatchMember {
  rowId: number;
  hole: number;
  holeId: string;
}

/**
 * One warning per sample of each failing batch, analyte and rule; several failures in one batch are
 * named in one message. `membersOf` lists the samples with a result of the analyte on the certificate.
 */
export function batchWarnings(
  failures: readonly QcFailure[],
  membersOf: (batch: string, analyte: string) => readonly BatchMember[],
): (Problem & { hole: number })[] {
  const groups = new Map<string, QcFailure[]>();
  for (const failure of failures) {
    const key = JSON.stringify([failure.rule, failure.analyte, failure.batch ?? `#${failure.rowId}`]);
    const list = groups.get(key);
    if (list) list.push(failure);
    else groups.set(key, [failure]);
  }
  const found: (Problem & { hole: number })[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const what = group.map((failure) => failure.text).join('; ');
    const kind = first.rule === 'qaqc-standard-failure' ? 'standard' : 'blank';
    if (first.batch === null) {
      found.push({
        rule: first.rule,
        severity: 'warning',
        table: 'assays',
        hole_id: first.holeId,
        hole: first.hole,
        row_id: first.rowId,
        column: first.analyte,
        message: `QA/QC: ${what}. The result has no certificate number, so no batch can be flagged; check the ${kind} and the samples run with it.`,
      });
      continue;
    }
    const message = `QA/QC, batch ${first.batch}: ${what}. Check this batch's ${first.analyte} results with the lab (re-assay the batch or accept it and say why).`;
    for (const member of membersOf(first.batch, first.analyte)) {
      found.push({
        rule: first.rule,
        severity: 'warning',
        table: 'assays',
        hole_id: member.holeId,
        hole: member.hole,
        row_id: member.rowId,
        column: first.analyte,
        message,
      });
    }
  }
  return found;
}
