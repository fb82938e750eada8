import { describe, expect, it } from 'vitest';
import {
  describeConversion,
  expressionUnit,
  GradeUnitError,
  unitFactor,
} from '../../src/domain/compositing/grade-units';
import { holeSamplesFromRows } from '../../src/domain/compositing/hole-samples';
import {
  compileInterceptPlan,
  type InterceptSettings,
} from '../../src/domain/compositing/intercept-settings';
import { findIntercepts } from '../../src/domain/compositing/significant-intercepts';

describe('grade units', () => {
  it('convert between %, ppm, g/t, ppb and oz/t', () => {
    expect(unitFactor('%', 'ppm')).toBe(10_000);
    expect(unitFactor('ppm', '%')).toBeCloseTo(1e-4, 15);
    expect(unitFactor('ppm', 'g/t')).toBe(1);
    expect(unitFactor('ppb', 'ppm')).toBeCloseTo(0.001, 15);
    expect(unitFactor('g/t', 'ppb')).toBe(1000);
    expect(unitFactor('oz/t', 'g/t')).toBeCloseTo(34.2857, 4);
    expect(unitFactor('%', '%')).toBe(1);
    expect(unitFactor('ratio', '%')).toBeNull();
    expect(unitFactor('ratio', 'ratio')).toBe(1);
  });

  it('take the unit the analytes share when none is declared, and refuse mixed units', () => {
    const same = expressionUnit(
      'Zn + Pb',
      [
        { code: 'Zn', unit: '%' },
        { code: 'Pb', unit: '%' },
      ],
      null,
    );
    expect(same).toEqual({ unit: '%', factors: [1, 1], conversions: [] });
    const mixed = () =>
      expressionUnit(
        'Zn + Pb',
        [
          { code: 'Zn', unit: '%' },
          { code: 'Pb', unit: 'ppm' },
        ],
        null,
      );
    expect(mixed).toThrow(GradeUnitError);
    expect(mixed).toThrow(
      'The analytes of Zn + Pb are in different units (Zn %, Pb ppm); declare the unit of the grade (%, ppm, ppb, g/t, oz/t) and each analyte is converted into it before the expression is evaluated.',
    );
  });

  it('convert each analyte into the declared unit, and refuse one that does not convert', () => {
    const declared = expressionUnit(
      'Zn + Pb',
      [
        { code: 'Zn', unit: '%' },
        { code: 'Pb', unit: 'ppm' },
      ],
      '%',
    );
    expect(declared.unit).toBe('%');
    expect(declared.factors[0]).toBe(1);
    expect(declared.factors[1]).toBeCloseTo(1e-4, 15);
    expect(declared.conversions.map(describeConversion)).toEqual(['Pb from ppm (÷ 10,000)']);
    expect(() =>
      expressionUnit(
        'Cu + Ratio',
        [
          { code: 'Cu', unit: '%' },
          { code: 'Ratio', unit: 'ratio' },
        ],
        '%',
      ),
    ).toThrow(
      'Ratio (ratio) cannot be converted to %: only %, ppm, ppb, g/t, oz/t convert into one another. The expression Cu + Ratio (Cu %, Ratio ratio) would add numbers in different units; leave that analyte out of it, or correct its unit in the analyte list.',
    );
  });
});

describe('intercepts over analytes in different units', () => {
  const base: InterceptSettings = {
    expression: 'Zn + Pb',
    cutoff: 5,
    minLength: 0,
    maxDilution: 0,
    weighting: 'length',
    belowDetection: 'half',
    unsampled: 'zero',
    analyteUnits: { Zn: '%', Pb: 'ppm' },
  };
  const rows = [
    { from: 0, to: 1, results: { Zn: 4.99, Pb: 500 } },
    { from: 1, to: 2, results: { Zn: 4.9, Pb: 50 } },
  ];

  it('add Zn % and Pb ppm as Zn % + Pb / 10,000, with the cutoff in the declared unit', () => {
    const plan = compileInterceptPlan({ ...base, gradeUnit: '%' }, ['Zn', 'Pb']);
    expect(plan.gradeUnit).toBe('%');
    const found = findIntercepts(holeSamplesFromRows('H', ['Zn', 'Pb'], rows), plan).intercepts;
    // 4.99 + 0.05 = 5.04 reaches 5 %; 4.9 + 0.005 does not.
    expect(found.map((i) => [i.from, i.to])).toEqual([[0, 1]]);
    expect(found[0]!.grade).toBeCloseTo(5.04, 12);
    // Reported analytes stay in their own units.
    expect(found[0]!.analyteGrades).toEqual([4.99, 500]);
  });

  it('refuse to add them without a declared unit, and read the grade in ppm when declared so', () => {
    expect(() => compileInterceptPlan(base, ['Zn', 'Pb'])).toThrow(GradeUnitError);
    const ppm = compileInterceptPlan({ ...base, gradeUnit: 'ppm', cutoff: 50_000 }, ['Zn', 'Pb']);
    const found = findIntercepts(holeSamplesFromRows('H', ['Zn', 'Pb'], rows), ppm).intercepts;
    expect(found[0]!.grade).toBeCloseTo(50_400, 9);
  });
});
