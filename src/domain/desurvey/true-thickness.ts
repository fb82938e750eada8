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
 * |(P_to - P_from) . n|. Pass a cursor when measuring many intercepts of one hole in depth order, so
 * the path is walked once.
 */
export function trueThickness(
  path: HolePath,
  from: number,
  to: number,
  plane: PlaneOrientation,
  cursor: PathCursor = new PathCursor(path),
): number {
  const n = planeNormal(plane);
  cursor.moveTo(from);
  const x0 = cursor.x;
  const y0 = cursor.y;
  const z0 = cursor.z;
  cursor.moveTo(to);
  return Math.abs((cursor.x - x0) * n.x + (cursor.y - y0) * n.y + (cursor.z - z0) * n.z);
}
