// The strip log in words: the summary line of each track, the tooltip of each item and the labels on
// intercepts, with depths and grades rounded as the release table rounds them.
import type { HoleRunInterval, HoleRunResults } from '../api/hole-types';
import { NEAR_PARALLEL_DEGREES } from '../domain/desurvey/true-thickness';
import type { AnalyteRow, LengthUnit } from '../domain/model';
import type { AnalyteValues, DrawnValue } from './strip-log-data';

/** A depth as a person writes it: at most two decimals, no trailing zeros. */
export const depthText = (depth: number) => String(Number(depth.toFixed(2)));
export const fixed = (value: number, decimals: number) => value.toFixed(decimals);
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Tooltips are HTML: text from the project (codes, sample IDs, lab text) is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function runDescription(run: HoleRunResults): string {
  const params = run.run.params as { cutoff?: number; length?: number } | null;
  if (run.run.kind === 'intercepts' && run.grade) {
    const cutoff = params?.cutoff === undefined ? '' : ` at ${params.cutoff} ${run.grade.unit} cutoff`;
    return `run ${run.run.id}: ${run.grade.expression} intercepts${cutoff}`;
  }
  const length = params?.length === undefined ? '' : ` ${params.length} ${run.run.lengthUnit}`;
  return `run ${run.run.id}:${length} composites`;
}

/** Why a run draws nothing in this hole, or null when it has intervals here. */
export function runMessage(run: HoleRunResults, holeId: string): string | null {
  if (run.leftOut) return `left ${holeId} out: ${run.leftOut}`;
  if (!run.read) return `did not read ${holeId} (not among the holes it was run on)`;
  if (run.intervals.length === 0) return `found no intercept in ${holeId}`;
  return null;
}

/** "intercept 248.8-258.0 m, 9.2 m at 13.73 % Zn+Pb", rounded as in the release table. */
export function interceptText(run: HoleRunResults, interval: HoleRunInterval, unit: LengthUnit): string {
  const grade = run.grade;
  const what = interval.kind === 'including' ? 'including' : interval.kind === 'and' ? 'and' : 'intercept';
  const gradeText =
    grade && interval.grade !== null ? ` at ${fixed(interval.grade, 2)} ${grade.unit} ${grade.label}` : '';
  return `${what} ${fixed(interval.from, 1)}-${fixed(interval.to, 1)} ${unit}, ${fixed(interval.length, 1)} ${unit}${gradeText}`;
}

export function interceptTooltip(run: HoleRunResults, interval: HoleRunInterval, unit: LengthUnit): string {
  const analyteText = run.analytes
    .map((a, i) => {
      const value = interval.values[i];
      return value === null || value === undefined ? null : `${a.code} ${fixed(value, 2)} ${a.unit}`;
    })
    .filter((text) => text !== null)
    .join(', ');
  const angle = interval.angleToPlane;
  // As the release table marks it: a thickness measured nearly along the plane is never shown bare.
  const nearParallel = angle !== null && angle < NEAR_PARALLEL_DEGREES;
  const thickness =
    interval.trueThickness === null
      ? 'true thickness not known'
      : nearParallel
        ? `estimated true thickness ${fixed(interval.trueThickness, 1)}* ${unit} (* the hole runs within ${NEAR_PARALLEL_DEGREES}° of the plane here, at ${fixed(angle, 1)}°: unreliable)`
        : `estimated true thickness ${fixed(interval.trueThickness, 1)} ${unit}`;
  return `<b>${escapeHtml(interceptText(run, interval, unit))}</b><br/>${analyteText}<br/>${thickness}<br/>Click to open these samples`;
}

/** Lines on an intercept block: "and" or "incl.", the grade, the length; one line for a short block. */
export function interceptLabels(run: HoleRunResults, unit: LengthUnit) {
  const grade = (interval: HoleRunInterval) =>
    interval.grade === null ? null : `${fixed(interval.grade, 2)} ${run.grade?.unit ?? ''}`;
  const length = (interval: HoleRunInterval) => `${fixed(interval.length, 1)} ${unit}`;
  return {
    lines: (interval: HoleRunInterval) =>
      [
        interval.kind === 'and' ? 'and' : interval.kind === 'including' ? 'incl.' : null,
        grade(interval),
        length(interval),
      ].filter((line) => line !== null),
    line: (interval: HoleRunInterval) => [grade(interval), length(interval)].filter(Boolean).join(' / '),
  };
}

export function analyteTooltip(analyte: AnalyteRow, v: DrawnValue, unit: LengthUnit): string {
  const shown =
    v.state === 'below-detection'
      ? `${escapeHtml(v.labText)} (below detection; drawn hollow at half the limit, ${v.value} ${analyte.unit})`
      : v.state === 'over-limit'
        ? `${escapeHtml(v.labText)} (over the upper limit; drawn at the limit)`
        : `${fixed(v.value, analyte.decimals)} ${analyte.unit}`;
  return `<b>Sample ${escapeHtml(v.sampleId ?? '(no ID)')}</b><br/>${depthText(v.from)}-${depthText(v.to)} ${unit}<br/>${analyte.code}: ${shown}`;
}

export function analyteSummary(values: AnalyteValues, log: boolean, unit: LengthUnit): string {
  const { analyte } = values;
  const measured = values.values.length - values.belowDetection;
  const highest = values.values.reduce<DrawnValue | null>(
    (best, v) => (v.state !== 'below-detection' && (!best || v.value > best.value) ? v : best),
    null,
  );
  const counts = [
    plural(measured, 'value'),
    `${values.belowDetection} below detection (hollow, at half the limit)`,
    `${values.overLimit} over limit`,
    `${values.missing} missing (gaps)`,
  ];
  const highText = highest
    ? `; highest ${fixed(highest.value, analyte.decimals)} at ${depthText(highest.from)}-${depthText(highest.to)} ${unit}`
    : '';
  return `${analyte.code} (${analyte.unit}${log ? ', log scale' : ''}): ${counts.join(', ')}${highText}.`;
}
