// Blanks: each inserted blank's result for one analyte, in batch order, judged against a threshold of
// k times the analyte's detection limit (k = 5 unless the project says otherwise). A blank above the
// threshold fails: contamination or carry-over in the batch. Results below detection pass.
import type { AnalyteUnit } from '../model';
import { inBatchOrder, orderBasis, type OrderBasis } from './batch-order';
import { judgeable, type QcResult } from './qaqc-model';

export interface BlankPoint {
  rowId: number;
  sampleId: string | null;
  hole: number;
  holeId: string;
  batch: string | null;
  value: number;
  labText: string;
  failed: boolean;
}

export interface BlankCheck {
  analyte: string;
  unit: AnalyteUnit;
  detectionLimit: number | null;
  factor: number;
  /** factor x detection limit; null when the analyte has no detection limit (nothing can be judged). */
  threshold: number | null;
  points: BlankPoint[];
  withoutResult: number;
  failures: number;
  orderBasis: OrderBasis;
}

export function blankCheck(
  analyte: string,
  unit: AnalyteUnit,
  detectionLimit: number | null,
  factor: number,
  results: readonly QcResult[],
): BlankCheck {
  const usable = detectionLimit !== null && detectionLimit > 0;
  // Rounded like a lab figure, so 5 x 0.01 is 0.05 and not 0.05000000000000000277.
  const threshold = usable ? Number((factor * detectionLimit).toPrecision(12)) : null;
  const points: BlankPoint[] = [];
  let withoutResult = 0;
  for (const result of inBatchOrder(results)) {
    if (!judgeable(result)) {
      withoutResult++;
      continue;
    }
    points.push({
      rowId: result.rowId,
      sampleId: result.sampleId,
      hole: result.hole,
      holeId: result.holeId,
      batch: result.batch,
      value: result.value,
      labText: result.labText,
      failed: threshold !== null && result.flag !== 'bdl' && result.value > threshold,
    });
  }
  return {
    analyte,
    unit,
    detectionLimit: usable ? detectionLimit : null,
    factor,
    threshold,
    points,
    withoutResult,
    failures: points.filter((point) => point.failed).length,
    orderBasis: orderBasis(points),
  };
}
