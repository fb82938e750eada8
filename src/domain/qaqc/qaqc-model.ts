// The shapes QA/QC works on: a standards table entry (certified value and SD of a reference material per
// analyte), one result of an inserted blank, standard or duplicate, and the settings that judge them.
import type { AnalyteUnit, AssayFlag } from '../model';

/** One line of the standards table: a reference material's certified value and SD for one analyte. */
export interface StandardValue {
  code: string;
  analyte: string;
  certifiedValue: number;
  sd: number;
  /** The unit of certifiedValue and sd (converted to the analyte's unit before judging). */
  unit: AnalyteUnit;
  /** Where the figures come from (certificate, lot), free text. */
  source: string | null;
}

/** One preferred result of a QA/QC insert for one analyte, in the analyte's unit. */
export interface QcResult {
  /** Storage id of the sample row (opens it in the grid; the warning's row). */
  rowId: number;
  sampleId: string | null;
  /** The hole's storage id and its ID as typed. */
  hole: number;
  holeId: string;
  /** The batch: the certificate number the result came on, or null when there is none. */
  batch: string | null;
  value: number | null;
  flag: AssayFlag;
  labText: string;
}

export interface QaqcSettings {
  /** A blank fails above this many times the analyte's detection limit. */
  blankFactor: number;
  /** Duplicate pairs whose mean is under this many times the detection limit are left out of precision. */
  duplicateFactor: number;
  /** Fewer results than this for a standard and analyte: listed, but too few for a control chart. */
  minChartPoints: number;
}

export const DEFAULT_QAQC: QaqcSettings = {
  blankFactor: 5,
  duplicateFactor: 10,
  minChartPoints: 3,
};

/** Flags whose number is a measurement (or the reported limit) QA/QC can judge. */
export function judgeable(result: Pick<QcResult, 'value' | 'flag'>): result is { value: number } & QcResult {
  return result.value !== null && (result.flag === 'value' || result.flag === 'bdl' || result.flag === 'odl');
}

/** Codes of standards match without regard to case or surrounding spaces. */
export function standardKey(code: string): string {
  return code.trim().toUpperCase();
}

/** A figure as a geologist reads it: at most six significant digits, no trailing zeros. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}
