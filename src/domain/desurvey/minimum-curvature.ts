// Minimum-curvature desurvey: builds one hole's path from its collar and surveys once, then answers
// position and direction at any depth (a cursor makes a run of increasing depths O(1) each).
import { doglegAngle, inclinationFromDip } from './dogleg';

const RADIANS = Math.PI / 180;
/** Below this dogleg (radians) a segment is straight: the ratio factor is 1 and slerp degenerates. */
const STRAIGHT = 1e-9;

export interface CollarInput {
  /** Easting, northing and elevation of the collar, in the project's length unit. */
  x: number;
  y: number;
  z: number;
  /** Collar orientation; used only when the hole has no survey. Dip is negative-down. */
  azimuth: number | null;
  dip: number | null;
  /** End of hole depth, when recorded. */
  eoh: number | null;
}

export interface SurveyInput {
  depth: number;
  azimuth: number;
  /** Negative-down: -90 straight down, +30 an up-hole. */
  dip: number;
}

/** A hole's stations with positions and unit directions; station 0 is the collar at depth 0. */
export interface HolePath {
  readonly holeId: string;
  readonly stationCount: number;
  readonly depth: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Unit direction (east, north, up) at each station. */
  readonly tx: Float64Array;
  readonly ty: Float64Array;
  readonly tz: Float64Array;
  /** Azimuth as surveyed at each station, kept for vertical directions where it cannot be recovered. */
  readonly azimuth: Float64Array;
  /** Dogleg angle (radians) of the segment from station i to i + 1. */
  readonly dogleg: Float64Array;
  /** Depths of the surveys themselves (a virtual collar station is not among them). */
  readonly surveyDepths: readonly number[];
  readonly eoh: number | null;
}

/** A refusal to desurvey: says which hole and what to fix. */
export class DesurveyError extends Error {
  constructor(
    readonly holeId: string,
    message: string,
  ) {
    super(message);
    this.name = 'DesurveyError';
  }
}

function checkAngle(holeId: string, what: string, azimuth: number, dip: number): void {
  if (!Number.isFinite(azimuth) || !Number.isFinite(dip)) {
    throw new DesurveyError(holeId, `Hole ${holeId}: ${what} has no numeric azimuth and dip.`);
  }
  if (dip < -90 || dip > 90) {
    throw new DesurveyError(holeId, `Hole ${holeId}: ${what} dip ${dip} is outside -90..90.`);
  }
}

/**
 * Builds the path. Above the first survey the hole runs straight along that survey's direction; a hole
 * without surveys runs straight along the collar azimuth and dip. Throws DesurveyError when the data
 * cannot define a path (no orientation at all, a depth below zero, two different surveys at one depth).
 */
export function buildHolePath(
  holeId: string,
  collar: CollarInput,
  surveys: readonly SurveyInput[],
): HolePath {
  for (const value of [collar.x, collar.y, collar.z]) {
    if (!Number.isFinite(value)) throw new DesurveyError(holeId, `Hole ${holeId} has no collar coordinates.`);
  }
  const sorted = [...surveys].sort((a, b) => a.depth - b.depth);
  const stations: SurveyInput[] = [];
  for (const survey of sorted) {
    const what = `the survey at ${survey.depth}`;
    if (!Number.isFinite(survey.depth) || survey.depth < 0) {
      throw new DesurveyError(
        holeId,
        `Hole ${holeId}: survey depth ${survey.depth} is not a depth down the hole.`,
      );
    }
    checkAngle(holeId, what, survey.azimuth, survey.dip);
    const previous = stations[stations.length - 1];
    if (previous && survey.depth - previous.depth < 1e-9) {
      // A repeated reading with the same direction is harmless; two directions at one depth are a
      // contradiction the user must resolve.
      if (doglegAngle(previous.azimuth, previous.dip, survey.azimuth, survey.dip) < 1e-9) continue;
      throw new DesurveyError(
        holeId,
        `Hole ${holeId} has two different surveys at depth ${survey.depth}; keep one.`,
      );
    }
    stations.push(survey);
  }
  if (stations.length === 0) {
    if (collar.azimuth === null || collar.dip === null) {
      throw new DesurveyError(
        holeId,
        `Hole ${holeId} has no survey and no collar azimuth and dip; enter either.`,
      );
    }
    checkAngle(holeId, 'the collar', collar.azimuth, collar.dip);
    stations.push({ depth: 0, azimuth: collar.azimuth, dip: collar.dip });
  }
  const surveyDepths = surveys.length === 0 ? [] : stations.map((s) => s.depth);
  const first = stations[0]!;
  if (first.depth > 0) stations.unshift({ depth: 0, azimuth: first.azimuth, dip: first.dip });

  const n = stations.length;
  const path = {
    holeId,
    stationCount: n,
    depth: new Float64Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
    tx: new Float64Array(n),
    ty: new Float64Array(n),
    tz: new Float64Array(n),
    azimuth: new Float64Array(n),
    dogleg: new Float64Array(Math.max(0, n - 1)),
    surveyDepths,
    eoh: collar.eoh,
  };
  for (let i = 0; i < n; i++) {
    const s = stations[i]!;
    const inc = inclinationFromDip(s.dip) * RADIANS;
    const az = s.azimuth * RADIANS;
    path.depth[i] = s.depth;
    path.azimuth[i] = s.azimuth;
    path.tx[i] = Math.sin(inc) * Math.sin(az);
    path.ty[i] = Math.sin(inc) * Math.cos(az);
    path.tz[i] = -Math.cos(inc);
  }
  path.x[0] = collar.x;
  path.y[0] = collar.y;
  path.z[0] = collar.z;
  for (let i = 0; i + 1 < n; i++) {
    const a = stations[i]!;
    const b = stations[i + 1]!;
    const beta = doglegAngle(a.azimuth, a.dip, b.azimuth, b.dip);
    path.dogleg[i] = beta;
    const half = ((b.depth - a.depth) / 2) * ratioFactor(beta);
    path.x[i + 1] = path.x[i]! + half * (path.tx[i]! + path.tx[i + 1]!);
    path.y[i + 1] = path.y[i]! + half * (path.ty[i]! + path.ty[i + 1]!);
    path.z[i + 1] = path.z[i]! + half * (path.tz[i]! + path.tz[i + 1]!);
  }
  return path;
}

/** Minimum curvature's ratio factor: turns the mean of the end directions into the chord of the arc. */
function ratioFactor(beta: number): number {
  return beta > STRAIGHT ? (2 / beta) * Math.tan(beta / 2) : 1;
}

/**
 * Position and direction at depth along one path. Reusing one cursor for increasing depths walks the
 * stations forward instead of searching, so desurveying every sample of a hole is linear.
 */
export class PathCursor {
  x = 0;
  y = 0;
  z = 0;
  dx = 0;
  dy = 0;
  dz = -1;
  /** Index of the station at or above the last depth asked for. */
  private segment = 0;

  constructor(readonly path: HolePath) {
    this.moveTo(0);
  }

  /** Moves to `depth` (>= 0) and returns the cursor, whose fields now hold that point. */
  moveTo(depth: number): this {
    const p = this.path;
    if (!(depth >= 0)) throw new RangeError(`Hole ${p.holeId}: depth ${depth} is above the collar.`);
    const last = p.stationCount - 1;
    let i = this.segment;
    if (depth < p.depth[i]!) i = this.search(depth);
    else while (i < last && depth >= p.depth[i + 1]!) i++;
    this.segment = i;
    const s = depth - p.depth[i]!;
    if (i === last) {
      // Past the last station the hole continues straight.
      this.dx = p.tx[i]!;
      this.dy = p.ty[i]!;
      this.dz = p.tz[i]!;
      this.x = p.x[i]! + s * this.dx;
      this.y = p.y[i]! + s * this.dy;
      this.z = p.z[i]! + s * this.dz;
      return this;
    }
    const length = p.depth[i + 1]! - p.depth[i]!;
    const beta = p.dogleg[i]!;
    const f = s / length;
    const ax = p.tx[i]!;
    const ay = p.ty[i]!;
    const az = p.tz[i]!;
    const bx = p.tx[i + 1]!;
    const by = p.ty[i + 1]!;
    const bz = p.tz[i + 1]!;
    let wa: number;
    let wb: number;
    if (beta > STRAIGHT) {
      // Slerp: the direction turns at a constant rate in the plane of the two station directions.
      const sinBeta = Math.sin(beta);
      wa = Math.sin((1 - f) * beta) / sinBeta;
      wb = Math.sin(f * beta) / sinBeta;
    } else {
      wa = 1 - f;
      wb = f;
    }
    let dx = wa * ax + wb * bx;
    let dy = wa * ay + wb * by;
    let dz = wa * az + wb * bz;
    const norm = Math.hypot(dx, dy, dz);
    dx /= norm;
    dy /= norm;
    dz /= norm;
    // The partial arc from the station is itself a minimum-curvature step with dogleg f * beta.
    const half = (s / 2) * ratioFactor(f * beta);
    this.x = p.x[i]! + half * (ax + dx);
    this.y = p.y[i]! + half * (ay + dy);
    this.z = p.z[i]! + half * (az + dz);
    this.dx = dx;
    this.dy = dy;
    this.dz = dz;
    return this;
  }

  /** Azimuth (0..360) and negative-down dip of the current direction, in degrees. */
  azimuth(): number {
    const horizontal = Math.hypot(this.dx, this.dy);
    // A vertical hole has no azimuth of its own; report the one surveyed at the station above.
    if (horizontal < 1e-12) return this.path.azimuth[this.segment]!;
    const degrees = Math.atan2(this.dx, this.dy) / RADIANS;
    return degrees < 0 ? degrees + 360 : degrees;
  }

  dip(): number {
    return Math.asin(Math.max(-1, Math.min(1, this.dz))) / RADIANS;
  }

  private search(depth: number): number {
    const d = this.path.depth;
    let lo = 0;
    let hi = this.path.stationCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (d[mid]! <= depth) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

export interface PathPoint {
  depth: number;
  x: number;
  y: number;
  z: number;
  /** Unit direction (east, north, up). */
  dx: number;
  dy: number;
  dz: number;
}

/** One point, for occasional use; loops should reuse a PathCursor. */
export function pointAt(path: HolePath, depth: number): PathPoint {
  const c = new PathCursor(path).moveTo(depth);
  return { depth, x: c.x, y: c.y, z: c.z, dx: c.dx, dy: c.dy, dz: c.dz };
}
