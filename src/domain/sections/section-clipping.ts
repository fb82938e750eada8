// Holes and intervals on a section: each polyline is projected onto the section plane and clipped to the
// slab (|offset| <= half-width, and between A and B), split where it leaves the slab and comes back in.
import { traceBetween, type HoleTraces, type PlacedPoint } from './hole-traces';
import { projectOnSection, type SectionFrame } from './section-geometry';

/** One stretch of a polyline inside the slab, in section coordinates, with downhole depths. */
export interface SectionPiece {
  along: number[];
  elevation: number[];
  depth: number[];
  /** Offset from the plane at each point (positive in front). */
  offset: number[];
}

export interface ClipOptions {
  /** Also clip at A and B (default true); false keeps everything within the half-width, however far along. */
  clipEnds?: boolean;
}

/**
 * Liang-Barsky for one segment against the box 0 <= along <= length, -w <= offset <= w (or only the offset
 * band): the part [t0, t1] of the segment inside, or null.
 */
function insideSpan(
  a0: number,
  o0: number,
  a1: number,
  o1: number,
  length: number,
  w: number,
  clipEnds: boolean,
): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const da = a1 - a0;
  const dof = o1 - o0;
  const edges: [number, number][] = [
    [-dof, o0 + w],
    [dof, w - o0],
  ];
  if (clipEnds) edges.push([-da, a0], [da, length - a0]);
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

/** Clips a polyline given as points and their depths. */
export function clipPolyline(
  frame: SectionFrame,
  points: readonly PlacedPoint[],
  depths: readonly number[],
  options: ClipOptions = {},
): SectionPiece[] {
  const clipEnds = options.clipEnds ?? true;
  const w = frame.line.halfWidth;
  const projected = points.map((p) => projectOnSection(frame, p.x, p.y, p.z));
  const pieces: SectionPiece[] = [];
  let current: SectionPiece | null = null;
  const push = (piece: SectionPiece, t: number, i: number, j: number) => {
    const p = projected[i]!;
    const q = projected[j]!;
    piece.along.push(p.along + t * (q.along - p.along));
    piece.elevation.push(p.elevation + t * (q.elevation - p.elevation));
    piece.offset.push(p.offset + t * (q.offset - p.offset));
    piece.depth.push(depths[i]! + t * (depths[j]! - depths[i]!));
  };
  if (projected.length === 1) {
    const only = insideSpan(
      projected[0]!.along,
      projected[0]!.offset,
      projected[0]!.along,
      projected[0]!.offset,
      frame.length,
      w,
      clipEnds,
    );
    if (!only) return [];
    const piece: SectionPiece = { along: [], elevation: [], depth: [], offset: [] };
    push(piece, 0, 0, 0);
    return [piece];
  }
  for (let i = 0; i + 1 < projected.length; i++) {
    const p = projected[i]!;
    const q = projected[i + 1]!;
    const span = insideSpan(p.along, p.offset, q.along, q.offset, frame.length, w, clipEnds);
    if (!span) {
      current = null;
      continue;
    }
    const [t0, t1] = span;
    if (!current || t0 > 0) {
      current = { along: [], elevation: [], depth: [], offset: [] };
      pieces.push(current);
      push(current, t0, i, i + 1);
    }
    push(current, t1, i, i + 1);
    if (t1 < 1) current = null;
  }
  return pieces;
}

/** Every trace's pieces on the section, with the index of its hole in `traces`. */
export function tracesOnSection(
  frame: SectionFrame,
  traces: HoleTraces,
  options: ClipOptions = {},
): { hole: number; piece: SectionPiece }[] {
  const out: { hole: number; piece: SectionPiece }[] = [];
  const { xyz, depth, offsets } = traces;
  const clipEnds = options.clipEnds ?? true;
  const w = frame.line.halfWidth;
  const { ux, uy } = frame;
  const { x: ax, y: ay } = frame.line.start;
  for (let h = 0; h < traces.holeIds.length; h++) {
    // Most holes of a narrow section lie wholly to one side of the slab: skip them without building points.
    let front = true;
    let behind = true;
    let before = clipEnds;
    let after = clipEnds;
    for (let v = offsets[h]!; v < offsets[h + 1]!; v++) {
      const ex = xyz[3 * v]! - ax;
      const ey = xyz[3 * v + 1]! - ay;
      const offset = -ex * uy + ey * ux;
      const along = ex * ux + ey * uy;
      front &&= offset > w;
      behind &&= offset < -w;
      before &&= along < 0;
      after &&= along > frame.length;
    }
    if (front || behind || before || after) continue;
    const points: PlacedPoint[] = [];
    const depths: number[] = [];
    for (let v = offsets[h]!; v < offsets[h + 1]!; v++) {
      points.push({ x: xyz[3 * v]!, y: xyz[3 * v + 1]!, z: xyz[3 * v + 2]! });
      depths.push(depth[v]!);
    }
    for (const piece of clipPolyline(frame, points, depths, options)) out.push({ hole: h, piece });
  }
  return out;
}

/** The part of an interval (from-to down hole `h`) inside the slab, in section coordinates. */
export function intervalOnSection(
  frame: SectionFrame,
  traces: HoleTraces,
  h: number,
  from: number,
  to: number,
  options: ClipOptions = {},
): SectionPiece[] {
  const stretch = traceBetween(traces, h, from, to);
  if (!stretch) return [];
  return clipPolyline(frame, stretch.points, stretch.depths, options);
}
