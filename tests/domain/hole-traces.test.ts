// Traces for drawing: within the tolerance of the minimum-curvature path, few vertices down straight
// holes, intervals and pierce points placed by depth.
import { describe, expect, it } from 'vitest';
import { buildHolePath, pointAt } from '../../src/domain/desurvey/minimum-curvature';
import {
  collarOf,
  HoleTracesBuilder,
  piercePoint,
  positionAtDepth,
  traceBetween,
  traceEnd,
  traceOfPath,
} from '../../src/domain/sections/hole-traces';

const collar = { x: 0, y: 0, z: 100, azimuth: null, dip: null, eoh: null };

describe('traceOfPath', () => {
  it('keeps a straight hole to its collar and end, however many surveys it has', () => {
    const surveys = Array.from({ length: 100 }, (_, k) => ({ depth: k * 3, azimuth: 45, dip: -60 }));
    const path = buildHolePath('S', collar, surveys);
    const trace = traceOfPath(path, 300, 0.1);
    expect(trace.depth).toEqual([0, 300]);
    const end = pointAt(path, 300);
    expect(trace.xyz[3]).toBeCloseTo(end.x, 9);
    expect(trace.xyz[5]).toBeCloseTo(end.z, 9);
  });

  it('follows a curved hole within the tolerance everywhere', () => {
    // 60 degrees of turn over 300 m: a radius of about 286 m.
    const surveys = [
      { depth: 0, azimuth: 90, dip: -80 },
      { depth: 150, azimuth: 90, dip: -50 },
      { depth: 300, azimuth: 90, dip: -20 },
    ];
    const path = buildHolePath('C', collar, surveys);
    const builder = new HoleTracesBuilder();
    builder.add('C', traceOfPath(path, 300, 0.2));
    const traces = builder.finish();
    expect(traces.depth.length).toBeGreaterThan(4);
    expect(traces.depth.length).toBeLessThan(60);
    for (let depth = 0; depth <= 300; depth += 2.5) {
      const truth = pointAt(path, depth);
      const drawn = positionAtDepth(traces, 0, depth)!;
      // Interpolating by depth along a chord lags the arc slightly along the hole, never across it by much.
      expect(Math.hypot(drawn.x - truth.x, drawn.z - truth.z)).toBeLessThan(0.5);
    }
  });

  it('gives a hole with no depth a trace of its collar alone', () => {
    const path = buildHolePath('P', { ...collar, azimuth: 0, dip: -90 }, []);
    expect(traceOfPath(path, 0, 0.1)).toEqual({ xyz: [0, 0, 100], depth: [0] });
  });
});

describe('placing intervals on traces', () => {
  const builder = new HoleTracesBuilder();
  builder.add('A', { xyz: [0, 0, 0, 0, 0, -10, 10, 0, -20], depth: [0, 10, 20 * 1] });
  builder.add('B', { xyz: [5, 5, 5, 5, 5, -5], depth: [0, 10] });
  const traces = builder.finish();

  it('reads collars and ends', () => {
    expect(traces.offsets).toEqual([0, 3, 5]);
    expect(collarOf(traces, 1)).toEqual({ x: 5, y: 5, z: 5 });
    expect(traceEnd(traces, 0)).toBe(20);
  });

  it('interpolates between vertices and refuses depths off the trace', () => {
    expect(positionAtDepth(traces, 0, 15)).toEqual({ x: 5, y: 0, z: -15 });
    expect(positionAtDepth(traces, 1, 2.5)).toEqual({ x: 5, y: 5, z: 2.5 });
    expect(positionAtDepth(traces, 0, 20.5)).toBeNull();
    expect(positionAtDepth(traces, 0, -1)).toBeNull();
  });

  it('returns the stretch between two depths with the vertices inside it', () => {
    const stretch = traceBetween(traces, 0, 5, 15)!;
    expect(stretch.depths).toEqual([5, 10, 15]);
    expect(stretch.points[1]).toEqual({ x: 0, y: 0, z: -10 });
  });

  it('puts the pierce point at the mid-depth of the interval', () => {
    expect(piercePoint(traces, 0, 8, 12)).toEqual({ x: 0, y: 0, z: -10 });
  });
});
