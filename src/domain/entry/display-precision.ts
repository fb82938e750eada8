// How the grids show stored numbers: to the decimals they were typed or imported with, or to a column's
// own setting. Display only: the file, the cell editors and the exports keep the full stored value.
import { parseNumber } from '../table-fields';
import { formatFixed, roundHalfAway } from '../report/decimal-rounding';

/** The most decimals a grid shows, as imported or as set per column. */
export const MAX_DISPLAY_DECIMALS = 6;

/** Significant digits of the shortest text that reads back as the number (142.50999 has 8). */
function significantDigits(value: number): number {
  const mantissa = Math.abs(value).toExponential().split('e')[0] ?? '';
  return mantissa.replace('.', '').length;
}

/**
 * Whether the number looks like a single-precision float written out as text: 8 or 9 significant digits
 * (how float32 columns are printed, 142.50999, -59.700001, 0.0299999993), or a double holding a float32
 * exactly (142.50999450683594). A person does not type such digits; a program exporting floats does.
 */
function mayBeSinglePrecision(value: number): boolean {
  const digits = significantDigits(value);
  return (digits >= 8 && digits <= 9) || (digits > 9 && Math.fround(value) === value);
}

const POWERS = Array.from({ length: MAX_DISPLAY_DECIMALS + 1 }, (_, n) => 10 ** n);

/** The fewest decimals (0 to 6) that are exactly the stored double, or null; plain arithmetic, no text. */
function exactDecimals(value: number): number | null {
  for (let decimals = 0; decimals <= MAX_DISPLAY_DECIMALS; decimals++) {
    const power = POWERS[decimals] ?? 1;
    if (Math.round(value * power) / power === value) return decimals;
  }
  return null;
}

/**
 * The fewest decimals (0 to 6) the number was written with: 12.5 has 1, 145 has 0. A value that came from
 * a single-precision source counts with the decimals it was meant to have: 142.50999 (142.51 as a float32,
 * printed to 8 digits) has 2, -60.549999 has 2. Past 6 decimals, 6.
 */
export function valueDecimals(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const exact = exactDecimals(value);
  // Up to 7 significant digits, a number is as typed (a float32 holds those); the common case, kept cheap.
  if (exact !== null && String(Math.round(Math.abs(value) * (POWERS[exact] ?? 1))).length < 8) return exact;
  const limit = exact ?? MAX_DISPLAY_DECIMALS;
  if (!mayBeSinglePrecision(value)) return limit;
  const written = value.toPrecision(8);
  for (let decimals = 0; decimals < limit; decimals++) {
    // The float32 nearest the shorter number, printed as the source printed it, is the stored text.
    if (Math.fround(roundHalfAway(value, decimals)).toPrecision(8) === written) return decimals;
  }
  return limit;
}

/**
 * The decimals a column's numbers were written with: enough for all but the odd one in a hundred, so one
 * 243.754 does not give a column of 2-decimal depths a third decimal (it shows its own three anyway).
 */
export function columnDecimals(values: Iterable<number | null | undefined>, share = 0.99): number {
  const counts: number[] = new Array<number>(MAX_DISPLAY_DECIMALS + 1).fill(0);
  let total = 0;
  // Depths repeat from hole to hole: each distinct number is read once.
  const known = new Map<number, number>();
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    let decimals = known.get(value);
    if (decimals === undefined) {
      decimals = valueDecimals(value);
      known.set(value, decimals);
    }
    counts[decimals] = (counts[decimals] ?? 0) + 1;
    total++;
  }
  let covered = 0;
  for (let decimals = 0; decimals <= MAX_DISPLAY_DECIMALS; decimals++) {
    covered += counts[decimals] ?? 0;
    if (covered >= total * share) return decimals;
  }
  return MAX_DISPLAY_DECIMALS;
}

/** How a column shows its numbers: a per-column setting, else as written (at least `written` decimals). */
export interface ColumnPrecision {
  /** Decimals chosen for the column (0 to 6); null or undefined shows numbers as imported. */
  decimals?: number | null;
  /** Decimals the column's stored numbers were written with (server-side estimate), for aligned columns. */
  written?: number;
}

/**
 * The text a grid shows for a stored number. As imported, a number keeps every decimal it was written
 * with (never fewer than the column's, so a column lines up: 145.00 beside 142.51), and a single-precision
 * artefact shows as the number meant (142.50999 as 142.51). A column setting rounds half away from zero.
 */
export function displayNumber(value: number, precision: ColumnPrecision = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const chosen = precision.decimals;
  if (chosen !== null && chosen !== undefined) return formatFixed(value, chosen);
  return formatFixed(value, Math.max(precision.written ?? 0, valueDecimals(value)));
}

const PLAIN_DECIMAL = /^\s*[+-]?\d*\.(\d+)\s*$/;

/**
 * The text a grid shows for a lab result. The lab's text is shown as reported (`<0.01`, `NS`, `0.50`),
 * except that a plain number written out from a single-precision source shows as the number meant
 * (`0.0299999993` as `0.03`). A column setting rounds measured values; detection limits (`<0.005`) and
 * codes stay as the lab wrote them, since a rounded limit would state a different limit.
 */
export function displayLabText(
  labText: string,
  value: number | null,
  measured: boolean,
  decimals?: number | null,
): string {
  if (measured && value !== null && decimals !== null && decimals !== undefined)
    return formatFixed(value, decimals);
  const match = PLAIN_DECIMAL.exec(labText);
  if (!match) return labText;
  const number = parseNumber(labText);
  if (number === null) return labText;
  const meant = valueDecimals(number);
  return meant < (match[1]?.length ?? 0) && mayBeSinglePrecision(number)
    ? formatFixed(number, meant)
    : labText;
}
