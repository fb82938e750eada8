// The unit of a grade expression and the conversion of each of its analytes into it, so `Zn + Pb` with Pb
// in ppm adds 0.05 %, not 500, and a cutoff, a report column and a statement all speak the declared unit.
// Grade units are mass fractions: 1 % = 10,000 ppm, 1 ppm = 1 g/t = 1,000 ppb, 1 oz/t (troy ounce per
// short ton) = 34.2857 g/t. A unit outside these has no conversion: it can stand alone, never in a sum.
import { ppmFactor } from '../assay-values';
import { ANALYTE_UNITS, type AnalyteUnit } from '../model';

export const GRADE_UNITS: readonly AnalyteUnit[] = ANALYTE_UNITS;

function isGradeUnit(unit: string): unit is AnalyteUnit {
  return (GRADE_UNITS as readonly string[]).includes(unit);
}

/** The factor turning a value in `from` into `to` (1 when they are the same), or null when none exists. */
export function unitFactor(from: string, to: string): number | null {
  if (from === to) return 1;
  if (!isGradeUnit(from) || !isGradeUnit(to)) return null;
  return ppmFactor(from) / ppmFactor(to);
}

export interface UnitConversion {
  code: string;
  from: string;
  to: string;
  /** value in `to` = value in `from` x factor */
  factor: number;
}

export interface ExpressionUnit {
  /** The unit of the expression's grade: the declared one, or the one every analyte shares. */
  unit: string;
  /** Per analyte of the expression, in its order: the factor into `unit`. */
  factors: number[];
  /** The analytes converted (factor other than 1), for the statement. */
  conversions: UnitConversion[];
}

/** A grade unit that is missing or cannot be reached; the message names the analytes and what to do. */
export class GradeUnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeUnitError';
  }
}

const unitList = GRADE_UNITS.join(', ');

/**
 * The unit of an expression over `analytes` (its analytes with their units, in expression order).
 * Without a declared unit the analytes must share one; with one, each analyte must convert into it.
 */
export function expressionUnit(
  expression: string,
  analytes: readonly { code: string; unit: string }[],
  declared: string | null,
): ExpressionUnit {
  const listed = analytes.map((a) => `${a.code} ${a.unit}`).join(', ');
  if (declared === null) {
    const units = [...new Set(analytes.map((a) => a.unit))];
    if (units.length > 1) {
      throw new GradeUnitError(
        `The analytes of ${expression} are in different units (${listed}); declare the unit of the grade (${unitList}) and each analyte is converted into it before the expression is evaluated.`,
      );
    }
    return { unit: units[0] ?? '', factors: analytes.map(() => 1), conversions: [] };
  }
  const factors = analytes.map((a) => unitFactor(a.unit, declared));
  const stuck = analytes.filter((_, i) => factors[i] === null);
  if (stuck.length > 0) {
    const names = stuck.map((a) => `${a.code} (${a.unit})`).join(', ');
    const single = analytes.length === 1;
    throw new GradeUnitError(
      `${names} cannot be converted to ${declared}: only ${unitList} convert into one another. ` +
        (single
          ? `Declare the grade unit as ${stuck[0]!.unit}, or leave it empty.`
          : `The expression ${expression} (${listed}) would add numbers in different units; leave ${stuck.length === 1 ? 'that analyte' : 'those analytes'} out of it, or correct ${stuck.length === 1 ? 'its unit' : 'their units'} in the analyte list.`),
    );
  }
  const conversions: UnitConversion[] = [];
  analytes.forEach((a, i) => {
    if (factors[i] !== 1) conversions.push({ code: a.code, from: a.unit, to: declared, factor: factors[i]! });
  });
  return { unit: declared, factors: factors as number[], conversions };
}

/** "Pb from ppm (÷ 10,000)" for a statement. */
export function describeConversion(c: UnitConversion): string {
  const number = (x: number) =>
    Number(x.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  const how = c.factor >= 1 ? `x ${number(c.factor)}` : `÷ ${number(1 / c.factor)}`;
  return `${c.code} from ${c.from} (${how})`;
}
