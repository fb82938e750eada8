// The number a lab result counts as in a calculation: below-detection rule, over-limit results at their
// limit, top-cuts. Applied at calculation time so the stored text and number never change.
import { FLAG } from './hole-samples';

/** What a below-detection result ('<0.01') counts as. */
export type BelowDetectionRule = 'half' | 'dl' | 'zero' | 'missing';
export const BELOW_DETECTION_RULES: readonly BelowDetectionRule[] = ['half', 'dl', 'zero', 'missing'];

/**
 * The value used for a result, or NaN when it counts as missing. Over-limit ('>10') results count at the
 * limit: a minimum, the best number available until the ore-grade re-assay replaces it.
 */
export function usableValue(value: number, flag: number, rule: BelowDetectionRule): number {
  switch (flag) {
    case FLAG.value:
    case FLAG.odl:
      return Number.isFinite(value) ? value : NaN;
    case FLAG.bdl:
      if (!Number.isFinite(value)) return NaN;
      switch (rule) {
        case 'half':
          return value / 2;
        case 'dl':
          return value;
        case 'zero':
          return 0;
        case 'missing':
          return NaN;
      }
      return NaN;
    default:
      // ns, is, missing and invalid carry no number a calculation may use.
      return NaN;
  }
}

/** Caps per analyte column (Infinity where none), checked against the analyte list. */
export function capsByColumn(
  analytes: readonly string[],
  caps: Readonly<Record<string, number>> | undefined,
): Float64Array {
  const out = new Float64Array(analytes.length).fill(Infinity);
  for (const [code, cap] of Object.entries(caps ?? {})) {
    const column = analytes.indexOf(code);
    if (column < 0) {
      throw new RangeError(
        `A cap is set for ${code}, which is not an analyte here (${analytes.join(', ')}).`,
      );
    }
    if (!(cap > 0)) throw new RangeError(`The cap for ${code} must be a positive grade, not ${cap}.`);
    out[column] = cap;
  }
  return out;
}
