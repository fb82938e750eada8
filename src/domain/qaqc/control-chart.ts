// Control charts of inserted standards: each result of one reference material and analyte, in batch
// order, as z = (value - certified) / SD. Rules (docs/figures.md, QA/QC):
//   - beyond 3 SD (|z| > 3): failure;
//   - two consecutive results beyond 2 SD on the same side (Westgard 2-2s): both are failures;
//   - beyond 2 SD otherwise (2 < |z| <= 3): warning;
//   - anything else passes. Exactly on a line is inside it.
import { ppmFactor } from '../assay-values';
import type { AnalyteUnit } from '../model';
import { inBatchOrder, orderBasis, type OrderBasis } from './batch-order';
import { judgeable, type QcResult, type StandardValue } from './qaqc-model';

export type PointStatus = 'pass' | 'warning' | 'failure';
export type StandardRule = 'beyond-3sd' | 'two-beyond-2sd';

export interface ControlPoint {
  rowId: number;
  sampleId: string | null;
  hole: number;
  holeId: string;
  batch: string | null;
  value: number;
  labText: string;
  z: number;
  status: PointStatus;
  /** Why a failure fails; null for passes and warnings. */
  rule: StandardRule | null;
}

export interface ControlChart {
  code: string;
  analyte: string;
  /** The analyte's unit: certified value, SD and every value are in it. */
  unit: AnalyteUnit;
  certified: number;
  sd: number;
  source: string | null;
  points: ControlPoint[];
  /** Inserts of this standard with no number for the analyte (not sampled, missing, unreadable). */
  withoutResult: { rowId: number; sampleId: string | null; holeId: string; labText: string }[];
  counts: Record<PointStatus, number>;
  /**
   * Mean of the values within 3 SD (a result beyond is a mix-up or a failed run, not a measure of the
   * material), its bias from the certified value in percent, and how many values it rests on.
   */
  mean: number | null;
  biasPercent: number | null;
  meanOf: number;
  orderBasis: OrderBasis;
}

// z is a quotient of decimal figures: 15.81 against 15.12 +/- 0.23 gives 3.0000000000000027.
const EPSILON = 1e-9;

function convert(value: number, from: AnalyteUnit, to: AnalyteUnit): number {
  return from === to ? value : Number(((value * ppmFactor(from)) / ppmFactor(to)).toPrecision(12));
}

/** The certified value and SD in the analyte's unit. */
export function certifiedIn(standard: StandardValue, unit: AnalyteUnit): { certified: number; sd: number } {
  return {
    certified: convert(standard.certifiedValue, standard.unit, unit),
    sd: convert(standard.sd, standard.unit, unit),
  };
}

export function controlChart(
  standard: StandardValue,
  unit: AnalyteUnit,
  results: readonly QcResult[],
): ControlChart {
  const { certified, sd } = certifiedIn(standard, unit);
  const ordered = inBatchOrder(results);
  const points: ControlPoint[] = [];
  const withoutResult: ControlChart['withoutResult'] = [];
  for (const result of ordered) {
    if (!judgeable(result)) {
      withoutResult.push({
        rowId: result.rowId,
        sampleId: result.sampleId,
        holeId: result.holeId,
        labText: result.labText,
      });
      continue;
    }
    const z = (result.value - certified) / sd;
    points.push({
      rowId: result.rowId,
      sampleId: result.sampleId,
      hole: result.hole,
      holeId: result.holeId,
      batch: result.batch,
      value: result.value,
      labText: result.labText,
      z,
      status: Math.abs(z) > 2 + EPSILON ? 'warning' : 'pass',
      rule: null,
    });
  }
  const side = (z: number) => (z > 2 + EPSILON ? 1 : z < -2 - EPSILON ? -1 : 0);
  points.forEach((point, index) => {
    if (Math.abs(point.z) > 3 + EPSILON) {
      point.status = 'failure';
      point.rule = 'beyond-3sd';
      return;
    }
    const previous = points[index - 1];
    const next = points[index + 1];
    const here = side(point.z);
    if (here !== 0 && ((previous && side(previous.z) === here) || (next && side(next.z) === here))) {
      point.status = 'failure';
      point.rule = 'two-beyond-2sd';
    }
  });
  const counts: Record<PointStatus, number> = { pass: 0, warning: 0, failure: 0 };
  for (const point of points) counts[point.status]++;
  const within = points.filter((point) => point.rule !== 'beyond-3sd');
  const mean = within.length > 0 ? within.reduce((sum, p) => sum + p.value, 0) / within.length : null;
  return {
    code: standard.code,
    analyte: standard.analyte,
    unit,
    certified,
    sd,
    source: standard.source,
    points,
    withoutResult,
    counts,
    mean,
    biasPercent: mean === null || certified === 0 ? null : ((mean - certified) / certified) * 100,
    meanOf: within.length,
    orderBasis: orderBasis(points),
  };
}

/** The limits a chart draws and a message quotes, lowest first. */
export function controlLimits(chart: Pick<ControlChart, 'certified' | 'sd'>): {
  minus3: number;
  minus2: number;
  plus2: number;
  plus3: number;
} {
  const { certified, sd } = chart;
  return {
    minus3: certified - 3 * sd,
    minus2: certified - 2 * sd,
    plus2: certified + 2 * sd,
    plus3: certified + 3 * sd,
  };
}
