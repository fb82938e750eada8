// The news-release table of significant intercepts, in the seed's shape: Drill Hole #, From, To, Interval,
// Estimated True Thickness, one column per analyte and one for the grade expression; "and" and "including"
// rows. Pure formatting: rows of text and rounded numbers; writing CSV or XLSX happens elsewhere.
import type { Intercept } from '../compositing/significant-intercepts';
import { NEAR_PARALLEL_DEGREES } from '../desurvey/true-thickness';
import type { LengthUnit } from '../model';
import { formatFixed, roundHalfAway } from './decimal-rounding';

export const TRUE_WIDTH_UNKNOWN = 'downhole length; true width not known';

export interface ReportColumn {
  /** Analyte code, one of the plan's reported analytes. */
  code: string;
  /** Unit shown in the header, e.g. `%` -> "Zn %". */
  unit: string;
  /** Decimals for this analyte's grades (default 2). */
  decimals?: number;
}

export interface InterceptTableOptions {
  lengthUnit: LengthUnit;
  /** The codes behind `Intercept.analyteGrades`: the plan's `reportAnalytes`. */
  reportAnalytes: readonly string[];
  columns: readonly ReportColumn[];
  /** The expression's column, e.g. { label: 'Zn+Pb', unit: '%' }; null leaves it out. */
  expression: { label: string; unit: string; decimals?: number } | null;
  /** Decimals for depths, lengths and thicknesses (default 1). */
  depthDecimals?: number;
}

export interface InterceptRowInput {
  intercept: Intercept;
  /** Estimated true thickness, or null when the body's orientation is not known. */
  trueThickness: number | null;
  /** Angle between the hole and the plane over the interval, degrees; null or absent when not known. */
  planeAngle?: number | null;
}

export interface InterceptTableRow {
  holeId: string;
  kind: 'hole' | 'and' | 'including';
  /** Display text, one per header column. */
  cells: string[];
  /** The same, as rounded numbers for a spreadsheet (the first column and a dash are text or null). */
  values: (number | string | null)[];
}

export interface InterceptTable {
  header: string[];
  rows: InterceptTableRow[];
  /** Footnotes the table needs to be read correctly. */
  notes: string[];
}

/**
 * Builds the table from intercepts in the order they are to be printed (hole by hole, in depth order).
 * A hole's first row shows its ID, a further intercept "and", a higher-grade part "including". Every
 * number is rounded from its full-precision value, never recomputed from rounded columns.
 */
export function buildInterceptTable(
  rows: readonly InterceptRowInput[],
  options: InterceptTableOptions,
): InterceptTable {
  const depthDecimals = options.depthDecimals ?? 1;
  const columns = options.columns.map((column) => {
    const index = options.reportAnalytes.indexOf(column.code);
    if (index < 0) {
      throw new RangeError(
        `${column.code} is not among the reported analytes (${options.reportAnalytes.join(', ')}); add it to the calculation first.`,
      );
    }
    return { ...column, index, decimals: column.decimals ?? 2 };
  });
  const header = [
    'Drill Hole #',
    'From',
    'To',
    `Interval (${options.lengthUnit})`,
    'Estimated True Thickness',
    ...columns.map((c) => `${c.code} ${c.unit}`),
  ];
  const expression = options.expression;
  if (expression) header.push(`${expression.label} ${expression.unit}`);

  const out: InterceptTableRow[] = [];
  let thicknessUnknown = false;
  let smallestAngle = Infinity;
  let previousHole: string | null = null;
  for (const { intercept, trueThickness, planeAngle } of rows) {
    const newHole = intercept.holeId !== previousHole;
    previousHole = intercept.holeId;
    const kind = newHole ? 'hole' : intercept.kind === 'including' ? 'including' : 'and';
    const label = kind === 'hole' ? intercept.holeId : kind;
    const cells: string[] = [label];
    const values: (number | string | null)[] = [label];
    const number = (value: number, decimals: number) => {
      cells.push(formatFixed(value, decimals));
      values.push(roundHalfAway(value, decimals));
    };
    number(intercept.from, depthDecimals);
    number(intercept.to, depthDecimals);
    number(intercept.length, depthDecimals);
    if (trueThickness === null) {
      thicknessUnknown = true;
      cells.push('-');
      values.push(null);
    } else if (typeof planeAngle === 'number' && planeAngle < NEAR_PARALLEL_DEGREES) {
      // Marked, never silently printed as a small number: the footnote says why.
      smallestAngle = Math.min(smallestAngle, planeAngle);
      const marked = `${formatFixed(trueThickness, depthDecimals)}*`;
      cells.push(marked);
      values.push(marked);
    } else number(trueThickness, depthDecimals);
    for (const column of columns) number(intercept.analyteGrades[column.index]!, column.decimals);
    if (expression) number(intercept.grade, expression.decimals ?? 2);
    out.push({ holeId: intercept.holeId, kind, cells, values });
  }

  const notes = [
    'Intervals, thicknesses and grades are calculated at full precision and then rounded, so a column can differ in its last digit from arithmetic on the rounded columns.',
  ];
  // Files leave the cell empty (a number column with no number); the printed table shows a dash.
  if (thicknessUnknown)
    notes.push(`Where Estimated True Thickness shows "-" (empty in a file): ${TRUE_WIDTH_UNKNOWN}.`);
  if (smallestAngle < Infinity) {
    notes.push(
      `* The hole runs within ${NEAR_PARALLEL_DEGREES}° of the plane over this interval: its estimated true thickness is unreliable (the smallest angle is ${formatFixed(smallestAngle, 1)}°).`,
    );
  }
  return { header, rows: out, notes };
}
