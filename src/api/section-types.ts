// Response shapes of the plan map and cross-section calls: every hole's trace in flat arrays, the
// intervals of a saved run placed by depth, and section lines saved in the project.
import type { HoleTraces } from '../domain/sections/hole-traces';
import type { SectionLine } from '../domain/sections/section-geometry';
import type { LengthUnit } from '../domain/model';

export interface TraceSet {
  lengthUnit: LengthUnit;
  coordinateSystem: string | null;
  /** Holes in the project. */
  holeCount: number;
  /** The holes that can be drawn: a polyline each, within `tolerance` of the minimum-curvature path. */
  traces: HoleTraces;
  tolerance: number;
  /** Drawn holes that have no survey: straight along the collar azimuth and dip. */
  straight: string[];
  /** Drawn holes with no end of hole, survey or interval to say how deep they go: a collar alone. */
  collarOnly: string[];
  /** Holes that cannot be drawn, and why (no coordinates, no elevation, no orientation, ...). */
  missing: { holeId: string; reason: string }[];
}

/** A saved run's intervals as columns: the row `r` is hole `holeIds[hole[r]]` from `from[r]` to `to[r]`. */
export interface RunIntervals {
  runId: number;
  kind: 'intercepts' | 'composites';
  lengthUnit: LengthUnit;
  /** What `grade` holds, e.g. `Zn+Pb` (intercepts) or `Zn` (the chosen analyte of composites). */
  gradeLabel: string;
  gradeUnit: string;
  /** Composites: the analytes to choose from; the one shown is `gradeLabel`. */
  analytes: string[];
  /** The run's true-thickness plane (intercepts run with one), else null. */
  plane: { dip: number; dipDirection: number } | null;
  holeIds: string[];
  hole: number[];
  from: number[];
  to: number[];
  /** Null where the grade is missing (a composite with no assayed length). */
  grade: (number | null)[];
  /** Intercepts: grade x length; composites: empty. */
  gradeLength: (number | null)[];
  trueThickness: (number | null)[];
  /** Intercepts: 1 for an "including" row inside an intercept, 0 otherwise. */
  including: number[];
  /** Rows in the run, before any hole filter. */
  total: number;
}

export interface SavedSectionLine extends SectionLine {
  id: number;
  name: string;
  savedAt: string;
}
