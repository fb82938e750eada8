// Parameters of a significant-intercept calculation, checked once and compiled into a plan that maps
// analyte codes to sample columns, so the per-sample loop does no look-ups.
import { capsByColumn, type BelowDetectionRule } from './assay-rules';
import { parseGradeExpression, type GradeExpression } from './grade-expression';
import { expressionUnit, type UnitConversion } from './grade-units';

export interface IncludingSettings {
  cutoff: number;
  minLength: number;
  /** Longest contiguous internal waste allowed inside an "including" interval. */
  maxDilution: number;
  /** Defaults to the including cutoff. */
  minGrade?: number | null;
}

export interface InterceptSettings {
  /** E.g. `Zn`, `Zn + Pb`, `Cu + 0.62 * Au`. */
  expression: string;
  cutoff: number;
  minLength: number;
  /** D: longest contiguous run of below-cutoff or unsampled material allowed inside an intercept. */
  maxDilution: number;
  /** Minimum weighted grade of an intercept, waste included; defaults to the cutoff. */
  minGrade?: number | null;
  /** Minimum grade x length (e.g. 10 %·m), when set. */
  minGradeLength?: number | null;
  /** Top-cuts per analyte code, applied to each result before anything is averaged. */
  caps?: Readonly<Record<string, number>>;
  weighting: 'length' | 'density';
  /**
   * With density weighting: the density for samples without one and for unsampled gaps. When null, a hole
   * that needs it (a sample without density, or a gap while unsampled = zero) is refused, not guessed.
   */
  defaultDensity?: number | null;
  belowDetection: BelowDetectionRule;
  /** `zero`: unsampled material inside counts at zero grade and adds to the length; `break`: it ends an intercept. */
  unsampled: 'zero' | 'break';
  including?: IncludingSettings | null;
  /** Analytes reported as weighted averages over each intercept; defaults to the expression's analytes. */
  reportAnalytes?: readonly string[];
  /** Sample gaps and overlaps up to this length are rounding noise (default 0.001). */
  tolerance?: number;
  /**
   * Unit of each analyte, by code. When given, every analyte of the expression is converted into the
   * grade unit before the expression is evaluated (./grade-units.ts); when absent, values enter as stored.
   */
  analyteUnits?: Readonly<Record<string, string>>;
  /** Declared unit of the grade; null or absent: the unit the expression's analytes share. */
  gradeUnit?: string | null;
}

/** A search pass: the main one or the "including" one. */
export interface PassPlan {
  cutoff: number;
  minLength: number;
  maxDilution: number;
  minGrade: number;
  minGradeLength: number | null;
}

export interface InterceptPlan {
  settings: InterceptSettings;
  expression: GradeExpression;
  /** Sample column of each expression analyte. */
  expressionColumns: Int32Array;
  /** Per expression analyte: the factor from its unit into the grade unit (1 without units). */
  expressionFactors: Float64Array;
  /** Unit of the grade, or null when the settings gave no units. */
  gradeUnit: string | null;
  /** The expression's analytes converted into the grade unit. */
  conversions: UnitConversion[];
  /** Reported analyte codes and their sample columns. */
  reportAnalytes: readonly string[];
  reportColumns: Int32Array;
  /** Cap per sample column (Infinity where none). */
  caps: Float64Array;
  /** The sample columns this plan reads, for counting capped and over-limit results once per result. */
  usedColumns: Int32Array;
  main: PassPlan;
  including: PassPlan | null;
  defaultDensity: number | null;
  tolerance: number;
  /** The columns the plan was compiled for; samples must come with these analytes in this order. */
  analytes: readonly string[];
}

/** A parameter the user must change; the message says which and why. */
export class InterceptSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterceptSettingsError';
  }
}

function requireNumber(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) {
    throw new InterceptSettingsError(`${name} must be a number of at least ${min}, not ${value}.`);
  }
}

function passPlan(
  label: string,
  cutoff: number,
  minLength: number,
  maxDilution: number,
  minGrade: number | null | undefined,
  minGradeLength: number | null | undefined,
): PassPlan {
  requireNumber(`${label} cutoff`, cutoff, -Infinity);
  requireNumber(`${label} minimum length`, minLength, 0);
  requireNumber(`${label} maximum internal dilution`, maxDilution, 0);
  const grade = minGrade ?? cutoff;
  requireNumber(`${label} minimum grade`, grade, -Infinity);
  if (minGradeLength !== null && minGradeLength !== undefined) {
    requireNumber(`${label} minimum grade x length`, minGradeLength, 0);
  }
  return { cutoff, minLength, maxDilution, minGrade: grade, minGradeLength: minGradeLength ?? null };
}

/**
 * Checks the settings against the analyte columns the samples will carry and compiles the plan. Throws
 * GradeExpressionError for a bad expression, GradeUnitError for units that do not meet and
 * InterceptSettingsError for anything else.
 */
export function compileInterceptPlan(
  settings: InterceptSettings,
  analytes: readonly string[],
): InterceptPlan {
  const expression = parseGradeExpression(settings.expression, analytes);
  const columnOf = (code: string, what: string): number => {
    const column = analytes.indexOf(code);
    if (column < 0) {
      throw new InterceptSettingsError(
        `${what} ${code} is not an analyte here; known analytes: ${analytes.join(', ')}.`,
      );
    }
    return column;
  };
  const reportAnalytes = settings.reportAnalytes ?? expression.analytes;
  const reportColumns = Int32Array.from(reportAnalytes, (code) => columnOf(code, 'Reported analyte'));
  const expressionColumns = Int32Array.from(expression.analytes, (code) => columnOf(code, 'Analyte'));
  // Throws GradeUnitError when the units cannot be brought together.
  const units = settings.analyteUnits
    ? expressionUnit(
        expression.text,
        expression.analytes.map((code) => ({ code, unit: settings.analyteUnits![code] ?? '' })),
        settings.gradeUnit ?? null,
      )
    : null;
  let caps: Float64Array;
  try {
    caps = capsByColumn(analytes, settings.caps);
  } catch (error) {
    throw new InterceptSettingsError((error as Error).message);
  }
  const main = passPlan(
    'The',
    settings.cutoff,
    settings.minLength,
    settings.maxDilution,
    settings.minGrade,
    settings.minGradeLength,
  );
  const inc = settings.including;
  const including = inc
    ? passPlan('The including', inc.cutoff, inc.minLength, inc.maxDilution, inc.minGrade, null)
    : null;
  const defaultDensity = settings.defaultDensity ?? null;
  if (defaultDensity !== null && !(defaultDensity > 0)) {
    throw new InterceptSettingsError(`The default density must be positive, not ${defaultDensity}.`);
  }
  const tolerance = settings.tolerance ?? 0.001;
  requireNumber('The depth tolerance', tolerance, 0);
  const used = [...new Set([...expressionColumns, ...reportColumns])];
  return {
    settings,
    expression,
    expressionColumns,
    expressionFactors: Float64Array.from(units?.factors ?? expression.analytes.map(() => 1)),
    gradeUnit: units?.unit ?? settings.gradeUnit ?? null,
    conversions: units?.conversions ?? [],
    reportAnalytes: [...reportAnalytes],
    reportColumns,
    caps,
    usedColumns: Int32Array.from(used),
    main,
    including,
    defaultDensity,
    tolerance,
    analytes: [...analytes],
  };
}
