// The footnote a news release needs under an intercept table (NI 43-101 s. 3.3(2), JORC Table 1 section 2):
// every parameter of the calculation in plain words, plus the holes left out and why.
import type { GradeExpression } from '../compositing/grade-expression';
import { describeConversion, type UnitConversion } from '../compositing/grade-units';
import type { InterceptSettings } from '../compositing/intercept-settings';
import type { LengthUnit } from '../model';
import { plainNumber } from './decimal-rounding';
import { TRUE_WIDTH_UNKNOWN } from './intercept-table';

export type TrueThicknessMethod =
  { method: 'plane'; dip: number; dipDirection: number } | { method: 'unknown' };

export interface ExcludedHole {
  holeId: string;
  reason: string;
}

export interface ParameterStatementInput {
  settings: InterceptSettings;
  expression: GradeExpression;
  /** Unit of the expression's grade, e.g. `%` or `g/t`: the declared one. */
  gradeUnit: string;
  /** Analytes of the expression converted into the grade unit before it was evaluated. */
  conversions?: readonly UnitConversion[];
  /** Units of the analytes named in caps, e.g. { Zn: '%' }. */
  analyteUnits: Readonly<Record<string, string>>;
  lengthUnit: LengthUnit;
  trueThickness: TrueThicknessMethod;
  /** Holes left out of the calculation because of validation errors (and holes refused by it). */
  excludedHoles: readonly ExcludedHole[];
  /** Prices and recoveries behind a metal-equivalent formula, in the user's words. */
  metalEquivalentBasis?: string | null;
  /** Over-limit results counted at their limit inside the reported intervals. */
  overLimitResults?: number;
  laboratory?: string | null;
  depthDecimals?: number;
  gradeDecimals?: number;
}

export interface ParameterStatement {
  sentences: string[];
  text: string;
  /** What the statement itself cannot fix but a qualified person should before publishing. */
  warnings: string[];
}

const BELOW_DETECTION_WORDS = {
  half: 'at half the detection limit',
  dl: 'at the detection limit',
  zero: 'at zero',
  missing: 'as not assayed (zero in averages)',
} as const;

export function interceptParameterStatement(input: ParameterStatementInput): ParameterStatement {
  const { settings, expression, gradeUnit, lengthUnit: lu } = input;
  const grade = (value: number) => `${plainNumber(value)} ${gradeUnit}`;
  const length = (value: number) => `${plainNumber(value)} ${lu}`;
  const dilution = (value: number) =>
    value === 0 ? 'no internal dilution' : `at most ${length(value)} of consecutive internal dilution`;
  const expr = expression.text;
  const s: string[] = [];
  const warnings: string[] = [];

  s.push(
    `Significant intercepts were calculated on ${expr} at a cutoff grade of ${grade(settings.cutoff)}, ` +
      `with a minimum length of ${length(settings.minLength)} and ${dilution(settings.maxDilution)} (below-cutoff or unsampled material); each intercept starts and ends on a sample at or above the cutoff.`,
  );
  const minGrade = settings.minGrade ?? settings.cutoff;
  let gradeRule = `Each intercept grades at least ${grade(minGrade)} ${expr} with its internal dilution included`;
  if (settings.minGradeLength !== null && settings.minGradeLength !== undefined) {
    gradeRule += ` and has a grade x length of at least ${plainNumber(settings.minGradeLength)} ${gradeUnit}·${lu}`;
  }
  s.push(`${gradeRule}.`);
  if (settings.including) {
    const inc = settings.including;
    s.push(
      `"Including" intervals are higher-grade parts of an intercept at a cutoff of ${grade(inc.cutoff)}, minimum length ${length(inc.minLength)}, ${dilution(inc.maxDilution)} and a minimum grade of ${grade(inc.minGrade ?? inc.cutoff)}.`,
    );
  }
  s.push(
    'Where several ways of joining high-grade runs were possible, runs were joined across the shortest internal dilution first.',
  );

  if (settings.weighting === 'length') s.push('Grades are length-weighted averages.');
  else {
    const d = settings.defaultDensity ?? null;
    s.push(
      d === null
        ? 'Grades are weighted by length x dry bulk density; holes with a sample or a counted gap lacking a measured density were left out.'
        : `Grades are weighted by length x dry bulk density; samples without a measured density, and unsampled gaps, were given ${plainNumber(d)} g/cm³.`,
    );
  }

  const caps = Object.entries(settings.caps ?? {});
  s.push(
    caps.length === 0
      ? 'No top-cut (cap) was applied.'
      : `Assays were capped (top-cut) before averaging at ${caps
          .map(([code, cap]) => `${plainNumber(cap)} ${input.analyteUnits[code] ?? ''}`.trim() + ` ${code}`)
          .join(', ')}.`,
  );
  s.push(`Results below the detection limit were counted ${BELOW_DETECTION_WORDS[settings.belowDetection]}.`);
  const overLimit = input.overLimitResults ?? 0;
  s.push(
    'Results above the upper limit of the method were counted at that limit, a minimum, wherever no ore-grade re-assay replaced them' +
      (overLimit > 0
        ? `; ${overLimit} such result${overLimit === 1 ? '' : 's'} fall inside the reported intervals.`
        : '.'),
  );
  s.push(
    settings.unsampled === 'zero'
      ? 'Unsampled intervals inside an intercept were counted at zero grade and included in its length.'
      : 'An unsampled interval ends an intercept.',
  );
  s.push(
    'An analyte not assayed in a sample counts as zero grade in that intercept’s average for the analyte.',
  );

  const conversions = input.conversions ?? [];
  if (conversions.length > 0) {
    s.push(
      `Before ${expr} was evaluated, each of its analytes was converted to ${gradeUnit}: ${conversions.map(describeConversion).join('; ')}.`,
    );
    if (/[*/]/.test(expression.text)) {
      warnings.push(
        `${conversions.map((c) => c.code).join(', ')} entered ${expr} converted to ${gradeUnit}, so the formula's factors must be for grades in ${gradeUnit}: a factor written for ${conversions[0]!.code} in ${conversions[0]!.from} is multiplied by ${Number((1 / conversions[0]!.factor).toPrecision(6)).toLocaleString('en-US')} here.`,
      );
    }
  }
  if (expression.analytes.length > 1 || /\d/.test(expression.text)) {
    if (input.metalEquivalentBasis) s.push(`${expr}: ${input.metalEquivalentBasis}`);
    else if (/[*/]/.test(expression.text)) {
      warnings.push(
        `The formula ${expr} has factors; state the metal prices and recoveries behind them before publishing.`,
      );
    }
  }

  const t = input.trueThickness;
  s.push(
    t.method === 'plane'
      ? `Estimated true thicknesses assume a planar body dipping ${plainNumber(t.dip)}° toward azimuth ${plainNumber(t.dipDirection)}°, measured between each interval's end points on holes desurveyed by minimum curvature.`
      : `True widths are not known: lengths are downhole lengths (${TRUE_WIDTH_UNKNOWN}).`,
  );

  const d = input.depthDecimals ?? 1;
  const g = input.gradeDecimals ?? 2;
  s.push(
    `Depths and lengths are rounded to ${plainNumber(10 ** -d)} ${lu} and grades to ${plainNumber(10 ** -g)}, after calculation at full precision.`,
  );
  if (input.laboratory) s.push(`Samples were analysed by ${input.laboratory}.`);

  const excluded = input.excludedHoles;
  if (excluded.length === 0) s.push('No hole was left out of the calculation.');
  else {
    const list = excluded.map((h) => `${h.holeId} (${h.reason.replace(/\.$/, '')})`).join('; ');
    s.push(
      `${excluded.length} hole${excluded.length === 1 ? ' was' : 's were'} left out of the calculation because of data errors: ${list}.`,
    );
  }
  return { sentences: s, text: s.join(' '), warnings };
}
