// Converting assay results between units when a file's unit differs from the one the project stores an
// analyte in (forrestania's Pb_ppm into a project with Pb in %): which pairs convert, by what factor, and
// how a clash is described. The lab's text is never rewritten; only the number used for calculation is.
import { ppmFactor } from '../assay-values';
import type { AnalyteUnit } from '../model';

/** One assay column whose unit differs from the unit the project (or an earlier file) stores it in. */
export interface UnitClash {
  /** The file's name as the user knows it. */
  file: string;
  header: string;
  code: string;
  fileUnit: AnalyteUnit;
  projectUnit: AnalyteUnit;
}

/** The number in `to` for a result given in `from` (1 % = 10,000 ppm; g/t = ppm; 1 ppm = 1,000 ppb). */
export function convertAssayValue(value: number, from: AnalyteUnit, to: AnalyteUnit): number {
  if (from === to) return value;
  // Twelve significant digits keep 359 ppm as 0.0359 %, not 0.035899999999999994.
  return Number(((value * ppmFactor(from)) / ppmFactor(to)).toPrecision(12));
}

/** The factor in words: "1 % = 10,000 ppm", "1 g/t = 1 ppm", "1 ppm = 1,000 ppb". */
export function conversionWords(from: AnalyteUnit, to: AnalyteUnit): string {
  const [big, small] = ppmFactor(from) >= ppmFactor(to) ? [from, to] : [to, from];
  const factor = Number((ppmFactor(big) / ppmFactor(small)).toPrecision(6));
  return `1 ${big} = ${factor.toLocaleString('en')} ${small}`;
}

/** "Pb_ppm gives ppm where the project stores Pb in %". */
export function describeClash(clash: UnitClash): string {
  return `${clash.header} gives ${clash.fileUnit} where the project stores ${clash.code} in ${clash.projectUnit}`;
}
