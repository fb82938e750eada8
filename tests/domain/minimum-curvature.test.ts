import { describe, expect, it } from 'vitest';
import {
  buildHolePath,
  DesurveyError,
  PathCursor,
  pointAt,
  type CollarInput,
  type SurveyInput,
} from '../../src/domain/desurvey/minimum-curvature';
import { stationsAlongHole } from '../../src/domain/desurvey/desurvey-stations';

const RAD = Math.PI / 180;
const collar = (over: Partial<CollarInput> = {}): CollarInput => ({
  x: 1000,
  y: 2000,
  z: 500,
  azimuth: null,
  dip: null,
  eoh: null,
  ...over,
});

/** Azimuth and negative-down dip of a unit vector (east, north, up). */
function angles(v: [number, number, number]): { azimuth: number; dip: number } {
  const azimuth = (Math.atan2(v[0], v[1]) / RAD + 360) % 360;
  return { azimuth, dip: Math.asin(v[2]) / RAD };
}

describe('straight holes', () => {
  it('runs a hole without surveys along the collar azimuth and dip', () => {
    const path = buildHolePath('V', collar({ azimuth: 0, dip: -90 }), []);
    const p = pointAt(path, 30);
    expect(p.x).toBeCloseTo(1000, 9);
    expect(p.y).toBeCloseTo(2000, 9);
    expect(p.z).toBeCloseTo(470, 9);
    expect(p.dz).toBeCloseTo(-1, 12);
  });

  it('follows an inclined hole: 100 m at -60 toward 090 goes 50 m east and 86.603 m down', () => {
    const path = buildHolePath('I', collar(), [
      { depth: 0, azimuth: 90, dip: -60 },
      { depth: 100, azimuth: 90, dip: -60 },
    ]);
    // cos 60 = 0.5, sin 60 = 0.8660254
    const p = pointAt(path, 100);
    expect(p.x).toBeCloseTo(1050, 9);
    expect(p.y).toBeCloseTo(2000, 9);
    expect(p.z).toBeCloseTo(500 - 86.60254038, 6);
    // Past the last station it keeps going straight.
    const q = pointAt(path, 300);
    expect(q.x).toBeCloseTo(1150, 9);
    expect(q.z).toBeCloseTo(500 - 259.8076211, 6);
  });

  it('climbs in an up-hole: +30 toward 180 rises 0.5 m per metre', () => {
    const path = buildHolePath('U', collar(), [{ depth: 0, azimuth: 180, dip: 30 }]);
    const p = pointAt(path, 40);
    expect(p.y).toBeCloseTo(2000 - 40 * Math.cos(30 * RAD), 9);
    expect(p.z).toBeCloseTo(520, 9);
    expect(p.dz).toBeCloseTo(0.5, 12);
  });

  it('runs straight along the first survey above it, even when the collar says otherwise', () => {
    const path = buildHolePath('D', collar({ azimuth: 270, dip: -45 }), [
      { depth: 50, azimuth: 0, dip: -60 },
      { depth: 100, azimuth: 0, dip: -60 },
    ]);
    // 25 m along 000/-60: 12.5 m north, 21.65 m down.
    const p = pointAt(path, 25);
    expect(p.x).toBeCloseTo(1000, 9);
    expect(p.y).toBeCloseTo(2012.5, 9);
    expect(p.z).toBeCloseTo(500 - 25 * Math.sin(60 * RAD), 9);
    expect(path.surveyDepths).toEqual([50, 100]);
  });
});

/**
 * A circle of radius R = 1/b in the plane of unit vectors u (initial direction) and v: direction
 * t(s) = cos(bs) u + sin(bs) v, position P(s) = R (sin(bs) u + (1 - cos(bs)) v).
 */
function circle(u: [number, number, number], v: [number, number, number], b: number) {
  const at = (s: number) => {
    const c = Math.cos(b * s);
    const n = Math.sin(b * s);
    return {
      t: [c * u[0] + n * v[0], c * u[1] + n * v[1], c * u[2] + n * v[2]] as [number, number, number],
      p: [0, 1, 2].map((k) => (n * u[k]! + (1 - c) * v[k]!) / b) as [number, number, number],
    };
  };
  return at;
}

describe('constant curvature', () => {
  it('puts stations and every point between them on the circle (vertical plane, into an up-hole)', () => {
    // Start straight down, build 1 degree per metre toward the east until the hole points 30 degrees up:
    // radius 57.2958 m, inclination 0 -> 120 over 120 m.
    const b = RAD;
    const at = circle([0, 0, -1], [1, 0, 0], b);
    const surveys: SurveyInput[] = [];
    for (let s = 0; s <= 120; s += 20) surveys.push({ depth: s, ...angles(at(s).t) });
    surveys[0]!.azimuth = 90; // straight down has no azimuth of its own
    const path = buildHolePath('ARC', collar({ x: 0, y: 0, z: 0 }), surveys);
    const cursor = new PathCursor(path);
    for (let s = 0; s <= 120; s += 2.5) {
      const expected = at(s);
      cursor.moveTo(s);
      expect(cursor.x).toBeCloseTo(expected.p[0], 9);
      expect(cursor.y).toBeCloseTo(expected.p[1], 9);
      expect(cursor.z).toBeCloseTo(expected.p[2], 9);
      expect(cursor.dx).toBeCloseTo(expected.t[0], 12);
      expect(cursor.dz).toBeCloseTo(expected.t[2], 12);
    }
    // At 120 m the hole points 30 degrees up: the depth is R sin(120 deg) below and R (1 - cos 120) east.
    cursor.moveTo(120);
    expect(cursor.dip()).toBeCloseTo(30, 9);
    expect(cursor.x).toBeCloseTo((1 / b) * 1.5, 9);
  });

  it('follows a circle in a tilted plane, where azimuth and dip both change', () => {
    const u0 = [
      Math.sin(30 * RAD) * Math.cos(50 * RAD),
      Math.cos(30 * RAD) * Math.cos(50 * RAD),
      -Math.sin(50 * RAD),
    ];
    // v: a unit vector perpendicular to u, tilted off the vertical plane.
    const w = [1, -0.3, 0.2];
    const dot = w[0]! * u0[0]! + w[1]! * u0[1]! + w[2]! * u0[2]!;
    const raw = w.map((c, k) => c - dot * u0[k]!);
    const len = Math.hypot(...raw);
    const u = u0 as [number, number, number];
    const v = raw.map((c) => c / len) as [number, number, number];
    const b = 0.4 * RAD; // 12 degrees per 30 m
    const at = circle(u, v, b);
    const surveys = [0, 30, 60, 90, 150].map((s) => ({ depth: s, ...angles(at(s).t) }));
    const path = buildHolePath('TILT', collar({ x: 0, y: 0, z: 0 }), surveys);
    for (const s of [0, 7, 29.9, 45, 61, 100, 149.5, 150]) {
      const p = pointAt(path, s);
      const e = at(s);
      expect(Math.hypot(p.x - e.p[0], p.y - e.p[1], p.z - e.p[2])).toBeLessThan(1e-9);
    }
  });
});

describe('queries', () => {
  const path = buildHolePath('Q', collar(), [
    { depth: 0, azimuth: 10, dip: -80 },
    { depth: 40, azimuth: 20, dip: -70 },
    { depth: 90, azimuth: 35, dip: -62 },
    { depth: 150, azimuth: 40, dip: -55 },
  ]);

  it('gives the same point by cursor walking forward, walking back and fresh search', () => {
    const cursor = new PathCursor(path);
    const depths = [0, 5, 39.99, 40, 80, 149, 200];
    const forward = depths.map((d) => {
      cursor.moveTo(d);
      return [cursor.x, cursor.y, cursor.z];
    });
    const backward = [...depths].reverse().map((d) => {
      cursor.moveTo(d);
      return [cursor.x, cursor.y, cursor.z];
    });
    expect(backward.reverse()).toEqual(forward);
    depths.forEach((d, i) => {
      const p = pointAt(path, d);
      expect([p.x, p.y, p.z]).toEqual(forward[i]);
    });
  });

  it('is continuous across stations and keeps the direction a unit vector', () => {
    for (const station of [40, 90, 150]) {
      const a = pointAt(path, station - 1e-7);
      const b = pointAt(path, station + 1e-7);
      expect(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)).toBeLessThan(1e-6);
      expect(Math.hypot(b.dx, b.dy, b.dz)).toBeCloseTo(1, 12);
    }
  });

  it('refuses a depth above the collar', () => {
    expect(() => pointAt(path, -1)).toThrow(/above the collar/);
  });
});

describe('refusals', () => {
  it('refuses a hole with neither survey nor collar orientation, naming it', () => {
    expect(() => buildHolePath('DH007', collar(), [])).toThrow(DesurveyError);
    expect(() => buildHolePath('DH007', collar(), [])).toThrow(/DH007 has no survey and no collar azimuth/);
  });

  it('refuses two different surveys at one depth but accepts a repeated identical one', () => {
    expect(() =>
      buildHolePath('X', collar(), [
        { depth: 10, azimuth: 0, dip: -60 },
        { depth: 10, azimuth: 5, dip: -60 },
      ]),
    ).toThrow(/two different surveys at depth 10/);
    const path = buildHolePath('X', collar(), [
      { depth: 10, azimuth: 0, dip: -60 },
      { depth: 10, azimuth: 0, dip: -60 },
    ]);
    expect(path.stationCount).toBe(2); // the virtual collar station and one survey
  });

  it('refuses a dip outside -90..90', () => {
    expect(() => buildHolePath('X', collar(), [{ depth: 0, azimuth: 0, dip: -95 }])).toThrow(
      /outside -90..90/,
    );
  });
});

describe('stations along a hole', () => {
  it('steps every S and adds the survey depths and the end of hole', () => {
    const path = buildHolePath('S', collar({ eoh: 47 }), [
      { depth: 0, azimuth: 0, dip: -60 },
      { depth: 25, azimuth: 3, dip: -59 },
      { depth: 50, azimuth: 6, dip: -58 },
    ]);
    const stations = stationsAlongHole(path, 10);
    expect(stations.map((s) => s.depth)).toEqual([0, 10, 20, 25, 30, 40, 47]);
    expect(stations.map((s) => s.surveyed)).toEqual([true, false, false, true, false, false, false]);
    expect(stations[3]!.azimuth).toBeCloseTo(3, 9);
    expect(stations[3]!.dip).toBeCloseTo(-59, 9);
  });

  it('reports the surveyed azimuth for a vertical hole', () => {
    const path = buildHolePath('V', collar({ azimuth: 123, dip: -90, eoh: 20 }), []);
    const stations = stationsAlongHole(path, 10);
    expect(stations.map((s) => [s.depth, s.azimuth, s.dip])).toEqual([
      [0, 123, -90],
      [10, 123, -90],
      [20, 123, -90],
    ]);
  });
});
