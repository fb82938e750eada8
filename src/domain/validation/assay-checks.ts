// The assay rules, per sample: every result readable, no below-detection limit that cannot be one, no
// percent value over 100 and no percent analytes summing over 100. Judged on the preferred results.
import { isAnalyteUnit, plausibleLimit } from '../assay-values';
import type { Problem } from '../model';
import { problem } from './rules';

export interface ResultUnderTest {
  analyte: string;
  unit: string;
  value: number | null;
  flag: string;
  lab_text: string;
}

/** Checks one sample's assay results: readable text, percent values and their sum. */
export function checkSampleAssays(
  holeId: string,
  sampleRowId: number,
  /** The sample's name for messages, or how to write it: called only when there is a problem. */
  sampleName: string | (() => string),
  results: readonly ResultUnderTest[],
): Problem[] {
  const found: Problem[] = [];
  let written: string | undefined;
  // Naming a sample formats its depths; most samples have no problem, so that is done on demand.
  const name = () => (written ??= typeof sampleName === 'string' ? sampleName : sampleName());
  let percentSum = 0;
  for (const result of results) {
    if (result.flag === 'invalid') {
      found.push(
        problem(
          'assay-unreadable',
          'assays',
          holeId,
          sampleRowId,
          result.analyte,
          `${name()} ${result.analyte}: "${result.lab_text}" is neither a number nor a known code (<DL, >DL, NS, IS); correct the result.`,
        ),
      );
      continue;
    }
    if (result.flag === 'bdl' && result.value !== null && isAnalyteUnit(result.unit)) {
      const limit = plausibleLimit(result.unit);
      if (result.value > limit) {
        found.push(
          problem(
            'assay-implausible-limit',
            'assays',
            holeId,
            sampleRowId,
            result.analyte,
            `${name()} ${result.analyte}: "${result.lab_text}" would mean below a detection limit of ${result.value.toLocaleString('en')} ${result.unit}, more than ${limit.toLocaleString('en')} ${result.unit}${result.unit === '%' ? '' : ' (100 %)'}, so it cannot be a detection limit. ${result.lab_text.trim().startsWith('-') ? "If it means no result, add it to the project's missing-value codes (setting assays.missing_sentinels, see drillbench settings); otherwise correct the result." : "Correct the result, or the analyte's unit."}`,
          ),
        );
      }
      continue;
    }
    if (result.unit !== '%' || result.value === null || result.flag !== 'value') continue;
    if (result.value > 100) {
      found.push(
        problem(
          'assay-over-100-percent',
          'assays',
          holeId,
          sampleRowId,
          result.analyte,
          `${name()} ${result.analyte} is ${result.value} %, more than 100 %; check the unit (ppm?) or the value.`,
        ),
      );
    }
    percentSum += result.value;
  }
  if (percentSum > 100 + 1e-9) {
    found.push(
      problem(
        'assay-percent-sum',
        'assays',
        holeId,
        sampleRowId,
        null,
        `${name()}: percent analytes add up to ${Number(percentSum.toFixed(3))} %, more than 100 %; check units and values.`,
      ),
    );
  }
  return found;
}
