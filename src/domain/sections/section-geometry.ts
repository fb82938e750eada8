// A vertical cross-section: the plane through a line drawn on the plan (A to B), a slab of half-width w
// either side of it, and where any point of a hole falls on it (distance along A-B, elevation, offset).
// Coordinates are the project's easting, northing and elevation, in its length unit.

const RADIANS = Math.PI / 180;

export interface PlanPoint {
  /** Easting. */
  x: number;
  /** Northing. */
  y: number;
}

/** A section as the user draws it: from A to B on the plan, holes within `halfWidth` either side. */
export interface SectionLine {
  start: PlanPoint;
  end: PlanPoint;
  halfWidth: number;
}

export interface SectionFrame {
  line: SectionLine;
  /** Plan length of A-B. */
  length: number;
  /** Azimuth of A to B, degrees clockwise from north, 0 to <360. */
  azimuth: number;
  /** Unit vector from A to B (east, north). */
  ux: number;
  uy: number;
}

/** Where a point falls on the section. */
export interface SectionPoint {
  /** Distance from A along A-B (negative before A, beyond `length` past B). */
  along: number;
  elevation: number;
  /** Signed distance from the section plane: positive in front (the way the viewer looks), negative behind. */
  offset: number;
}

export function normalizeAzimuth(degrees: number): number {
  const value = degrees % 360;
  return value < 0 ? value + 360 : value === 360 ? 0 : value;
}

/** Checks the line and precomputes its direction. Throws RangeError with a message a user can act on. */
export function sectionFrame(line: SectionLine): SectionFrame {
  const values = [line.start.x, line.start.y, line.end.x, line.end.y, line.halfWidth];
  if (!values.every(Number.isFinite)) {
    throw new RangeError('A section needs the easting and northing of both ends and a half-width.');
  }
  if (!(line.halfWidth > 0)) {
    throw new RangeError(`The section half-width must be more than zero, not ${line.halfWidth}.`);
  }
  const dx = line.end.x - line.start.x;
  const dy = line.end.y - line.start.y;
  const length = Math.hypot(dx, dy);
  if (!(length > 1e-6)) {
    throw new RangeError('The two ends of the section are at the same place; draw a longer line.');
  }
  return {
    line,
    length,
    azimuth: normalizeAzimuth(Math.atan2(dx, dy) / RADIANS),
    ux: dx / length,
    uy: dy / length,
  };
}

/** A section given by its centre, the azimuth from A to B and its plan length. */
export function sectionLineFromCentre(
  centre: PlanPoint,
  azimuth: number,
  length: number,
  halfWidth: number,
): SectionLine {
  const ux = Math.sin(azimuth * RADIANS);
  const uy = Math.cos(azimuth * RADIANS);
  const half = length / 2;
  return {
    start: { x: centre.x - half * ux, y: centre.y - half * uy },
    end: { x: centre.x + half * ux, y: centre.y + half * uy },
    halfWidth,
  };
}

/**
 * The azimuth the viewer faces: with A on the left of the screen and B on the right, the viewer looks
 * 90 degrees anticlockwise of A-B (a section drawn west to east is seen looking north).
 */
export function lookingAzimuth(frame: SectionFrame): number {
  return normalizeAzimuth(frame.azimuth - 90);
}

export function projectOnSection(frame: SectionFrame, x: number, y: number, z: number): SectionPoint {
  const ex = x - frame.line.start.x;
  const ey = y - frame.line.start.y;
  // Looking direction (-uy, ux): 90 degrees anticlockwise of A-B.
  return { along: ex * frame.ux + ey * frame.uy, elevation: z, offset: -ex * frame.uy + ey * frame.ux };
}

/** The plan point at a distance along the section and an offset from it (the inverse of the projection). */
export function planPointOnSection(frame: SectionFrame, along: number, offset = 0): PlanPoint {
  return {
    x: frame.line.start.x + along * frame.ux - offset * frame.uy,
    y: frame.line.start.y + along * frame.uy + offset * frame.ux,
  };
}

/** The slab's outline on the plan: the four corners, A's side first, for drawing. */
export function slabOutline(frame: SectionFrame): PlanPoint[] {
  const w = frame.line.halfWidth;
  return [
    planPointOnSection(frame, 0, -w),
    planPointOnSection(frame, frame.length, -w),
    planPointOnSection(frame, frame.length, w),
    planPointOnSection(frame, 0, w),
  ];
}
