import { describe, expect, it } from 'vitest';
import { holeSamplesFromRows, type SampleInput } from '../../src/domain/compositing/hole-samples';
import {
  compileInterceptPlan,
  InterceptSettingsError,
  type InterceptSettings,
} from '../../src/domain/compositing/intercept-settings';
import { GradeExpressionError } from '../../src/domain/compositing/grade-expression';
import { findIntercepts, InterceptWorkspace } from '../../src/domain/compositing/significant-intercepts';

const base: InterceptSettings = {
  expression: 'Zn',
  cutoff: 1,
  minLength: 0,
  maxDilution: 2,
  weighting: 'length',
  belowDetection: 'half',
  unsampled: 'zero',
};

/** Consecutive samples from depth 0 (or `start`), `length` m each unless given as [length, grade]. */
function zinc(grades: (number | [number, number] | null)[], start = 0): SampleInput[] {
  let depth = start;
  return grades.map((g) => {
    const [length, zn] = Array.isArray(g) ? g : [1, g];
    const row = { from: depth, to: depth + length, results: { Zn: zn } };
    depth += length;
    return row;
  });
}

function run(rows: SampleInput[], settings: Partial<InterceptSettings> = {}, analytes = ['Zn']) {
  const plan = compileInterceptPlan({ ...base, ...settings }, analytes);
  return findIntercepts(holeSamplesFromRows('DH1', analytes, rows), plan);
}

const spans = (result: ReturnType<typeof run>) => result.intercepts.map((i) => [i.from, i.to]);

describe('significant intercepts, worked by hand', () => {
  it('joins runs across dilution up to D and ends at a longer waste run', () => {
    // 0.2 | 3.0 2.0 | 0.5 | 4.0 | 0.1 0.1 0.1 | 1.5 | 0.3, cutoff 1, D 2, min length 2
    // runs 1-3 and 4-5 join across 1 m of waste: (3 + 2 + 0.5 + 4) / 4 = 2.375
    // 8-9 is 3 m of waste away (> D) and alone only 1 m long (< 2 m): not reported
    const result = run(zinc([0.2, 3, 2, 0.5, 4, 0.1, 0.1, 0.1, 1.5, 0.3]), { minLength: 2 });
    expect(result.refused).toBeNull();
    expect(result.intercepts).toHaveLength(1);
    const [i] = result.intercepts;
    expect([i!.from, i!.to, i!.length]).toEqual([1, 5, 4]);
    expect(i!.grade).toBeCloseTo(2.375, 12);
    expect(i!.gradeLength).toBeCloseTo(9.5, 12);
    expect([i!.wasteLength, i!.unsampledLength, i!.sampleCount, i!.first]).toEqual([1, 0, 4, true]);
    // grade x length 9.5: kept at a minimum of 9, dropped at 10
    expect(run(zinc([0.2, 3, 2, 0.5, 4]), { minGradeLength: 9 }).intercepts).toHaveLength(1);
    expect(run(zinc([0.2, 3, 2, 0.5, 4]), { minGradeLength: 10 }).intercepts).toHaveLength(0);
  });

  it('takes the shortest waste first and looks again at a refused join when a side grows', () => {
    // A 0-1 @ 1.2 | 1 m waste | B 2-3 @ 1.2 | 1.5 m waste | C 4.5-7.5 @ 3, D 2, min grade 1
    // A+B first (1 m): (1.2 + 1.2) / 3 = 0.8 < 1, refused
    // B+C next (1.5 m): (1.2 + 9) / 5.5 = 1.8545, joined
    // A+(BC) again: (1.2 + 10.2) / 7.5 = 1.52, joined
    const result = run(zinc([1.2, 0, 1.2, [1.5, 0], [3, 3]]));
    expect(spans(result)).toEqual([[0, 7.5]]);
    expect(result.intercepts[0]!.grade).toBeCloseTo(1.52, 12);
    expect(result.intercepts[0]!.wasteLength).toBe(2.5);
  });

  it('differs from a top-down greedy scan where that would strand a run', () => {
    // A 0-1 @ 1.2 | 1.5 m | B 2.5-3.5 @ 1.2 | 0.5 m | C 4-6 @ 2, D 2, min grade 1
    // top-down: A+B = 2.4 / 3.5 = 0.686 fails, A stranded; shortest first: B+C (0.5 m) = 5.2 / 3.5 = 1.486,
    // then A+(BC) = 6.4 / 6 = 1.0667 >= 1
    const result = run(zinc([1.2, [1.5, 0], 1.2, [0.5, 0], [2, 2]]));
    expect(spans(result)).toEqual([[0, 6]]);
    expect(result.intercepts[0]!.grade).toBeCloseTo(6.4 / 6, 12);
  });

  it('joins across the shorter waste when only one of two joins can stand', () => {
    // A 0-1 @ 2 | 1.5 m | B 2.5-3.5 @ 2 | 1 m | C 4.5-5.5 @ 2, D 2, min grade 1.1
    // A+B = 4 / 3.5 = 1.143 and B+C = 4 / 3 = 1.333 pass alone, A+B+C = 6 / 6.5 = 0.923 does not;
    // B+C has the shorter waste (1 m), so it is joined and A stays alone
    const result = run(zinc([2, [1.5, 0], 2, 0, 2]), { minGrade: 1.1 });
    expect(spans(result)).toEqual([
      [0, 1],
      [2.5, 5.5],
    ]);
    expect(result.intercepts[1]!.grade).toBeCloseTo(4 / 3, 12);
  });

  it('breaks ties between equal waste lengths shallowest first', () => {
    // A 0-1 @ 2 | 1 m | B 2-3 @ 2 | 1 m | C 4-5 @ 2, min grade 1.3
    // A+B = 4/3 = 1.333 and B+C = 1.333 both pass, A+B+C = 6/5 = 1.2 does not: the shallower join wins
    const result = run(zinc([2, 0, 2, 0, 2]), { minGrade: 1.3 });
    expect(spans(result)).toEqual([
      [0, 3],
      [4, 5],
    ]);
    expect(result.intercepts.map((i) => i.first)).toEqual([true, false]);
  });

  it('counts an unsampled gap at zero, or ends the intercept there', () => {
    const rows = [
      { from: 0, to: 2, results: { Zn: 5 } },
      { from: 3, to: 5, results: { Zn: 5 } },
    ];
    // zero: (5 x 2 + 0 x 1 + 5 x 2) / 5 = 4, 1 m unsampled
    const zero = run(rows, { unsampled: 'zero' });
    expect(spans(zero)).toEqual([[0, 5]]);
    expect(zero.intercepts[0]!.grade).toBe(4);
    expect(zero.intercepts[0]!.unsampledLength).toBe(1);
    expect(zero.intercepts[0]!.sampleCount).toBe(2);
    expect(spans(run(rows, { unsampled: 'break' }))).toEqual([
      [0, 2],
      [3, 5],
    ]);
  });

  it('treats a sample not sampled (NS) like a gap', () => {
    const rows = zinc([5, null, 5]);
    rows[1]!.results = { Zn: { value: null, flag: 'ns' } };
    expect(spans(run(rows, { unsampled: 'zero' }))).toEqual([[0, 3]]);
    expect(run(rows, { unsampled: 'zero' }).intercepts[0]!.unsampledLength).toBe(1);
    expect(spans(run(rows, { unsampled: 'break' }))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('caps before averaging, applies the below-detection rule, counts a missing analyte as zero', () => {
    const analytes = ['Zn', 'Pb', 'Ag'];
    const rows: SampleInput[] = [
      { from: 0, to: 1, results: { Zn: 10, Pb: 2, Ag: { value: 100, flag: 'odl' } } },
      { from: 1, to: 2, results: { Zn: 40, Pb: 1, Ag: 10 } },
      { from: 2, to: 3, results: { Zn: 6, Pb: { value: 0.02, flag: 'bdl' }, Ag: 10 } },
      { from: 3, to: 4, results: { Zn: 8, Ag: 10 } },
      { from: 4, to: 5, results: { Zn: 1, Pb: 1, Ag: 10 } },
    ];
    const result = run(
      rows,
      {
        expression: 'Zn + Pb',
        cutoff: 5,
        maxDilution: 0,
        caps: { Zn: 30 },
        reportAnalytes: ['Zn', 'Pb', 'Ag'],
      },
      analytes,
    );
    // per sample: 12, 30 + 1 = 31, 6 + 0.01 = 6.01, 8 + 0 = 8, then 2 (below)
    // grade (12 + 31 + 6.01 + 8) / 4 = 14.2525; Zn (10 + 30 + 6 + 8) / 4 = 13.5; Pb (2 + 1 + 0.01 + 0) / 4 = 0.7525
    // Ag (100 + 10 + 10 + 10) / 4 = 32.5, the > result counted at its limit
    const [i] = result.intercepts;
    expect([i!.from, i!.to]).toEqual([0, 4]);
    expect(i!.grade).toBeCloseTo(14.2525, 12);
    expect(i!.analyteGrades[0]).toBeCloseTo(13.5, 12);
    expect(i!.analyteGrades[1]).toBeCloseTo(0.7525, 12);
    expect(i!.analyteGrades[2]).toBeCloseTo(32.5, 12);
    expect(i!.analyteGrades[0]! + i!.analyteGrades[1]!).toBeCloseTo(i!.grade, 12);
    expect(i!.assayedLengths).toEqual([4, 3, 4]);
    expect([i!.cappedResults, i!.overLimitResults]).toEqual([1, 1]);
  });

  it('weights by length x density, refusing a missing density unless a default is set', () => {
    const rows: SampleInput[] = [
      { from: 0, to: 1, density: 4, results: { Zn: 10 } },
      { from: 1, to: 2, density: 2, results: { Zn: 2 } },
      { from: 2, to: 3, density: 4, results: { Zn: 10 } },
    ];
    // (10 x 4 + 2 x 2 + 10 x 4) / (4 + 2 + 4) = 8.4 ; by length (10 + 2 + 10) / 3 = 7.333
    const settings = { cutoff: 3, maxDilution: 1 } as const;
    expect(run(rows, { ...settings, weighting: 'density' }).intercepts[0]!.grade).toBeCloseTo(8.4, 12);
    expect(run(rows, settings).intercepts[0]!.grade).toBeCloseTo(22 / 3, 12);
    delete rows[1]!.density;
    const refused = run(rows, { ...settings, weighting: 'density' });
    expect(refused.refused).toMatch(/sample at 1-2 has no density; enter it, set a default density/);
    // default 3: (40 + 2 x 3 + 40) / 11 = 7.818
    const withDefault = run(rows, { ...settings, weighting: 'density', defaultDensity: 3 });
    expect(withDefault.intercepts[0]!.grade).toBeCloseTo(86 / 11, 12);
  });

  it('finds including intervals inside each intercept with their own cutoff and dilution', () => {
    // 2 6 8 0.5 7 1.5, cutoff 1 D 2: one intercept 0-6 @ 25 / 6 = 4.1667
    // including cutoff 5, D 0: 1-3 @ 7 and 4-5 @ 7; with D 1: 1-5 @ (6 + 8 + 0.5 + 7) / 4 = 5.375
    const rows = zinc([2, 6, 8, 0.5, 7, 1.5]);
    const d0 = run(rows, { including: { cutoff: 5, minLength: 1, maxDilution: 0 } });
    expect(d0.intercepts.map((i) => [i.kind, i.from, i.to, i.parent])).toEqual([
      ['intercept', 0, 6, null],
      ['including', 1, 3, 0],
      ['including', 4, 5, 0],
    ]);
    expect(d0.intercepts[0]!.grade).toBeCloseTo(25 / 6, 12);
    expect(d0.intercepts[1]!.grade).toBe(7);
    const d1 = run(rows, { including: { cutoff: 5, minLength: 1, maxDilution: 1 } });
    expect(d1.intercepts.map((i) => [i.kind, i.from, i.to])).toEqual([
      ['intercept', 0, 6],
      ['including', 1, 5],
    ]);
    expect(d1.intercepts[1]!.grade).toBeCloseTo(5.375, 12);
    expect(d1.intercepts[1]!.wasteLength).toBe(1);
  });

  it('orders a second intercept after the first one and its including intervals', () => {
    const rows = zinc([6, 2, 0, 0, 0, 3]);
    const result = run(rows, { maxDilution: 1, including: { cutoff: 5, minLength: 0, maxDilution: 0 } });
    expect(result.intercepts.map((i) => [i.kind, i.from, i.to, i.first])).toEqual([
      ['intercept', 0, 2, true],
      ['including', 0, 1, false],
      ['intercept', 5, 6, false],
    ]);
  });

  it('leaves out an including interval that spans its whole intercept', () => {
    const result = run(zinc([6, 7]), { including: { cutoff: 5, minLength: 0, maxDilution: 0 } });
    expect(result.intercepts.map((i) => i.kind)).toEqual(['intercept']);
  });

  it('finds nothing, without failing, in a hole with no samples or none assayed', () => {
    expect(run([])).toEqual({ holeId: 'DH1', intercepts: [], refused: null });
    const rows = zinc([null, null]);
    rows.forEach((r) => (r.results = { Zn: { value: null, flag: 'ns' } }));
    expect(run(rows).intercepts).toEqual([]);
  });

  it('refuses overlapping samples instead of guessing', () => {
    const result = run([
      { from: 0, to: 2, results: { Zn: 5 } },
      { from: 1, to: 3, results: { Zn: 5 } },
    ]);
    expect(result.refused).toMatch(/overlaps the one above/);
    expect(result.intercepts).toEqual([]);
  });

  it('compares grades with the cutoff, minimum grade and grade x length allowing for floating error', () => {
    // Zn 1.4 + Pb 0.4 is 1.7999999999999998 in binary floating point; on paper it is the 1.8 cutoff.
    const rows: SampleInput[] = [
      { from: 0, to: 1, results: { Zn: 9, Pb: 1 } },
      { from: 1, to: 2, results: { Zn: 1.4, Pb: 0.4 } },
      { from: 2, to: 3, results: { Zn: 0.1, Pb: 0 } },
    ];
    expect(1.4 + 0.4).toBeLessThan(1.8);
    const both = ['Zn', 'Pb'];
    const main = { expression: 'Zn + Pb', cutoff: 1.8, maxDilution: 0 };
    expect(spans(run(rows, main, both))).toEqual([[0, 2]]);
    // The waste length counts the same way: the 1.8 sample is ore, not waste.
    expect(run(rows, { ...main, minLength: 0 }, both).intercepts[0]!.wasteLength).toBe(0);
    // Including pass: the sample at 1.8 reaches an including cutoff of 1.8 too.
    const pair = [
      { from: 0, to: 1, results: { Zn: 1.4, Pb: 0.4 } },
      { from: 1, to: 2, results: { Zn: 1.2, Pb: 0 } },
    ];
    const including = { cutoff: 1.8, minLength: 0, maxDilution: 0 };
    const withIncluding = run(pair, { ...main, cutoff: 1, including }, both).intercepts;
    expect(withIncluding.map((i) => [i.kind, i.from, i.to])).toEqual([
      ['intercept', 0, 2],
      ['including', 0, 1],
    ]);
    // Minimum grade: one sample at 1.8 meets a 1.8 minimum grade over a lower cutoff.
    expect(spans(run(rows.slice(1, 2), { ...main, cutoff: 1, minGrade: 1.8 }, both))).toEqual([[1, 2]]);
    // Minimum grade x length: 0.1 + 0.2 = 0.30000000000000004 m x 6 against 1.8.
    const three = [{ from: 0, to: 0.7, results: { Zn: 3 } }];
    // 0.7 x 3 = 2.0999999999999996 meets a minimum grade x length of 2.1.
    expect(0.7 * 3).toBeLessThan(2.1);
    expect(run(three, { cutoff: 1, minGradeLength: 2.1 }).intercepts).toHaveLength(1);
  });

  it('gives the same answers with one workspace reused across holes', () => {
    const plan = compileInterceptPlan(base, ['Zn']);
    const ws = new InterceptWorkspace();
    const big = holeSamplesFromRows('BIG', ['Zn'], zinc(Array.from({ length: 500 }, (_, k) => (k % 7) / 2)));
    const small = holeSamplesFromRows('SMALL', ['Zn'], zinc([0, 3, 0.5, 2]));
    const fresh = findIntercepts(small, plan);
    findIntercepts(big, plan, ws);
    expect(findIntercepts(small, plan, ws)).toEqual(fresh);
  });
});

describe('intercept settings', () => {
  it('names a bad parameter and what it must be', () => {
    expect(() => compileInterceptPlan({ ...base, maxDilution: -1 }, ['Zn'])).toThrow(
      new InterceptSettingsError('The maximum internal dilution must be a number of at least 0, not -1.'),
    );
    expect(() => compileInterceptPlan({ ...base, caps: { Cu: 5 } }, ['Zn'])).toThrow(/cap is set for Cu/);
    expect(() => compileInterceptPlan({ ...base, reportAnalytes: ['Pb'] }, ['Zn'])).toThrow(
      /Reported analyte Pb is not an analyte here; known analytes: Zn/,
    );
    expect(() => compileInterceptPlan({ ...base, expression: 'Zn + Pbb' }, ['Zn', 'Pb'])).toThrow(
      GradeExpressionError,
    );
  });

  it('defaults the minimum grade to the cutoff and the reported analytes to the expression', () => {
    const plan = compileInterceptPlan({ ...base, expression: 'Zn + Pb', cutoff: 4 }, ['Ag', 'Pb', 'Zn']);
    expect(plan.main.minGrade).toBe(4);
    expect(plan.reportAnalytes).toEqual(['Zn', 'Pb']);
    expect([...plan.reportColumns]).toEqual([2, 1]);
  });
});
