// Rounding for printed tables: half away from zero on the decimal a reader sees, so 1.005 prints 1.01
// (binary floating point would otherwise store it as 1.00499... and print 1.00).

/** Rounds to `decimals` places, half away from zero, after removing binary noise beyond 15 digits. */
export function roundHalfAway(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Fixed-decimal text of the rounded value; never "-0.00". */
export function formatFixed(value: number, decimals: number): string {
  return roundHalfAway(value, decimals).toFixed(decimals);
}

/** A number as a person would type it in a sentence: 0.62, 28.5, 10 (no trailing zeros, no noise). */
export function plainNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
