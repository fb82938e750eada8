// Regular stations along a desurveyed hole, for `drillbench desurvey --step S` and 3-D views: every S
// down the hole, plus every survey station and the end, so no measured bend is cut off.
import { PathCursor, type HolePath } from './minimum-curvature';

export interface DesurveyStation {
  depth: number;
  x: number;
  y: number;
  z: number;
  azimuth: number;
  /** Negative-down. */
  dip: number;
  /** True where a survey was taken at this depth. */
  surveyed: boolean;
}

/**
 * Stations at 0, S, 2S, ... up to `endDepth` (default: end of hole, else the deepest survey), plus the
 * survey depths and the end itself. Depths closer than 1e-9 are one station.
 */
export function stationsAlongHole(path: HolePath, step: number, endDepth?: number): DesurveyStation[] {
  if (!(step > 0)) throw new RangeError(`The station step must be a positive length, not ${step}.`);
  const lastSurvey = path.depth[path.stationCount - 1] ?? 0;
  const end = endDepth ?? path.eoh ?? lastSurvey;
  if (!(end >= 0)) throw new RangeError(`Hole ${path.holeId}: end depth ${end} is above the collar.`);
  const depths: { depth: number; surveyed: boolean }[] = [];
  // Multiplying rather than adding keeps 1000 steps of 0.1 free of accumulated drift.
  for (let k = 0; k * step < end - 1e-9; k++) depths.push({ depth: k * step, surveyed: false });
  depths.push({ depth: end, surveyed: false });
  for (const depth of path.surveyDepths) if (depth <= end + 1e-9) depths.push({ depth, surveyed: true });
  depths.sort((a, b) => a.depth - b.depth);

  const cursor = new PathCursor(path);
  const out: DesurveyStation[] = [];
  for (const { depth, surveyed } of depths) {
    const previous = out[out.length - 1];
    if (previous && depth - previous.depth < 1e-9) {
      previous.surveyed ||= surveyed;
      continue;
    }
    cursor.moveTo(depth);
    out.push({
      depth,
      x: cursor.x,
      y: cursor.y,
      z: cursor.z,
      azimuth: cursor.azimuth(),
      dip: cursor.dip(),
      surveyed,
    });
  }
  return out;
}
