// The significant-intercept parameters the demo ships with, as plain data a compositing run can take. The
// 'lower-e-zone-2011' preset is the documented set under which the demo's samples give the release's table.
import { SEED_HOLES } from './seed-table';

export interface InterceptPresetParams {
  /** Grade expression over analyte codes, e.g. 'Zn + Pb'. */
  grade: string;
  /** Unit of the grade, the cutoff and the minimum grade; analytes in other units are converted into it. */
  gradeUnit: '%';
  /** Samples at or above this grade (in the expression's unit, here %) are ore. */
  cutoff: number;
  /** Shortest reportable intercept, downhole, in the project's length unit. */
  minLength: number;
  /** Longest contiguous run of below-cutoff or unsampled core allowed inside one intercept. */
  maxDilution: number;
  /** Lowest weighted grade of a whole intercept, waste and gaps included. */
  minGrade: number;
  /** Lowest grade x length, or null for no such test. */
  minGradeLength: number | null;
  weighting: 'length' | 'density';
  /** Value used for a below-detection result. */
  bdl: 'half' | 'dl' | 'zero' | 'missing';
  /** Unsampled core inside an intercept: counted at zero grade, or the end of the intercept. */
  unsampled: 'zero' | 'break';
  /** Top-cuts by analyte code, applied before averaging. */
  caps: Record<string, number>;
  /** A higher-grade pass inside each intercept, or null. */
  including: { cutoff: number; minLength: number; maxDilution: number } | null;
  /** Orientation of the mineralised horizon, for estimated true thickness; null when unknown. */
  plane: { dip: number; dipDirection: number } | null;
  /** Holes to report, or null for every hole. */
  holes: string[] | null;
  /** Analytes reported beside the grade expression. */
  analytes: string[];
}

export interface InterceptPreset {
  name: string;
  description: string;
  params: InterceptPresetParams;
}

/**
 * Why these numbers. The demo's ore samples run at least 6 % Zn+Pb and its waste at most 3.5 %, so a 5 %
 * cutoff sits a full percent from every sample. Internal waste runs are at most 1.0 m and the shortest
 * waste between two intercepts of one hole is 2.0 m (EUG-11-057 and -071), so 1.5 m of dilution is half
 * a metre from both. The shortest row is exactly 1.0 m; a 1.0 m minimum would put it on the boundary,
 * where a sum of sample lengths in floating point can fall either side, so the minimum is 0.5 m.
 * Length weighting because that is what the table reproduces (the release does not say); intercepts hold
 * no below-detection results or unsampled core, so the bdl and unsampled rules do not change any row.
 */
export const LOWER_E_ZONE_PARAMS: InterceptPresetParams = {
  grade: 'Zn + Pb',
  gradeUnit: '%',
  cutoff: 5,
  minLength: 0.5,
  maxDilution: 1.5,
  minGrade: 5,
  minGradeLength: null,
  weighting: 'length',
  bdl: 'half',
  unsampled: 'zero',
  caps: {},
  including: null,
  plane: { dip: 28.5, dipDirection: 315 },
  holes: [...SEED_HOLES],
  analytes: ['Zn', 'Pb'],
};

export const DEMO_PRESETS: readonly InterceptPreset[] = [
  {
    name: 'lower-e-zone-2011',
    description:
      'Selected significant intersections as in the 25 Oct 2011 release: Zn + Pb, 5 % cutoff, 0.5 m minimum, ' +
      'up to 1.5 m internal dilution, length weighted, true thickness on the horizon dipping 28.5 deg to 315.',
    params: LOWER_E_ZONE_PARAMS,
  },
  {
    name: 'lower-e-zone-all-holes',
    description:
      'The same parameters over all 76 holes, showing the weaker and thinner intersections the release left out.',
    params: { ...LOWER_E_ZONE_PARAMS, holes: null },
  },
];

/** A deep copy, so a caller editing a project's preset cannot change the shipped one. */
export function copyParams(params: InterceptPresetParams): InterceptPresetParams {
  return {
    ...params,
    caps: { ...params.caps },
    including: params.including ? { ...params.including } : null,
    plane: params.plane ? { ...params.plane } : null,
    holes: params.holes ? [...params.holes] : null,
    analytes: [...params.analytes],
  };
}
