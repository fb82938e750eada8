// The dogleg angle between two survey directions, shared by minimum-curvature desurvey and the
// sharp-bend validation rule.

const RADIANS = Math.PI / 180;

/** Inclination from vertical, in degrees, for a negative-down dip: -90 -> 0 (down), +30 -> 120 (up-hole). */
export function inclinationFromDip(dipNegativeDown: number): number {
  return 90 + dipNegativeDown;
}

/** Dogleg angle in radians between two directions given as azimuth and negative-down dip, in degrees. */
export function doglegAngle(azimuth1: number, dip1: number, azimuth2: number, dip2: number): number {
  const i1 = inclinationFromDip(dip1) * RADIANS;
  const i2 = inclinationFromDip(dip2) * RADIANS;
  const dA = (azimuth2 - azimuth1) * RADIANS;
  const cosBeta = Math.cos(i2 - i1) - Math.sin(i1) * Math.sin(i2) * (1 - Math.cos(dA));
  return Math.acos(Math.min(1, Math.max(-1, cosBeta)));
}

/** Dogleg severity in degrees per `perLength` of hole (30 m, or 100 ft). */
export function doglegSeverity(angleRadians: number, length: number, perLength: number): number {
  if (length <= 0) return 0;
  return (angleRadians / RADIANS) * (perLength / length);
}
