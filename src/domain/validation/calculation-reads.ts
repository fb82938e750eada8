// Which validation errors keep a hole out of a calculation: only errors in what that calculation reads.
// A lithology overlap says nothing about a Cu intercept, an unreadable Ag result nothing about a Zn one,
// a survey past the end of hole nothing about a composite; each run declares what it reads and its
// reasons name the table and the rule.
import { RULES, type RuleId } from './rules';

/** What a calculation reads of each hole. */
export interface CalculationReads {
  /** Sample intervals (from, to, type, density). */
  samples: boolean;
  /** The analytes whose results it reads, with their units. */
  analytes: readonly { code: string; unit: string }[];
  /** Lithology intervals (composites restarted at domain boundaries). */
  lithology: boolean;
  /** Surveys and the collar's azimuth and dip (desurvey, true thickness). */
  surveys: boolean;
  /** The collar's easting, northing and elevation (desurvey: positions in 3-D). */
  collarPosition: boolean;
}

/**
 * How a run chose the holes it left out. 'reads': errors in what it reads (this module). 'any-error':
 * any validation error, the rule of runs saved before it; such runs are verified with their own rule.
 */
export type ExclusionRule = 'reads' | 'any-error';

/** Validation errors of one rule in one table of one hole (column: the analyte, for assay errors). */
export interface HoleErrors {
  table: string;
  rule: string;
  column: string | null;
  count: number;
}

const POSITION_COLUMNS = new Set(['easting', 'northing', 'elevation']);
const ORIENTATION_COLUMNS = new Set(['azimuth', 'dip']);

/** True when errors of this kind concern data the calculation reads. Unknown tables count (cautious). */
export function errorsConcern(errors: HoleErrors, reads: CalculationReads): boolean {
  switch (errors.table) {
    case 'samples':
      return reads.samples;
    case 'lithology':
      return reads.lithology;
    case 'surveys':
      return reads.surveys;
    case 'assays':
      if (errors.column !== null) return reads.analytes.some((analyte) => analyte.code === errors.column);
      // A sum over 100 % cannot be pinned on one analyte: it concerns every run reading a percent one.
      if (errors.rule === 'assay-percent-sum') return reads.analytes.some((analyte) => analyte.unit === '%');
      return reads.analytes.length > 0;
    case 'holes':
      if (errors.column !== null && POSITION_COLUMNS.has(errors.column)) return reads.collarPosition;
      if (errors.column !== null && ORIENTATION_COLUMNS.has(errors.column)) return reads.surveys;
      return true;
    default:
      return true;
  }
}

function ruleWords(rule: string, count: number): string {
  const title = (RULES[rule as RuleId]?.title ?? rule).toLowerCase();
  return count > 1 ? `${title} (${count})` : title;
}

/**
 * The reason a hole is left out, in words: `validation errors in samples: overlapping intervals (3); in
 * assays (Ag): result text not a number or known code`. `errors` come ordered by table, column and rule.
 */
export function exclusionReason(errors: readonly HoleErrors[]): string {
  const groups = new Map<string, string[]>();
  for (const error of errors) {
    const where =
      error.table === 'assays' && error.column !== null ? `assays (${error.column})` : error.table;
    const list = groups.get(where);
    const words = ruleWords(error.rule, error.count);
    if (list) list.push(words);
    else groups.set(where, [words]);
  }
  return `validation errors ${[...groups].map(([where, rules]) => `in ${where}: ${rules.join(', ')}`).join('; ')}`;
}

/** The reason as runs saved before the 'reads' rule worked it out: rules and counts, any table. */
export function anyErrorReason(errors: readonly HoleErrors[]): string {
  const byRule = new Map<string, number>();
  for (const error of errors) byRule.set(error.rule, (byRule.get(error.rule) ?? 0) + error.count);
  const parts = [...byRule]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, count]) => ruleWords(rule, count));
  return `validation errors: ${parts.join(', ')}`;
}
