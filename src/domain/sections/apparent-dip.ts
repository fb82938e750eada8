// A dipping plane (the run's true-thickness plane) as it appears on a vertical section: the line where it
// cuts the section, with its apparent dip atan(tan(dip) * |cos(section azimuth - dip direction)|).
import { planeNormal, type PlaneOrientation } from '../desurvey/true-thickness';
import type { SectionFrame } from './section-geometry';

const RADIANS = Math.PI / 180;

export interface PlaneOnSection {
  /** Unit direction of the plane's trace on the section, in (along, elevation), pointing towards B. */
  along: number;
  up: number;
  /** Apparent dip, 0 (flat) to 90 (vertical) degrees. */
  apparentDip: number;
  /** Whether the trace goes down towards B (true), up towards B (false), or is flat or vertical (null). */
  dipsTowardsB: boolean | null;
  /**
   * True when the plane is vertical and parallel to the section: it is the section plane itself (or
   * parallel to it) and cuts it in no line.
   */
  parallel: boolean;
}

/** Apparent dip in degrees of a plane on a vertical section of the given azimuth. */
export function apparentDip(dip: number, dipDirection: number, sectionAzimuth: number): number {
  const tangent = Math.tan(dip * RADIANS) * Math.abs(Math.cos((sectionAzimuth - dipDirection) * RADIANS));
  // tan(90) is huge but finite in floating point; atan of it is 90 as it should be.
  return Math.atan(tangent) / RADIANS;
}

/**
 * The plane's trace on the section. A point s along A-B and z up lies in the plane through the origin
 * when s (n . u) + z n_z = 0, so the trace runs along (n_z, -(n . u)) normalised.
 */
export function planeOnSection(
  plane: PlaneOrientation,
  frame: Pick<SectionFrame, 'ux' | 'uy'>,
): PlaneOnSection {
  const n = planeNormal(plane);
  const nu = n.x * frame.ux + n.y * frame.uy;
  const nz = n.z;
  const size = Math.hypot(nz, nu);
  if (size < 1e-12) return { along: 0, up: 1, apparentDip: 90, dipsTowardsB: null, parallel: true };
  let along = nz / size;
  let up = -nu / size;
  // Point the direction towards B (or straight up when vertical), so callers draw it the same way.
  if (along < 0 || (along === 0 && up < 0)) {
    along = -along;
    up = -up;
  }
  const flatOrVertical = Math.abs(up) < 1e-12 || along < 1e-12;
  return {
    along,
    up,
    apparentDip: Math.atan2(Math.abs(up), along) / RADIANS,
    dipsTowardsB: flatOrVertical ? null : up < 0,
    parallel: false,
  };
}

/**
 * The plane's trace through a point of the section, as a segment `halfLength` either side of it
 * (measured along the trace). Null when the plane is parallel to the section.
 */
export function planeSegment(
  trace: PlaneOnSection,
  centre: { along: number; elevation: number },
  halfLength: number,
): [[number, number], [number, number]] | null {
  if (trace.parallel) return null;
  return [
    [centre.along - halfLength * trace.along, centre.elevation - halfLength * trace.up],
    [centre.along + halfLength * trace.along, centre.elevation + halfLength * trace.up],
  ];
}
