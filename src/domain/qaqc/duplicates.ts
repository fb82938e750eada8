// Field duplicates: each duplicate paired with the sample it repeats (its parent sample ID), per analyte.
// Precision is the half absolute relative difference, HARD = |a - b| / (a + b) x 100, ranked from best
// to worst with the share of pairs at or under 10 % and 20 %. Pairs whose mean is under a practical
// limit (k x detection limit, k = 10 unless the project says otherwise) are shown but left out of the
// precision figures: near detection, the lab's rounding alone makes large relative differences.
import type { AnalyteUnit } from '../model';
import { inBatchOrder, orderBasis, type OrderBasis } from './batch-order';
import { judgeable, type QcResult } from './qaqc-model';

export interface DuplicateInput {
  duplicate: QcResult;
  /** The parent sample's result, or null when the parent is not in the project or has no result. */
  original: QcResult | null;
  parentSampleId: string;
}

export interface DuplicatePair {
  rowId: number;
  sampleId: string | null;
  hole: number;
  holeId: string;
  batch: string | null;
  parentRowId: number;
  parentSampleId: string;
  original: number;
  duplicate: number;
  mean: number;
  hard: number;
  /** False when the pair's mean is under the practical limit. */
  included: boolean;
}

export interface DuplicateCheck {
  analyte: string;
  unit: AnalyteUnit;
  detectionLimit: number | null;
  factor: number;
  /** factor x detection limit; null when the analyte has no detection limit (no pair is left out). */
  practicalLimit: number | null;
  /** Every pair with two numbers, in batch order. */
  pairs: DuplicatePair[];
  /** HARD of the included pairs, lowest first, with their percentile rank (0-100]. */
  ranked: { rank: number; hard: number; rowId: number }[];
  included: number;
  belowLimit: number;
  /** Duplicates without a number on either side (no parent, parent without a result, not sampled). */
  unpaired: number;
  /** Share of included pairs with HARD at or under 10 % and 20 %; null without included pairs. */
  within10: number | null;
  within20: number | null;
  orderBasis: OrderBasis;
}

const EPSILON = 1e-9;

/** Half absolute relative difference in percent; two zeros agree perfectly. */
export function hard(a: number, b: number): number {
  const sum = Math.abs(a) + Math.abs(b);
  return sum === 0 ? 0 : (Math.abs(a - b) / sum) * 100;
}

export function duplicateCheck(
  analyte: string,
  unit: AnalyteUnit,
  detectionLimit: number | null,
  factor: number,
  inputs: readonly DuplicateInput[],
): DuplicateCheck {
  const usable = detectionLimit !== null && detectionLimit > 0;
  const practicalLimit = usable ? Number((factor * detectionLimit).toPrecision(12)) : null;
  const pairs: DuplicatePair[] = [];
  let unpaired = 0;
  const ordered = inBatchOrder(inputs.map((input) => ({ ...input.duplicate, input })));
  for (const { input } of ordered) {
    const { duplicate, original } = input;
    if (!original || !judgeable(duplicate) || !judgeable(original)) {
      unpaired++;
      continue;
    }
    const mean = (original.value + duplicate.value) / 2;
    pairs.push({
      rowId: duplicate.rowId,
      sampleId: duplicate.sampleId,
      hole: duplicate.hole,
      holeId: duplicate.holeId,
      batch: duplicate.batch,
      parentRowId: original.rowId,
      parentSampleId: input.parentSampleId,
      original: original.value,
      duplicate: duplicate.value,
      mean,
      hard: hard(original.value, duplicate.value),
      included: practicalLimit === null || mean >= practicalLimit - EPSILON,
    });
  }
  const used = pairs.filter((pair) => pair.included).sort((a, b) => a.hard - b.hard || a.rowId - b.rowId);
  const ranked = used.map((pair, index) => ({
    rank: ((index + 1) / used.length) * 100,
    hard: pair.hard,
    rowId: pair.rowId,
  }));
  const share = (limit: number) =>
    used.length === 0
      ? null
      : (used.filter((pair) => pair.hard <= limit + EPSILON).length / used.length) * 100;
  return {
    analyte,
    unit,
    detectionLimit: usable ? detectionLimit : null,
    factor,
    practicalLimit,
    pairs,
    ranked,
    included: used.length,
    belowLimit: pairs.length - used.length,
    unpaired,
    within10: share(10),
    within20: share(20),
    orderBasis: orderBasis(pairs),
  };
}
