// Desurveyed holes as drawable traces: each hole a polyline of (x, y, z) with the downhole depth of each
// vertex, all holes in flat arrays (compact to send, quick to walk). A trace follows the minimum-curvature
// path within a tolerance: arcs are cut into chords short enough to stay within it, and vertices that add
// nothing at that tolerance (dense gyro surveys down a straight hole) are dropped.
import { PathCursor, type HolePath } from '../desurvey/minimum-curvature';

export interface HoleTraces {
  holeIds: string[];
  /** Index of each hole's first vertex; one more entry than holes, the last being the vertex count. */
  offsets: number[];
  /** x, y, z of every vertex, hole after hole. */
  xyz: number[];
  /** Downhole depth of every vertex (0 at the collar). */
  depth: number[];
}

export interface PlacedPoint {
  x: number;
  y: number;
  z: number;
}

/** Depths from the collar to `end` at the survey stations, with arcs cut into chords within `tolerance`. */
function denseDepths(path: HolePath, end: number, tolerance: number): number[] {
  const depths: number[] = [0];
  for (let i = 0; i + 1 < path.stationCount; i++) {
    const from = path.depth[i]!;
    if (from >= end) break;
    const to = Math.min(path.depth[i + 1]!, end);
    // An arc of length L turning beta strays about L * beta / 8 from its chord; n chords stray n^2 less.
    const sag = ((to - from) * path.dogleg[i]!) / 8;
    const pieces = Math.max(1, Math.ceil(Math.sqrt(sag / tolerance)));
    for (let k = 1; k <= pieces; k++) depths.push(from + ((to - from) * k) / pieces);
  }
  if (end > depths[depths.length - 1]! + 1e-9) depths.push(end);
  return depths;
}

/** Distance from p to the segment a-b, all in 3-D, as flat triples at the given indices. */
function distanceToSegment(p: number[], i: number, a: number, b: number): number {
  const ax = p[a]!;
  const ay = p[a + 1]!;
  const az = p[a + 2]!;
  const dx = p[b]! - ax;
  const dy = p[b + 1]! - ay;
  const dz = p[b + 2]! - az;
  const length2 = dx * dx + dy * dy + dz * dz;
  let t = length2 > 0 ? ((p[i]! - ax) * dx + (p[i + 1]! - ay) * dy + (p[i + 2]! - az) * dz) / length2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[i]! - ax - t * dx, p[i + 1]! - ay - t * dy, p[i + 2]! - az - t * dz);
}

/** Douglas-Peucker: which vertices to keep so that no dropped one is farther than `tolerance` from the line. */
function keptVertices(points: number[], tolerance: number): boolean[] {
  const n = points.length / 3;
  const keep = new Array<boolean>(n).fill(false);
  keep[0] = true;
  keep[n - 1] = true;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let k = first + 1; k < last; k++) {
      const d = distanceToSegment(points, k * 3, first * 3, last * 3);
      if (d > distance) {
        distance = d;
        farthest = k;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return keep;
}

/**
 * The vertices of one hole's trace from the collar to `end`: positions on the minimum-curvature path,
 * no farther than `tolerance` from it anywhere between vertices.
 */
export function traceOfPath(
  path: HolePath,
  end: number,
  tolerance: number,
): { xyz: number[]; depth: number[] } {
  if (!(tolerance > 0)) throw new RangeError(`The trace tolerance must be positive, not ${tolerance}.`);
  const depths = end > 0 ? denseDepths(path, end, tolerance) : [0];
  const cursor = new PathCursor(path);
  const points: number[] = [];
  for (const depth of depths) {
    cursor.moveTo(depth);
    points.push(cursor.x, cursor.y, cursor.z);
  }
  if (depths.length <= 2) return { xyz: points, depth: depths };
  const keep = keptVertices(points, tolerance);
  const xyz: number[] = [];
  const kept: number[] = [];
  for (let k = 0; k < depths.length; k++) {
    if (!keep[k]) continue;
    xyz.push(points[3 * k]!, points[3 * k + 1]!, points[3 * k + 2]!);
    kept.push(depths[k]!);
  }
  return { xyz, depth: kept };
}

/** Collects traces hole by hole into the flat arrays. */
export class HoleTracesBuilder {
  private readonly traces: HoleTraces = { holeIds: [], offsets: [0], xyz: [], depth: [] };

  add(holeId: string, trace: { xyz: readonly number[]; depth: readonly number[] }): void {
    const t = this.traces;
    t.holeIds.push(holeId);
    for (const value of trace.xyz) t.xyz.push(value);
    for (const value of trace.depth) t.depth.push(value);
    t.offsets.push(t.depth.length);
  }

  finish(): HoleTraces {
    return this.traces;
  }
}

export function holeCount(traces: HoleTraces): number {
  return traces.holeIds.length;
}

/** Index of a hole in the traces, or -1. */
export function traceIndex(traces: HoleTraces): Map<string, number> {
  return new Map(traces.holeIds.map((id, index) => [id, index]));
}

/** The collar (first vertex) of hole `h`. */
export function collarOf(traces: HoleTraces, h: number): PlacedPoint {
  const v = traces.offsets[h]! * 3;
  return { x: traces.xyz[v]!, y: traces.xyz[v + 1]!, z: traces.xyz[v + 2]! };
}

/** Depth of the last vertex of hole `h`: how far its trace reaches. */
export function traceEnd(traces: HoleTraces, h: number): number {
  return traces.depth[traces.offsets[h + 1]! - 1]!;
}

/** Index of the last vertex at or above `depth` in hole `h` (binary search). */
function vertexAbove(traces: HoleTraces, h: number, depth: number): number {
  let lo = traces.offsets[h]!;
  let hi = traces.offsets[h + 1]! - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (traces.depth[mid]! <= depth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The point at `depth` down hole `h`, between the vertices either side of it; null when the depth is
 * above the collar or more than `slack` past the end of the trace (an interval deeper than the hole).
 */
export function positionAtDepth(
  traces: HoleTraces,
  h: number,
  depth: number,
  slack = 1e-6,
): PlacedPoint | null {
  const last = traces.offsets[h + 1]! - 1;
  if (!(depth >= -slack) || depth > traces.depth[last]! + slack) return null;
  const i = vertexAbove(traces, h, depth);
  const j = Math.min(i + 1, last);
  const d0 = traces.depth[i]!;
  const d1 = traces.depth[j]!;
  const t = j > i && d1 > d0 ? Math.max(0, Math.min(1, (depth - d0) / (d1 - d0))) : 0;
  const a = i * 3;
  const b = j * 3;
  const xyz = traces.xyz;
  return {
    x: xyz[a]! + t * (xyz[b]! - xyz[a]!),
    y: xyz[a + 1]! + t * (xyz[b + 1]! - xyz[a + 1]!),
    z: xyz[a + 2]! + t * (xyz[b + 2]! - xyz[a + 2]!),
  };
}

/**
 * The stretch of hole `h` from `from` to `to` as points with their depths: both ends and every vertex
 * between. Null when the stretch does not lie on the trace.
 */
export function traceBetween(
  traces: HoleTraces,
  h: number,
  from: number,
  to: number,
): { points: PlacedPoint[]; depths: number[] } | null {
  const start = positionAtDepth(traces, h, from);
  const end = positionAtDepth(traces, h, to);
  if (!start || !end || !(to >= from)) return null;
  const points = [start];
  const depths = [from];
  const last = traces.offsets[h + 1]!;
  for (let v = vertexAbove(traces, h, from) + 1; v < last && traces.depth[v]! < to; v++) {
    if (traces.depth[v]! <= from) continue;
    points.push({ x: traces.xyz[3 * v]!, y: traces.xyz[3 * v + 1]!, z: traces.xyz[3 * v + 2]! });
    depths.push(traces.depth[v]!);
  }
  points.push(end);
  depths.push(to);
  return { points, depths };
}

/**
 * The pierce point of an interval: the point half-way down it (its mid-depth). Drawn on the plan where
 * the interval is, whatever plane the run assumed, so it needs no model of the body.
 */
export function piercePoint(traces: HoleTraces, h: number, from: number, to: number): PlacedPoint | null {
  return positionAtDepth(traces, h, (from + to) / 2);
}
