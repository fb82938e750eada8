import { describe, expect, it } from 'vitest';
import { buildHolePath } from '../../src/domain/desurvey/minimum-curvature';
import {
  NEAR_PARALLEL_DEGREES,
  planeNormal,
  thicknessAndAngle,
  trueThickness,
} from '../../src/domain/desurvey/true-thickness';

const RAD = Math.PI / 180;
const collar = { x: 0, y: 0, z: 0, azimuth: null, dip: null, eoh: null };

describe('true thickness', () => {
  it('builds the unit normal (sin d sin a, sin d cos a, cos d)', () => {
    const n = planeNormal({ dip: 28.5, dipDirection: 315 });
    expect(Math.hypot(n.x, n.y, n.z)).toBeCloseTo(1, 12);
    // dipping to the north-west, the upward normal leans north-west: negative east, positive north.
    expect(n.x).toBeCloseTo(Math.sin(28.5 * RAD) * -Math.SQRT1_2, 12);
    expect(n.y).toBeCloseTo(Math.sin(28.5 * RAD) * Math.SQRT1_2, 12);
  });

  it('equals the length for a vertical hole through a flat body', () => {
    const path = buildHolePath('V', { ...collar, azimuth: 0, dip: -90 }, []);
    expect(trueThickness(path, 10, 18.5, { dip: 0, dipDirection: 0 })).toBeCloseTo(8.5, 12);
  });

  it('is length x cos(dip) for a vertical hole through a dipping body', () => {
    // 10 m x cos 28.5 = 10 x 0.878817 = 8.788
    const path = buildHolePath('V', { ...collar, azimuth: 0, dip: -90 }, []);
    expect(trueThickness(path, 50, 60, { dip: 28.5, dipDirection: 315 })).toBeCloseTo(8.78817, 5);
  });

  it('equals the length for a hole drilled along the normal, and is zero for one along the plane', () => {
    // Along -n: toward azimuth 135, 28.5 degrees from vertical, i.e. dip -61.5.
    const normal = buildHolePath('N', collar, [{ depth: 0, azimuth: 135, dip: -61.5 }]);
    expect(trueThickness(normal, 20, 27, { dip: 28.5, dipDirection: 315 })).toBeCloseTo(7, 12);
    // Down the dip line: toward 315 at -28.5 stays in the plane.
    const inPlane = buildHolePath('P', collar, [{ depth: 0, azimuth: 315, dip: -28.5 }]);
    expect(trueThickness(inPlane, 20, 27, { dip: 28.5, dipDirection: 315 })).toBeCloseTo(0, 12);
  });

  it('measures an up-hole the same way as a down-hole', () => {
    const up = buildHolePath('U', collar, [{ depth: 0, azimuth: 0, dip: 30 }]);
    // a horizontal body: thickness is the rise, 10 x sin 30 = 5
    expect(trueThickness(up, 0, 10, { dip: 0, dipDirection: 0 })).toBeCloseTo(5, 12);
  });

  it('gives the angle between the hole and the plane, flagging a hole near parallel to it', () => {
    const plane = { dip: 28.5, dipDirection: 315 };
    // Along the normal: 90 degrees, the thickness is the length.
    const normal = buildHolePath('N', collar, [{ depth: 0, azimuth: 135, dip: -61.5 }]);
    expect(thicknessAndAngle(normal, 20, 27, plane).angle).toBeCloseTo(90, 9);
    // A vertical hole through a body dipping 28.5: 61.5 degrees to the plane.
    const vertical = buildHolePath('V', { ...collar, azimuth: 0, dip: -90 }, []);
    const v = thicknessAndAngle(vertical, 50, 60, plane);
    expect(v.angle).toBeCloseTo(61.5, 9);
    expect(v.thickness).toBeCloseTo(10 * Math.sin(61.5 * RAD), 9);
    // Down the dip line but 5 degrees steeper: 5 degrees to the plane, 10 x sin 5 = 0.87 m "thick".
    const near = buildHolePath('P', collar, [{ depth: 0, azimuth: 315, dip: -33.5 }]);
    const n = thicknessAndAngle(near, 20, 30, plane);
    expect(n.angle).toBeCloseTo(5, 9);
    expect(n.thickness).toBeCloseTo(10 * Math.sin(5 * RAD), 9);
    expect(n.angle).toBeLessThan(NEAR_PARALLEL_DEGREES);
    expect(NEAR_PARALLEL_DEGREES).toBe(15);
  });

  it('refuses a plane dip outside 0..90', () => {
    expect(() => planeNormal({ dip: -10, dipDirection: 0 })).toThrow(/0 to 90/);
  });
});
