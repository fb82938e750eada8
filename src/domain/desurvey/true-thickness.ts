// True thickness of an intercept through a planar body: the component of the desurveyed chord from the
// intercept's top to its bottom along the plane's normal (docs/domain.md, "True thickness").
import { PathCursor, type HolePath } from './minimum-curvature';

const RADIANS = Math.PI / 180;

export interface PlaneOrientation {
  /** Dip of the body below horizontal, 0..90 degrees (a plane's dip, not a hole's). */
  dip: number;
  /** Dip direction: azimuth of the steepest descent, clockwise from north, degrees. */
  dipDirection: number;
}

export interface Vector3 {
  x: number;
  y: number;
  z: number;
}

/** Unit normal (east, north, up) = (sin d sin a, sin d cos a, cos d). */
export function planeNormal(plane: PlaneOrientation): Vector3 {
  if (!(plane.dip >= 0 && plane.dip <= 90) || !Number.isFinite(plane.dipDirection)) {
    throw new RangeError(
      `A plane needs a dip from 0 to 90 degrees and a dip direction; got dip ${plane.dip}, dip direction ${plane.dipDirection}.`,
    );
  }
  const d = plane.dip * RADIANS;
  const a = plane.dipDirection * RADIANS;
  return { x: Math.sin(d) * Math.sin(a), y: Math.sin(d) * Math.cos(a), z: Math.cos(d) };
}

/**
 * Below this angle between the hole and the plane, an estimated true thickness is flagged unreliable: the
 * thickness is the length times the sine of the angle, so near 0 degrees a small error in the plane's or
 * the hole's orientation changes it many times over (at 15 degrees, one degree off is 7 % of it).
 */
export const NEAR_PARALLEL_DEGREES = 15;

export interface ThicknessEstimate {
  /** |(P_to - P_from) . n| */
  thickness: number;
  /** Angle between the hole's chord from P_from to P_to and the plane, 0..90 degrees. */
  angle: number;
}

/**
 * The true thickness and the angle at which the hole crosses the plane over [from, to]. Pass a cursor
 * when measuring many intercepts of one hole in depth order, so the path is walked once.
 */
export function thicknessAndAngle(
  path: HolePath,
  from: number,
  to: number,
  plane: PlaneOrientation,
  cursor: PathCursor = new PathCursor(path),
): ThicknessEstimate {
  const n = planeNormal(plane);
  cursor.moveTo(from);
  const x0 = cursor.x;
  const y0 = cursor.y;
  const z0 = cursor.z;
  cursor.moveTo(to);
  const dx = cursor.x - x0;
  const dy = cursor.y - y0;
  const dz = cursor.z - z0;
  const thickness = Math.abs(dx * n.x + dy * n.y + dz * n.z);
  const chord = Math.hypot(dx, dy, dz);
  const angle = chord > 0 ? Math.asin(Math.min(1, thickness / chord)) / RADIANS : NaN;
  return { thickness, angle };
}

/** |(P_to - P_from) . n| (see thicknessAndAngle). */
export function trueThickness(
  path: HolePath,
  from: number,
  to: number,
  plane: PlaneOrientation,
  cursor: PathCursor = new PathCursor(path),
): number {
  return thicknessAndAngle(path, from, to, plane, cursor).thickness;
}
