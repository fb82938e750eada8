// Response shapes of the calls behind finding a hole and its one-page view: the hole with its rows as
// the grids show them, the colours of its lithology codes, and a saved run's results in that hole.
import type { RunInfo } from './compositing-types';
import type { LengthUnit } from '../domain/model';
import type { AnalyteRow, HolePageRow, LithologyPageRow, SamplePageRow, SurveyPageRow } from './types';

export interface HoleSearchResult {
  /** Matching hole IDs, the exact one first, then those starting with the text, then the rest. */
  holeIds: string[];
  /** Every match, of which `holeIds` holds the first `limit`. */
  total: number;
}

export interface LithologyStyle {
  colour: string;
  description: string | null;
}

/** A hole and its rows, each as its grid shows it (samples wide, with their stored problems). */
export interface HoleViewData {
  holeId: string;
  lengthUnit: LengthUnit;
  collar: HolePageRow;
  /** In depth order. */
  surveys: SurveyPageRow[];
  /** In From order; blanks and standards (no depths) after the samples, in sample ID order. */
  samples: SamplePageRow[];
  lithology: LithologyPageRow[];
  /** Colour and description of each lithology code the hole uses (the lookup list's, or the default). */
  lithologyCodes: Record<string, LithologyStyle>;
  /** The project's analytes, in their order. */
  analytes: AnalyteRow[];
}

export type HoleRunIntervalKind = 'intercept' | 'and' | 'including' | 'composite';

/** One result row of a run in one hole, at full precision; null where the cell is empty. */
export interface HoleRunInterval {
  /** 'intercept' for a hole's first intercept, 'and' for further ones, 'including' for a part of one. */
  kind: HoleRunIntervalKind;
  from: number;
  to: number;
  length: number;
  trueThickness: number | null;
  /**
   * Intercepts: degrees between the hole and the plane over the interval (under 15 the thickness is
   * unreliable); null without a plane, and in runs saved before the angle was kept.
   */
  angleToPlane: number | null;
  /** Intercepts: the grade of the run's grade expression. */
  grade: number | null;
  /** One per `analytes` of the result. */
  values: (number | null)[];
  /** Composites restarted at lithology boundaries: the lithology code. */
  domain: string | null;
}

export interface HoleRunResults {
  run: RunInfo;
  holeId: string;
  /** Intercept runs: the grade expression as typed, its short label and unit. */
  grade: { expression: string; label: string; unit: string } | null;
  analytes: { code: string; unit: string }[];
  intervals: HoleRunInterval[];
  /** False when the run did not read this hole (it was not among the holes chosen, or was left out). */
  read: boolean;
  /** Why the run left this hole out, when it did. */
  leftOut: string | null;
}
