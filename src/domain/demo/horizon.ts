// The Ruddock Creek sulphide horizon as the demo models it: planar lenses dipping 28.5 deg toward 315
// (northwest). True thickness and where a hole meets a lens both follow from the plane's normal.

export const HORIZON_DIP = 28.5;
export const HORIZON_DIP_DIRECTION = 315;

const RADIANS = Math.PI / 180;

export type Vector3 = readonly [number, number, number];

/** Unit vector (east, north, up) along a hole with this azimuth and negative-down dip. */
export function directionVector(azimuth: number, dip: number): Vector3 {
  const a = azimuth * RADIANS;
  const d = dip * RADIANS;
  return [Math.cos(d) * Math.sin(a), Math.cos(d) * Math.cos(a), Math.sin(d)];
}

/** Upward unit normal of a plane dipping `dip` toward `dipDirection` (docs/domain.md, "True thickness"). */
export function planeNormal(dip = HORIZON_DIP, dipDirection = HORIZON_DIP_DIRECTION): Vector3 {
  const d = dip * RADIANS;
  const a = dipDirection * RADIANS;
  return [Math.sin(d) * Math.sin(a), Math.sin(d) * Math.cos(a), Math.cos(d)];
}

export function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * Component of a hole direction along the horizon's upward normal: negative when the hole heads down
 * through a lens below its collar, positive when it heads up through one above. Its magnitude is the
 * ratio of true thickness to downhole length for a straight hole.
 */
export function approach(azimuth: number, dip: number): number {
  return dot(directionVector(azimuth, dip), planeNormal());
}
