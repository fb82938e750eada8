// The one rule for comparing a grade with a threshold (cutoff, including cutoff, minimum grade, minimum
// grade x length). Grades come out of sums and products in binary floating point, so Zn 1.4 + Pb 0.4 is
// 1.7999999999999998: compared plainly it misses a 1.8 cutoff it meets on paper.

/** A grade reaches a threshold when it is below it by at most this fraction of the threshold... */
export const GRADE_RELATIVE_TOLERANCE = 1e-9;
/** ...and by at most this much when the threshold is zero or tiny (the absolute floor). */
export const GRADE_ABSOLUTE_TOLERANCE = 1e-12;

/**
 * The lowest value that still counts as reaching `threshold`: the threshold less 1e-9 of its magnitude,
 * or less 1e-12 when that is smaller. Precompute it once per threshold for a loop over samples.
 */
export function gradeFloor(threshold: number): number {
  return threshold - Math.max(GRADE_RELATIVE_TOLERANCE * Math.abs(threshold), GRADE_ABSOLUTE_TOLERANCE);
}

/** True when `grade` is at or above `threshold`, floating-point noise allowed for. */
export function reachesGrade(grade: number, threshold: number): boolean {
  return grade >= gradeFloor(threshold);
}
