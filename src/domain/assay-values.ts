// Reading a lab's result text. The text is kept exactly; beside it goes the number calculations start
// from and a flag saying what kind of result it is. Below-detection rules are applied later, at
// calculation time, so the stored number for "<0.01" is the limit itself.
import type { AnalyteUnit, AssayFlag } from './model';
import { parseNumber } from './table-fields';

export interface LabValue {
  value: number | null;
  flag: AssayFlag;
}

export interface LabValueOptions {
  /** A negative number is a below-detection code whose magnitude is the limit (-0.01 means <0.01). */
  negativeIsBelowDetection: boolean;
  /**
   * The project's own missing-value codes, negative numbers read as "no result" beside the built-in
   * -99, -999 and -9999 (MISSING_SENTINELS).
   */
  missingSentinels?: readonly number[];
  /**
   * The user's own result codes (upper-case text -> flag), read before the built-in ones: a lab's 'BDL',
   * 'ND' or 'L.N.R.'. A code carries no number; a below-detection code without a limit counts as missing
   * in calculations.
   */
  codes?: ReadonlyMap<string, AssayFlag>;
}

/** Flags a user may give a text code (a code never carries a number, so not 'value'). */
export const CODE_FLAGS = ['bdl', 'odl', 'ns', 'is', 'missing'] as const;
export type CodeFlag = (typeof CODE_FLAGS)[number];

const CODES: Record<string, AssayFlag> = {
  NS: 'ns',
  'N/S': 'ns',
  NSS: 'ns',
  IS: 'is',
  'I/S': 'is',
  NA: 'missing',
  'N/A': 'missing',
  NR: 'missing',
  LNR: 'missing',
  '-': 'missing',
};

export const KNOWN_RESULT_CODES = Object.keys(CODES);

/**
 * Numbers databases use for "no result": read as missing, never as below detection (-999 would otherwise
 * be "below 999 %" and counted at 499.5 % Cu). -99.9 and the like are not on the list: a project that
 * uses them adds them to its own codes (project setting assays.missing_sentinels).
 */
export const MISSING_SENTINELS: readonly number[] = [-99, -999, -9999];

/** True for a number that means "no result": a built-in sentinel or one of the project's own. */
export function isMissingSentinel(value: number, own: readonly number[] | undefined): boolean {
  return value === -999 || value === -9999 || value === -99 || (own !== undefined && own.includes(value));
}

/** The largest plausible detection limit in a unit: 100 % (1,000,000 ppm) and its equivalents. */
export function plausibleLimit(unit: AnalyteUnit): number {
  return 1_000_000 / ppmFactor(unit);
}

/**
 * Reads a list of missing-value codes as typed ("-1, -99.9"): negative numbers only, since a positive
 * number is a result. Throws with what to type.
 */
export function parseSentinelList(text: string): number[] {
  const items = text
    .split(/[,;\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const numbers: number[] = [];
  for (const item of items) {
    const value = parseNumber(item);
    if (value === null || value >= 0) {
      throw new RangeError(
        `"${item}" is not a negative number; missing-value codes are negative numbers such as -1 or -99.9 (a positive number is a result).`,
      );
    }
    if (!numbers.includes(value)) numbers.push(value);
  }
  return numbers;
}

/** Interprets one non-empty result text. Unknown text is kept and flagged `invalid`, never guessed at. */
export function parseLabValue(text: string, options: LabValueOptions): LabValue {
  // Most results are plain numbers: try that first, before any string work.
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 46) {
    const value = parseNumber(text);
    if (value !== null) return { value, flag: 'value' };
  }
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  const own = options.codes?.get(upper);
  if (own) return { value: null, flag: own };
  const code = CODES[upper];
  if (code) return { value: null, flag: code };
  const sign = trimmed.charAt(0);
  if (sign === '<' || sign === '>') {
    const limit = parseNumber(trimmed.slice(1));
    if (limit === null || limit < 0) return { value: null, flag: 'invalid' };
    return { value: limit, flag: sign === '<' ? 'bdl' : 'odl' };
  }
  const value = parseNumber(trimmed);
  if (value === null) return { value: null, flag: 'invalid' };
  if (value < 0) {
    if (isMissingSentinel(value, options.missingSentinels)) return { value: null, flag: 'missing' };
    return options.negativeIsBelowDetection
      ? { value: -value, flag: 'bdl' }
      : { value: null, flag: 'invalid' };
  }
  return { value, flag: 'value' };
}

const UNIT_SUFFIXES: readonly [RegExp, AnalyteUnit][] = [
  [/[_ ](pct|percent|%)$/i, '%'],
  [/[_ ](ppm)$/i, 'ppm'],
  [/[_ ](ppb)$/i, 'ppb'],
  [/[_ ](gpt|g\/t|gt)$/i, 'g/t'],
  [/[_ ](opt|oz\/t)$/i, 'oz/t'],
];

export interface AnalyteColumn {
  code: string;
  unit: AnalyteUnit | null;
}

/** Splits an assay column header into analyte code and unit: `Cu_pct` -> Cu, %. `CU` -> CU, unknown. */
export function analyteFromHeader(header: string): AnalyteColumn {
  const name = header.trim();
  for (const [pattern, unit] of UNIT_SUFFIXES) {
    if (pattern.test(name)) return { code: name.replace(pattern, ''), unit };
  }
  return { code: name, unit: null };
}

export function isAnalyteUnit(text: string): text is AnalyteUnit {
  return text === '%' || text === 'ppm' || text === 'ppb' || text === 'g/t' || text === 'oz/t';
}

/** Factor from a unit to ppm (g/t); % -> 10,000 ppm. */
export function ppmFactor(unit: AnalyteUnit): number {
  switch (unit) {
    case '%':
      return 10_000;
    case 'ppm':
    case 'g/t':
      return 1;
    case 'ppb':
      return 0.001;
    case 'oz/t':
      return 34.2857;
  }
}
