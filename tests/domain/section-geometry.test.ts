// Section geometry with analytic cases: a vertical hole, a hole along the section, a hole across it, a
// hole leaving and re-entering the slab, and the demo's plane (28.5 deg to 315) seen at many azimuths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHolePath } from '../../src/domain/desurvey/minimum-curvature';
import { planeNormal } from '../../src/domain/desurvey/true-thickness';
import { apparentDip, planeOnSection, planeSegment } from '../../src/domain/sections/apparent-dip';
import { HoleTracesBuilder, traceOfPath, type HoleTraces } from '../../src/domain/sections/hole-traces';
import { clipPolyline, intervalOnSection, tracesOnSection } from '../../src/domain/sections/section-clipping';
import {
  lookingAzimuth,
  planPointOnSection,
  projectOnSection,
  sectionFrame,
  sectionLineFromCentre,
  slabOutline,
} from '../../src/domain/sections/section-geometry';

const RAD = Math.PI / 180;
const collar = { x: 1000, y: 2000, z: 500, azimuth: null, dip: null, eoh: null };

/** A west-to-east section through y = 2000 from x = 900 to 1100, 10 m either side. */
const eastWest = sectionFrame({ start: { x: 900, y: 2000 }, end: { x: 1100, y: 2000 }, halfWidth: 10 });

function tracesOf(
  ...holes: { id: string; azimuth: number; dip: number; eoh: number; x?: number }[]
): HoleTraces {
  const builder = new HoleTracesBuilder();
  for (const hole of holes) {
    const path = buildHolePath(hole.id, { ...collar, x: hole.x ?? collar.x }, [
      { depth: 0, azimuth: hole.azimuth, dip: hole.dip },
    ]);
    builder.add(hole.id, traceOfPath(path, hole.eoh, 0.1));
  }
  return builder.finish();
}

describe('the section frame', () => {
  it('measures azimuth, length and the looking direction', () => {
    expect(eastWest.azimuth).toBe(90);
    expect(eastWest.length).toBe(200);
    // Drawn west to east, seen looking north.
    expect(lookingAzimuth(eastWest)).toBe(0);
    const northSouth = sectionFrame({ start: { x: 0, y: 100 }, end: { x: 0, y: 0 }, halfWidth: 5 });
    expect(northSouth.azimuth).toBe(180);
    expect(lookingAzimuth(northSouth)).toBe(90);
  });

  it('projects: along from A, elevation kept, offset positive in front of the section', () => {
    const p = projectOnSection(eastWest, 950, 2007, 480);
    expect(p.along).toBeCloseTo(50, 12);
    expect(p.elevation).toBe(480);
    // Looking north, a point north of the line is in front.
    expect(p.offset).toBeCloseTo(7, 12);
    expect(projectOnSection(eastWest, 950, 1993, 480).offset).toBeCloseTo(-7, 12);
  });

  it('is its own inverse on the plan for any line', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (cx, cy, azimuth, length, px, py) => {
          const frame = sectionFrame(sectionLineFromCentre({ x: cx, y: cy }, azimuth, length, 10));
          expect(frame.azimuth).toBeCloseTo(azimuth, 6);
          const p = projectOnSection(frame, px, py, 0);
          const back = planPointOnSection(frame, p.along, p.offset);
          expect(back.x).toBeCloseTo(px, 6);
          expect(back.y).toBeCloseTo(py, 6);
        },
      ),
    );
  });

  it('refuses a line of no length or no width with a message', () => {
    expect(() => sectionFrame({ start: { x: 1, y: 1 }, end: { x: 1, y: 1 }, halfWidth: 5 })).toThrow(
      /same place/,
    );
    expect(() => sectionFrame({ start: { x: 0, y: 0 }, end: { x: 1, y: 1 }, halfWidth: 0 })).toThrow(
      /half-width must be more than zero/,
    );
  });

  it('outlines the slab on the plan', () => {
    const corners = slabOutline(eastWest);
    expect(corners.map((c) => [c.x, c.y])).toEqual([
      [900, 1990],
      [1100, 1990],
      [1100, 2010],
      [900, 2010],
    ]);
  });
});

describe('traces on the section', () => {
  it('draws a vertical hole as a vertical line at its along position', () => {
    const traces = tracesOf({ id: 'V', azimuth: 0, dip: -90, eoh: 100 });
    const [only, ...rest] = tracesOnSection(eastWest, traces);
    expect(rest).toEqual([]);
    expect(only!.piece.along.every((a) => Math.abs(a - 100) < 1e-9)).toBe(true);
    expect(only!.piece.elevation[0]).toBeCloseTo(500, 9);
    expect(only!.piece.elevation.at(-1)).toBeCloseTo(400, 9);
    expect(only!.piece.depth.at(-1)).toBeCloseTo(100, 9);
  });

  it('keeps a hole drilled along the section at its true length', () => {
    // Towards 090 at -30: 100 m of hole is 86.6 m along and 50 m down.
    const traces = tracesOf({ id: 'A', azimuth: 90, dip: -30, eoh: 100 });
    const [only] = tracesOnSection(eastWest, traces);
    expect(only!.piece.along[0]).toBeCloseTo(100, 9);
    expect(only!.piece.along.at(-1)).toBeCloseTo(100 + 100 * Math.cos(30 * RAD), 9);
    expect(only!.piece.elevation.at(-1)).toBeCloseTo(450, 9);
  });

  it('cuts a hole drilled across the section where it leaves the slab', () => {
    // Towards 000 at -45: it leaves the 10 m slab at 10 / cos 45 = 14.14 m down the hole.
    const traces = tracesOf({ id: 'X', azimuth: 0, dip: -45, eoh: 100 });
    const pieces = tracesOnSection(eastWest, traces);
    expect(pieces).toHaveLength(1);
    const piece = pieces[0]!.piece;
    expect(piece.depth.at(-1)).toBeCloseTo(10 / Math.cos(45 * RAD), 9);
    expect(piece.offset.at(-1)).toBeCloseTo(10, 9);
    expect(piece.elevation.at(-1)).toBeCloseTo(490, 9);
    expect(piece.along.every((a) => Math.abs(a - 100) < 1e-9)).toBe(true);
  });

  it('splits a trace that leaves the slab and comes back into two pieces', () => {
    const points = [
      { x: 950, y: 2000, z: 0 },
      { x: 960, y: 2030, z: -10 },
      { x: 970, y: 2000, z: -20 },
      { x: 980, y: 2000, z: -30 },
    ];
    const pieces = clipPolyline(eastWest, points, [0, 10, 20, 30]);
    expect(pieces).toHaveLength(2);
    // Leaves at a third of the first segment (offset 10 of 30), comes back at two thirds of the second.
    expect(pieces[0]!.depth.at(-1)).toBeCloseTo(10 / 3, 9);
    expect(pieces[1]!.depth[0]).toBeCloseTo(10 + 20 / 3, 9);
    expect(pieces[1]!.depth.at(-1)).toBe(30);
  });

  it('clips at A and B unless told to keep the whole half-width band', () => {
    const points = [
      { x: 800, y: 2000, z: 0 },
      { x: 1200, y: 2000, z: 0 },
    ];
    const [inside] = clipPolyline(eastWest, points, [0, 400]);
    expect(inside!.along).toEqual([0, 200]);
    expect(inside!.depth).toEqual([100, 300]);
    const [band] = clipPolyline(eastWest, points, [0, 400], { clipEnds: false });
    expect(band!.along).toEqual([-100, 300]);
  });

  it('leaves out a hole wholly outside the slab, and keeps a collar-only hole inside as one point', () => {
    expect(tracesOnSection(eastWest, tracesOf({ id: 'F', azimuth: 0, dip: -90, eoh: 50, x: 1200 }))).toEqual(
      [],
    );
    const dot = tracesOnSection(eastWest, tracesOf({ id: 'P', azimuth: 0, dip: -90, eoh: 0 }));
    expect(dot).toHaveLength(1);
    expect(dot[0]!.piece.along).toEqual([100]);
  });

  it('places an interval by its depths on the projected trace', () => {
    const traces = tracesOf({ id: 'A', azimuth: 90, dip: -30, eoh: 100 });
    const [bar] = intervalOnSection(eastWest, traces, 0, 40, 60);
    expect(bar!.along[0]).toBeCloseTo(100 + 40 * Math.cos(30 * RAD), 9);
    expect(bar!.elevation[0]).toBeCloseTo(500 - 20, 9);
    expect(bar!.elevation.at(-1)).toBeCloseTo(500 - 30, 9);
    expect(intervalOnSection(eastWest, traces, 0, 90, 120)).toEqual([]);
  });
});

describe('the true-thickness plane on the section', () => {
  const plane = { dip: 28.5, dipDirection: 315 };

  it.each([315, 135, 0, 45, 90, 270, 300, 200])(
    'has the apparent dip atan(tan 28.5 |cos(%d - 315)|)',
    (azimuth) => {
      const expected = Math.atan(Math.tan(28.5 * RAD) * Math.abs(Math.cos((azimuth - 315) * RAD))) / RAD;
      expect(apparentDip(28.5, 315, azimuth)).toBeCloseTo(expected, 10);
      const frame = sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, azimuth, 100, 5));
      const trace = planeOnSection(plane, frame);
      expect(trace.apparentDip).toBeCloseTo(expected, 9);
    },
  );

  it('shows the true dip on a dip section, flat on a strike section', () => {
    expect(apparentDip(28.5, 315, 315)).toBeCloseTo(28.5, 10);
    expect(apparentDip(28.5, 315, 135)).toBeCloseTo(28.5, 10);
    expect(apparentDip(28.5, 315, 45)).toBeCloseTo(0, 10);
    const dipSection = planeOnSection(
      plane,
      sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, 315, 100, 5)),
    );
    // Drawn towards 315, the plane goes down towards B.
    expect(dipSection.dipsTowardsB).toBe(true);
    const reverse = planeOnSection(plane, sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, 135, 100, 5)));
    expect(reverse.dipsTowardsB).toBe(false);
    const strike = planeOnSection(plane, sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, 45, 100, 5)));
    expect(strike.dipsTowardsB).toBeNull();
  });

  it('draws a line whose points lie in the plane', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 89, noNaN: true }),
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        (dip, dipDirection, azimuth) => {
          const frame = sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, azimuth, 100, 5));
          const trace = planeOnSection({ dip, dipDirection }, frame);
          const segment = planeSegment(trace, { along: 10, elevation: 20 }, 30)!;
          const n = planeNormal({ dip, dipDirection });
          const toWorld = ([s, z]: [number, number]) => [
            s * frame.ux + frame.line.start.x,
            s * frame.uy + frame.line.start.y,
            z,
          ];
          const [a, b] = segment.map(toWorld) as [number[], number[]];
          const along = (b[0]! - a[0]!) * n.x + (b[1]! - a[1]!) * n.y + (b[2]! - a[2]!) * n.z;
          expect(Math.abs(along)).toBeLessThan(1e-9);
          expect(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!)).toBeCloseTo(60, 9);
        },
      ),
    );
  });

  it('says a vertical plane parallel to the section cuts it in no line', () => {
    const frame = sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, 0, 100, 5));
    const trace = planeOnSection({ dip: 90, dipDirection: 90 }, frame);
    expect(trace.parallel).toBe(true);
    expect(planeSegment(trace, { along: 0, elevation: 0 }, 10)).toBeNull();
    // The same plane on a section across it is vertical.
    const across = planeOnSection(
      { dip: 90, dipDirection: 90 },
      sectionFrame(sectionLineFromCentre({ x: 0, y: 0 }, 90, 100, 5)),
    );
    expect(across.apparentDip).toBeCloseTo(90, 9);
  });
});
