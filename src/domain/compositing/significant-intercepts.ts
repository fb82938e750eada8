// Significant intercepts (grade-interval composites) of one hole, by the rules in docs/domain.md, with an
// optional "including" pass inside each. Merge order (detailed in ./intercept-runs.ts): neighbouring runs
// are joined across the shortest internal waste first, equal waste lengths shallowest first.
//
// How results count. Each result passes the below-detection rule ('odl' results count at their upper
// limit), then its cap (in the analyte's own unit), then its conversion into the grade unit
// (./grade-units.ts). Grades meet thresholds by ./grade-comparison.ts. In the expression, an analyte with no usable value counts as zero; a sample with
// no usable value for any analyte of the expression is unsampled material, like a gap between samples:
// with unsampled = zero it is waste at zero grade, with unsampled = break it ends an intercept. A
// non-finite expression value (division by zero) also makes the sample unsampled. Reported analytes are
// weighted averages over the whole intercept, waste and unsampled length included, a missing value
// counting as zero (conservative, and the same rule the expression uses, so for a linear expression the
// expression of the reported averages equals the intercept grade); `assayedLengths` says how much length
// had a result. An "including" interval that would span its whole intercept is not reported.
import { usableValue } from './assay-rules';
import { gradeFloor } from './grade-comparison';
import { sampleOrderProblem, FLAG, type HoleSamples } from './hole-samples';
import type { InterceptPlan, PassPlan } from './intercept-settings';
import {
  ELEMENT_GAP,
  ELEMENT_SAMPLE,
  ELEMENT_UNSAMPLED,
  findIntervals,
  InterceptWorkspace,
} from './intercept-runs';

export { InterceptWorkspace } from './intercept-runs';

export interface Intercept {
  holeId: string;
  kind: 'intercept' | 'including';
  /** The first intercept of its hole (a report prints the hole ID; later ones print "and"). */
  first: boolean;
  /** For an including interval: index of its intercept in the hole's list. */
  parent: number | null;
  from: number;
  to: number;
  length: number;
  /** Weighted grade of the expression. */
  grade: number;
  gradeLength: number;
  /** Weighted average per reported analyte (plan.reportAnalytes order). */
  analyteGrades: number[];
  /** Length with a usable result, per reported analyte. */
  assayedLengths: number[];
  /** Sampled length below the pass's cutoff inside the interval. */
  wasteLength: number;
  /** Gaps and samples without a usable expression value inside the interval. */
  unsampledLength: number;
  sampleCount: number;
  /** Results inside the interval lowered to their cap (expression and reported analytes). */
  cappedResults: number;
  /** Over-limit results inside the interval counted at their limit. */
  overLimitResults: number;
  /** Sum of weights: length, or length x density. */
  weight: number;
}

export interface HoleIntercepts {
  holeId: string;
  /** In depth order; each intercept is followed by its including intervals. */
  intercepts: Intercept[];
  /** Why the hole was left out, or null. */
  refused: string | null;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, i) => code === b[i]);
}

/**
 * Why the hole cannot be weighted by density, or null. A hole is refused rather than given a guessed
 * density, so the report never rests on a number nobody entered.
 */
function densityProblem(samples: HoleSamples, plan: InterceptPlan): string | null {
  if (plan.settings.weighting !== 'density' || plan.defaultDensity !== null) return null;
  for (let i = 0; i < samples.count; i++) {
    if (!(samples.density[i]! > 0)) {
      return `Hole ${samples.holeId}: the sample at ${samples.from[i]}-${samples.to[i]} has no density; enter it, set a default density, or weight by length.`;
    }
    const gap = i > 0 && samples.from[i]! - samples.to[i - 1]! > plan.tolerance;
    if (gap && plan.settings.unsampled === 'zero') {
      return `Hole ${samples.holeId}: the unsampled gap ${samples.to[i - 1]}-${samples.from[i]} has no density to weight it by; set a default density, use unsampled = break, or weight by length.`;
    }
  }
  return null;
}

/** Lays the hole out as elements (samples and gaps) with weights and expression grades. */
function layOut(samples: HoleSamples, plan: InterceptPlan, ws: InterceptWorkspace): void {
  const slots = plan.expression.analytes.length;
  ws.reserve(2 * samples.count + 1, slots);
  const width = samples.analytes.length;
  const byDensity = plan.settings.weighting === 'density';
  const rule = plan.settings.belowDetection;
  const evaluate = plan.expression.evaluate;
  const factors = plan.expressionFactors;
  let m = 0;
  for (let i = 0; i < samples.count; i++) {
    const from = samples.from[i]!;
    const to = samples.to[i]!;
    if (i > 0 && from - samples.to[i - 1]! > plan.tolerance) {
      const gapFrom = samples.to[i - 1]!;
      ws.from[m] = gapFrom;
      ws.to[m] = from;
      ws.weight[m] = (from - gapFrom) * (byDensity ? plan.defaultDensity! : 1);
      ws.grade[m] = 0;
      ws.kind[m] = ELEMENT_GAP;
      ws.sample[m] = -1;
      m++;
    }
    let usable = false;
    for (let s = 0; s < slots; s++) {
      const column = plan.expressionColumns[s]!;
      const at = i * width + column;
      const v = usableValue(samples.values[at]!, samples.flags[at]!, rule);
      if (Number.isNaN(v)) ws.slots[s] = 0;
      else {
        usable = true;
        // Capped in the analyte's own unit, then converted into the grade unit.
        ws.slots[s] = Math.min(v, plan.caps[column]!) * factors[s]!;
      }
    }
    const grade = usable ? evaluate(ws.slots) : NaN;
    const sampled = Number.isFinite(grade);
    const density = samples.density[i]!;
    ws.from[m] = from;
    ws.to[m] = to;
    ws.weight[m] = (to - from) * (byDensity ? (density > 0 ? density : plan.defaultDensity!) : 1);
    ws.grade[m] = sampled ? grade : 0;
    ws.kind[m] = sampled ? ELEMENT_SAMPLE : ELEMENT_UNSAMPLED;
    ws.sample[m] = i;
    m++;
  }
  ws.elements = m;
  ws.sumUp();
}

function describe(
  samples: HoleSamples,
  plan: InterceptPlan,
  ws: InterceptWorkspace,
  first: number,
  last: number,
  pass: PassPlan,
): Omit<Intercept, 'kind' | 'first' | 'parent'> {
  const width = samples.analytes.length;
  const rule = plan.settings.belowDetection;
  const report = plan.reportColumns;
  const sums = new Array<number>(report.length).fill(0);
  const assayedLengths = new Array<number>(report.length).fill(0);
  let wasteLength = 0;
  let unsampledLength = 0;
  let sampleCount = 0;
  let cappedResults = 0;
  let overLimitResults = 0;
  // The same test the search used for ore, so a sample at the cutoff is never counted as waste.
  const oreFrom = gradeFloor(pass.cutoff);
  for (let k = first; k <= last; k++) {
    const length = ws.to[k]! - ws.from[k]!;
    const kind = ws.kind[k];
    if (kind !== ELEMENT_SAMPLE) unsampledLength += length;
    else if (ws.grade[k]! < oreFrom) wasteLength += length;
    if (kind === ELEMENT_GAP) continue;
    sampleCount++;
    const i = ws.sample[k]!;
    const w = ws.weight[k]!;
    for (let r = 0; r < report.length; r++) {
      const column = report[r]!;
      const v = usableValue(samples.values[i * width + column]!, samples.flags[i * width + column]!, rule);
      if (Number.isNaN(v)) continue;
      sums[r]! += Math.min(v, plan.caps[column]!) * w;
      assayedLengths[r]! += length;
    }
    for (const column of plan.usedColumns) {
      const at = i * width + column;
      const v = usableValue(samples.values[at]!, samples.flags[at]!, rule);
      if (v > plan.caps[column]!) cappedResults++;
      if (samples.flags[at] === FLAG.odl) overLimitResults++;
    }
  }
  const weight = ws.preWeight[last + 1]! - ws.preWeight[first]!;
  const from = ws.from[first]!;
  const to = ws.to[last]!;
  const grade = ws.gradeOf(first, last);
  return {
    holeId: samples.holeId,
    from,
    to,
    length: to - from,
    grade,
    gradeLength: grade * (to - from),
    analyteGrades: sums.map((s) => s / weight),
    assayedLengths,
    wasteLength,
    unsampledLength,
    sampleCount,
    cappedResults,
    overLimitResults,
    weight,
  };
}

/**
 * Significant intercepts of one hole. `samples` must carry the analyte columns the plan was compiled
 * for, in depth order. Reuse one workspace across holes so a project-wide run allocates only results.
 * Never throws for data problems: such a hole is returned `refused` with the reason.
 */
export function findIntercepts(
  samples: HoleSamples,
  plan: InterceptPlan,
  ws: InterceptWorkspace = new InterceptWorkspace(),
): HoleIntercepts {
  const holeId = samples.holeId;
  if (!sameColumns(samples.analytes, plan.analytes)) {
    throw new Error(
      `Samples carry analytes ${samples.analytes.join(', ')} but the plan was compiled for ${plan.analytes.join(', ')}.`,
    );
  }
  const problem = sampleOrderProblem(samples, plan.tolerance) ?? densityProblem(samples, plan);
  if (problem) return { holeId, intercepts: [], refused: problem };
  layOut(samples, plan, ws);
  const breakOnUnsampled = plan.settings.unsampled === 'break';
  const found: number[] = [];
  findIntervals(ws, 0, ws.elements - 1, plan.main, breakOnUnsampled, found);
  const intercepts: Intercept[] = [];
  const inner: number[] = [];
  for (let n = 0; n < found.length; n += 2) {
    const first = found[n]!;
    const last = found[n + 1]!;
    const parent = intercepts.length;
    intercepts.push({
      kind: 'intercept',
      first: n === 0,
      parent: null,
      ...describe(samples, plan, ws, first, last, plan.main),
    });
    if (!plan.including) continue;
    inner.length = 0;
    findIntervals(ws, first, last, plan.including, breakOnUnsampled, inner);
    for (let j = 0; j < inner.length; j += 2) {
      const a = inner[j]!;
      const b = inner[j + 1]!;
      if (a === first && b === last) continue;
      intercepts.push({
        kind: 'including',
        first: false,
        parent,
        ...describe(samples, plan, ws, a, b, plan.including),
      });
    }
  }
  return { holeId, intercepts, refused: null };
}
