// Property tests over random holes: the docs/domain.md rules hold for every intercept, checked against the
// samples directly (not against the implementation's own bookkeeping).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holeSamplesFromRows, type SampleInput } from '../../src/domain/compositing/hole-samples';
import {
  compileInterceptPlan,
  type InterceptSettings,
} from '../../src/domain/compositing/intercept-settings';
import { findIntercepts, type Intercept } from '../../src/domain/compositing/significant-intercepts';

const EPS = 1e-7;

interface Spec {
  length: number;
  gap: number;
  zn: number | 'ns' | 'bdl';
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  length: fc.integer({ min: 1, max: 60 }).map((n) => n / 20),
  gap: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => n / 20) },
  ),
  zn: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 1500 }).map((n) => n / 100) },
    // whole grades often equal a whole cutoff, so "at or above" is exercised at equality
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }) },
    { weight: 1, arbitrary: fc.constant<'ns'>('ns') },
    { weight: 1, arbitrary: fc.constant<'bdl'>('bdl') },
  ),
});

const settingsArb = fc.record({
  cutoff: fc.oneof(
    fc.integer({ min: 20, max: 800 }).map((n) => n / 100),
    fc.integer({ min: 1, max: 6 }),
  ),
  maxDilution: fc.integer({ min: 0, max: 80 }).map((n) => n / 20),
  minLength: fc.integer({ min: 0, max: 60 }).map((n) => n / 20),
  extraGrade: fc.option(
    fc.integer({ min: 0, max: 300 }).map((n) => n / 100),
    { nil: null },
  ),
  unsampled: fc.constantFrom<'zero' | 'break'>('zero', 'break'),
});

interface Piece {
  from: number;
  to: number;
  /** Grade, or null for unsampled (gap or NS). */
  grade: number | null;
}

function rowsOf(specs: Spec[]): SampleInput[] {
  let depth = 0;
  return specs.map((s) => {
    const from = depth + s.gap;
    depth = from + s.length;
    const zn =
      s.zn === 'ns'
        ? { value: null, flag: 'ns' as const }
        : s.zn === 'bdl'
          ? { value: 0.01, flag: 'bdl' as const }
          : s.zn;
    return { from, to: depth, results: { Zn: zn } };
  });
}

/** The hole as the rules see it: samples at their grade (half the limit for <0.01), gaps and NS unsampled. */
function piecesOf(specs: Spec[]): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  for (const s of specs) {
    if (s.gap > 0) pieces.push({ from: depth, to: depth + s.gap, grade: null });
    const from = depth + s.gap;
    depth = from + s.length;
    pieces.push({ from, to: depth, grade: s.zn === 'ns' ? null : s.zn === 'bdl' ? 0.005 : s.zn });
  }
  return pieces;
}

type RandomSettings = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;

function settingsFrom(s: RandomSettings): InterceptSettings {
  return {
    expression: 'Zn',
    cutoff: s.cutoff,
    minLength: s.minLength,
    maxDilution: s.maxDilution,
    minGrade: s.extraGrade === null ? null : s.cutoff + s.extraGrade,
    weighting: 'length',
    belowDetection: 'half',
    unsampled: s.unsampled,
  };
}

function intercepts(specs: Spec[], settings: InterceptSettings): Intercept[] {
  const plan = compileInterceptPlan(settings, ['Zn']);
  const result = findIntercepts(holeSamplesFromRows('P', ['Zn'], rowsOf(specs)), plan);
  expect(result.refused).toBeNull();
  return result.intercepts;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const near = (a: number, b: number) => Math.abs(a - b) < EPS;
const inside = (pieces: Piece[], i: Intercept) =>
  pieces.filter((p) => p.from >= i.from - EPS && p.to <= i.to + EPS);

describe('significant intercept properties', () => {
  it('obey the rules: ends at cutoff, waste runs <= D, grade, length, no overlaps', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 60 }), settingsArb, (specs, s) => {
        const settings = settingsFrom(s);
        const minGrade = settings.minGrade ?? settings.cutoff;
        const pieces = piecesOf(specs);
        const found = intercepts(specs, settings);
        let previousTo = -Infinity;
        for (const i of found.filter((x) => x.kind === 'intercept')) {
          expect(i.from).toBeGreaterThanOrEqual(previousTo);
          previousTo = i.to;
          const own = inside(pieces, i);
          const first = own[0]!;
          const last = own[own.length - 1]!;
          // rule 1: starts and ends on samples at or above cutoff, exactly at their edges
          expect(near(first.from, i.from) && near(last.to, i.to)).toBe(true);
          expect(first.grade).not.toBeNull();
          expect(first.grade!).toBeGreaterThanOrEqual(settings.cutoff);
          expect(last.grade!).toBeGreaterThanOrEqual(settings.cutoff);
          // rule 2: no contiguous waste run longer than D; with break, nothing unsampled inside
          let run = 0;
          for (const p of own) {
            if (p.grade !== null && p.grade >= settings.cutoff) run = 0;
            else {
              run += p.to - p.from;
              expect(run).toBeLessThanOrEqual(settings.maxDilution + EPS);
              if (settings.unsampled === 'break') expect(p.grade).not.toBeNull();
            }
          }
          // rule 3: the grade, unsampled at zero, recomputed from the samples, reaches the minimum
          const metal = own.reduce((sum, p) => sum + (p.grade ?? 0) * (p.to - p.from), 0);
          expect(i.grade).toBeCloseTo(metal / (i.to - i.from), 9);
          expect(i.grade).toBeGreaterThanOrEqual(minGrade - EPS);
          // rule 4: length
          expect(i.length).toBeGreaterThanOrEqual(settings.minLength - EPS);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leave no two neighbouring intercepts that the rules would let be joined', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 40 }), settingsArb, (specs, s) => {
        const settings = { ...settingsFrom(s), minLength: 0 };
        const minGrade = settings.minGrade ?? settings.cutoff;
        const pieces = piecesOf(specs);
        const found = intercepts(specs, settings);
        for (let k = 0; k + 1 < found.length; k++) {
          const a = found[k]!;
          const b = found[k + 1]!;
          const between = pieces.filter((p) => p.from >= a.to - EPS && p.to <= b.from + EPS);
          const ore = between.some((p) => p.grade !== null && p.grade >= settings.cutoff);
          const unsampled = between.some((p) => p.grade === null);
          const waste = b.from - a.to;
          if (ore || waste > settings.maxDilution + EPS || (unsampled && settings.unsampled === 'break'))
            continue;
          const union = inside(pieces, { ...a, to: b.to });
          const metal = union.reduce((sum, p) => sum + (p.grade ?? 0) * (p.to - p.from), 0);
          expect(metal / (b.to - a.from)).toBeLessThan(minGrade + EPS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lose no run of samples at or above cutoff that qualifies on its own', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 60 }), settingsArb, (specs, s) => {
        const settings = settingsFrom(s);
        const minGrade = settings.minGrade ?? settings.cutoff;
        const found = intercepts(specs, settings).filter((i) => i.kind === 'intercept');
        // every maximal gap-free run of ore samples long and rich enough alone lies inside an intercept
        const runs: Piece[][] = [];
        let open: Piece[] | null = null;
        for (const p of piecesOf(specs)) {
          const ore = p.grade !== null && p.grade >= settings.cutoff;
          if (ore && open && near(open[open.length - 1]!.to, p.from)) open.push(p);
          else if (ore) runs.push((open = [p]));
          else open = null;
        }
        for (const run of runs) {
          const from = run[0]!.from;
          const to = run[run.length - 1]!.to;
          const grade = run.reduce((sum, p) => sum + p.grade! * (p.to - p.from), 0) / (to - from);
          if (grade < minGrade + EPS || to - from < settings.minLength + EPS) continue;
          expect(found.some((i) => i.from <= from + EPS && i.to >= to - EPS)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with D = 0, min grade = cutoff and no minimum length, are exactly the runs of samples at or above cutoff', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 60 }), settingsArb, (specs, s) => {
        const settings = { ...settingsFrom(s), maxDilution: 0, minGrade: null, minLength: 0 };
        const expected: [number, number][] = [];
        let open: [number, number] | null = null;
        for (const p of piecesOf(specs)) {
          const ore = p.grade !== null && p.grade >= settings.cutoff;
          if (ore && open && near(open[1], p.from)) open[1] = p.to;
          else if (ore) {
            open = [p.from, p.to];
            expected.push(open);
          } else open = null;
        }
        expect(intercepts(specs, settings).map((i) => [i.from, i.to])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('do not change when a sample is split into two halves of equal grade', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 50 }),
        settingsArb,
        fc.nat(),
        fc.boolean(),
        (specs, s, pick, including) => {
          const settings: InterceptSettings = {
            ...settingsFrom(s),
            including: including
              ? { cutoff: s.cutoff * 2, minLength: 0, maxDilution: s.maxDilution / 2 }
              : null,
          };
          const k = pick % specs.length;
          const target = specs[k]!;
          const split = [
            ...specs.slice(0, k),
            { ...target, length: target.length / 2 },
            { ...target, length: target.length / 2, gap: 0 },
            ...specs.slice(k + 1),
          ];
          const before = intercepts(specs, settings);
          const after = intercepts(split, settings);
          // depths are summed in a different order once split, so compare them to 1e-6
          const shape = (list: Intercept[]) => list.map((i) => [i.kind, round(i.from), round(i.to)]);
          expect(shape(after)).toEqual(shape(before));
          after.forEach((i, n) => {
            expect(i.grade).toBeCloseTo(before[n]!.grade, 9);
            expect(i.wasteLength).toBeCloseTo(before[n]!.wasteLength, 9);
            expect(i.unsampledLength).toBeCloseTo(before[n]!.unsampledLength, 9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('count a sample whose grade equals the cutoff up to floating error as ore', () => {
    // Zn a + Pb b with the cutoff written as the decimal sum a + b (1.4 + 0.4 = 1.7999999999999998
    // against 1.8): the sample reaches the cutoff on paper, so it is an intercept of its own.
    const hundredths = fc.integer({ min: 1, max: 5000 });
    fc.assert(
      fc.property(hundredths, hundredths, fc.boolean(), (zn, pb, including) => {
        const cutoff = Number(((zn + pb) / 100).toFixed(2));
        const rows = [
          { from: 0, to: 1, results: { Zn: 0, Pb: 0 } },
          { from: 1, to: 2, results: { Zn: zn / 100, Pb: pb / 100 } },
          // With an including pass at the cutoff, the main pass (half the cutoff) runs on into this one.
          { from: 2, to: 3, results: { Zn: including ? cutoff * 0.75 : 0, Pb: 0 } },
        ];
        const settings: InterceptSettings = {
          expression: 'Zn + Pb',
          cutoff: including ? cutoff / 2 : cutoff,
          minLength: 1,
          maxDilution: 0,
          minGrade: including ? null : cutoff,
          minGradeLength: including ? null : cutoff,
          weighting: 'length',
          belowDetection: 'half',
          unsampled: 'zero',
          including: including ? { cutoff, minLength: 1, maxDilution: 0 } : null,
        };
        const plan = compileInterceptPlan(settings, ['Zn', 'Pb']);
        const found = findIntercepts(holeSamplesFromRows('P', ['Zn', 'Pb'], rows), plan).intercepts;
        expect(found.map((i) => [i.kind, i.from, i.to, i.wasteLength])).toEqual(
          including
            ? [
                ['intercept', 1, 3, 0],
                ['including', 1, 2, 0],
              ]
            : [['intercept', 1, 2, 0]],
        );
      }),
      { numRuns: 500 },
    );
  });

  it('put including intervals inside their intercept, at or above their own cutoff', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 60 }), settingsArb, (specs, s) => {
        const incCutoff = s.cutoff * 1.5;
        const settings: InterceptSettings = {
          ...settingsFrom(s),
          including: { cutoff: incCutoff, minLength: 0.5, maxDilution: 0.5 },
        };
        const found = intercepts(specs, settings);
        const pieces = piecesOf(specs);
        for (const inc of found.filter((i) => i.kind === 'including')) {
          const parent = found[inc.parent!]!;
          expect(parent.kind).toBe('intercept');
          expect(inc.from).toBeGreaterThanOrEqual(parent.from);
          expect(inc.to).toBeLessThanOrEqual(parent.to);
          expect(inc.to - inc.from).toBeLessThan(parent.to - parent.from);
          expect(inc.grade).toBeGreaterThanOrEqual(incCutoff - EPS);
          const own = inside(pieces, inc);
          expect(own[0]!.grade!).toBeGreaterThanOrEqual(incCutoff);
          expect(own[own.length - 1]!.grade!).toBeGreaterThanOrEqual(incCutoff);
        }
      }),
      { numRuns: 200 },
    );
  });
});
