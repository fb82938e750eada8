import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compositeHole,
  type Composite,
  type CompositeSettings,
} from '../../src/domain/compositing/fixed-length-composites';
import { holeSamplesFromRows, type SampleInput } from '../../src/domain/compositing/hole-samples';

const base: CompositeSettings = {
  length: 10,
  anchor: 'collar',
  residual: 'drop-short',
  missing: 'exclude',
  belowDetection: 'half',
  weighting: 'length',
};

/** Samples 0-4 Cu 1, 4-10 Cu 2, 10-13 not assayed, 13-EOH Cu 3. */
function handHole(end: number) {
  return holeSamplesFromRows(
    'H1',
    ['Cu'],
    [
      { from: 0, to: 4, results: { Cu: 1 } },
      { from: 4, to: 10, results: { Cu: 2 } },
      { from: 10, to: 13, results: {} },
      { from: 13, to: end, results: { Cu: 3 } },
    ],
  );
}

const rows = (composites: Composite[]) =>
  composites.map((c) => [c.from, c.to, c.length, c.sampledLength, c.values[0], c.analyteLengths[0]]);

describe('fixed-length composites, worked by hand', () => {
  it('splits samples at the cuts and length-weights each piece', () => {
    const result = compositeHole({ samples: handHole(25), eoh: 25 }, base);
    expect(result.refused).toBeNull();
    // 0-10: (1 x 4 + 2 x 6) / 10 = 1.6
    // 10-20: missing excluded: Cu 3 over 13-20, 7 m behind the value, 10 m sampled
    // 20-25: the tail is 5 m = C/2, kept; the recorded end of hole cuts it at 25
    expect(rows(result.composites)).toEqual([
      [0, 10, 10, 10, 1.6, 10],
      [10, 20, 10, 10, 3, 7],
      [20, 25, 5, 5, 3, 5],
    ]);
  });

  it('counts a missing result at zero over its length when asked', () => {
    const result = compositeHole({ samples: handHole(25), eoh: 25 }, { ...base, missing: 'zero' });
    // 10-20: (0 x 3 + 3 x 7) / 10 = 2.1, of which only 7 m was assayed
    const second = result.composites[1]!;
    expect(second.values[0]).toBeCloseTo(2.1, 12);
    expect(second.analyteLengths[0]).toBe(10);
    expect(second.assayedLengths[0]).toBe(7);
  });

  it('judges drop-short per analyte on the length with a result, and writes no row with nothing left', () => {
    // Cu assayed on 0-10 and 10-13; Au only on 0-3 and 12-20; C = 10, C/2 = 5.
    const samples = holeSamplesFromRows(
      'H7',
      ['Cu', 'Au'],
      [
        { from: 0, to: 3, results: { Cu: 1, Au: 2 } },
        { from: 3, to: 10, results: { Cu: 1 } },
        { from: 10, to: 12, results: { Cu: 4 } },
        { from: 12, to: 13, results: { Cu: 4, Au: 1 } },
        { from: 13, to: 20, results: { Au: 1 } },
        { from: 20, to: 30, results: {} },
      ],
    );
    const result = compositeHole({ samples, eoh: 30 }, base).composites;
    const table = result.map((c) => [c.from, c.to, c.sampledLength, ...c.values, ...c.assayedLengths]);
    expect(table).toEqual([
      // Au rests on 3 m of 10: blank; Cu on 10 m: kept
      [0, 10, 10, 1, null, 10, 3],
      // Cu rests on 3 m: blank; Au on 8 m: kept
      [10, 20, 10, null, 1, 3, 8],
      // 20-30 has samples but no result for either analyte: no row
    ]);
    // keep and merge judge nothing per analyte: every value with any length behind it stays.
    const kept = compositeHole({ samples, eoh: 30 }, { ...base, residual: 'keep' }).composites;
    expect(kept.map((c) => c.values)).toEqual([
      [1, 2],
      [4, 1],
      [null, null],
    ]);
  });

  it('counts a gap between samples at zero like a sample without a result when missing = zero', () => {
    const withNs = holeSamplesFromRows(
      'NS',
      ['Cu'],
      [
        { from: 0, to: 2, results: { Cu: 2 } },
        { from: 2, to: 4, results: { Cu: { value: null, flag: 'ns' } } },
        { from: 4, to: 7, results: { Cu: 2 } },
      ],
    );
    const withGap = holeSamplesFromRows(
      'GAP',
      ['Cu'],
      [
        { from: 0, to: 2, results: { Cu: 2 } },
        { from: 4, to: 7, results: { Cu: 2 } },
      ],
    );
    const settings: CompositeSettings = { ...base, length: 3, missing: 'zero', residual: 'keep' };
    const grades = (samples: typeof withNs) =>
      compositeHole({ samples, eoh: 7 }, settings).composites.map((c) => [
        c.from,
        c.to,
        c.values[0],
        c.analyteLengths[0],
      ]);
    // 0-3: (2 x 2 + 0 x 1) / 3; 3-6: (0 x 1 + 2 x 2) / 3; 6-7: 2
    const expected = [
      [0, 3, 4 / 3, 3],
      [3, 6, 4 / 3, 3],
      [6, 7, 2, 1],
    ];
    expect(grades(withNs)).toEqual(expected);
    expect(grades(withGap)).toEqual(expected);
    // A cell wholly inside a gap is zero over its length, as it would be inside an NS sample.
    const wide = holeSamplesFromRows(
      'W',
      ['Cu'],
      [
        { from: 0, to: 1, results: { Cu: 2 } },
        { from: 9, to: 10, results: { Cu: 2 } },
      ],
    );
    const cells = compositeHole({ samples: wide, eoh: 10 }, settings).composites;
    expect(cells.map((c) => [c.from, c.values[0], c.sampledLength])).toEqual([
      [0, 2 / 3, 1],
      [3, 0, 0],
      [6, 0, 0],
      [9, 2, 1],
    ]);
    // Above the first sample nothing is counted: no sample lies above it, so it is no gap between samples.
    const deep = holeSamplesFromRows('D', ['Cu'], [{ from: 4, to: 6, results: { Cu: 2 } }]);
    const first = compositeHole({ samples: deep, eoh: 6 }, settings).composites[0]!;
    expect([first.from, first.to, first.values[0]]).toEqual([0, 3, null]);
    // By density, a gap has no density of its own: the default density, or the hole is refused.
    const dense: CompositeSettings = { ...settings, weighting: 'density' };
    const denseGap = holeSamplesFromRows(
      'DG',
      ['Cu'],
      [
        { from: 0, to: 2, density: 3, results: { Cu: 2 } },
        { from: 4, to: 7, density: 3, results: { Cu: 2 } },
      ],
    );
    expect(compositeHole({ samples: denseGap, eoh: 7 }, dense).refused).toMatch(
      /gap 2-4 has no density to weight it by/,
    );
    const weighted = compositeHole({ samples: denseGap, eoh: 7 }, { ...dense, defaultDensity: 1.5 });
    // 0-3: (2 x 2 x 3 + 0 x 1 x 1.5) / (2 x 3 + 1 x 1.5) = 12 / 7.5
    expect(weighted.composites[0]!.values[0]).toBeCloseTo(12 / 7.5, 12);
  });

  it('drops, keeps or merges a short tail', () => {
    const hole = { samples: handHole(24), eoh: 24 };
    // The tail 20-24 is 4 m < 5 m.
    expect(compositeHole(hole, base).composites.map((c) => c.to)).toEqual([10, 20]);
    expect(compositeHole(hole, { ...base, residual: 'keep' }).composites.map((c) => [c.from, c.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 24],
    ]);
    const merged = compositeHole(hole, { ...base, residual: 'merge', missing: 'zero' }).composites;
    // 10-24 with missing at zero: (0 x 3 + 3 x 11) / 14 = 2.357142857
    expect(merged.map((c) => [c.from, c.to])).toEqual([
      [0, 10],
      [10, 24],
    ]);
    expect(merged[1]!.values[0]).toBeCloseTo(33 / 14, 12);
  });

  it('ends a merged tail where the data end, not on the grid, when the end of hole is not recorded', () => {
    // Samples to 24, no end of hole: the 20-30 cell reaches 4 m into the data and is merged into 10-20.
    const merged = compositeHole(
      { samples: handHole(24), eoh: null },
      { ...base, residual: 'merge' },
    ).composites;
    expect(merged.map((c) => [c.from, c.to, c.length, c.sampledLength])).toEqual([
      [0, 10, 10, 10],
      [10, 24, 14, 14],
    ]);
    // Restarting at domains: the merged tail of a domain the samples stop in ends at the last sample too.
    const domains = [{ from: 0, to: 40, code: 'SUL' }];
    const inDomain = compositeHole(
      { samples: handHole(24), eoh: null, domains },
      { ...base, residual: 'merge' },
    ).composites;
    expect(inDomain.map((c) => [c.from, c.to])).toEqual([
      [0, 10],
      [10, 24],
    ]);
  });

  it('keeps the grid end of the last cell when the end of hole is not recorded', () => {
    const result = compositeHole({ samples: handHole(17), eoh: null }, { ...base, missing: 'zero' });
    // the samples end at 17: the last cell reads 10-20 with 7 m sampled, as pygslib prints it;
    // 10-13 not assayed counts at zero: 3 x 4 / 7
    expect(rows(result.composites)).toEqual([
      [0, 10, 10, 10, 1.6, 10],
      [10, 20, 10, 7, 12 / 7, 7],
    ]);
    // Missing grades excluded, Cu rests on 13-17 only, 4 m < C/2: drop-short blanks it and, with no
    // other analyte left, writes no row.
    const excluded = compositeHole({ samples: handHole(17), eoh: null }, base);
    expect(rows(excluded.composites)).toEqual([[0, 10, 10, 10, 1.6, 10]]);
  });

  it('anchors at the first sample', () => {
    const samples = holeSamplesFromRows('H2', ['Cu'], [{ from: 2.5, to: 30, results: { Cu: 1 } }]);
    const result = compositeHole({ samples, eoh: 30 }, { ...base, anchor: 'first-sample' });
    // 2.5-12.5, 12.5-22.5, tail 22.5-30 = 7.5 m kept
    expect(result.composites.map((c) => [c.from, c.to])).toEqual([
      [2.5, 12.5],
      [12.5, 22.5],
      [22.5, 30],
    ]);
  });

  it('restarts at domain boundaries, joining touching intervals of one domain', () => {
    const samples = holeSamplesFromRows(
      'H3',
      ['Cu'],
      [
        { from: 0, to: 15, results: { Cu: 1 } },
        { from: 15, to: 30, results: { Cu: 2 } },
      ],
    );
    const domains = [
      { from: 0, to: 4, code: 'OX' },
      { from: 4, to: 8, code: 'OX' },
      { from: 8, to: 30, code: 'SUL' },
    ];
    const result = compositeHole({ samples, eoh: 30, domains }, base);
    // OX 0-8 (one piece of 8 m); SUL from 8: 8-18 = (1 x 7 + 2 x 3) / 10 = 1.3, 18-28 = 2, tail 28-30 dropped
    expect(result.composites.map((c) => [c.from, c.to, c.domain, c.values[0]])).toEqual([
      [0, 8, 'OX', 1],
      [8, 18, 'SUL', 1.3],
      [18, 28, 'SUL', 2],
    ]);
  });

  it('weights by length x density, refusing a sample without density unless a default is set', () => {
    const samples = holeSamplesFromRows(
      'H4',
      ['Cu'],
      [
        { from: 0, to: 5, density: 2, results: { Cu: 1 } },
        { from: 5, to: 10, density: 4, results: { Cu: 3 } },
        { from: 10, to: 20, results: { Cu: 1 } },
      ],
    );
    const settings: CompositeSettings = { ...base, weighting: 'density' };
    const refused = compositeHole({ samples, eoh: 20 }, settings);
    expect(refused.refused).toMatch(/sample at 10-20 has no density; enter it, set a default density/);
    const result = compositeHole({ samples, eoh: 20 }, { ...settings, defaultDensity: 2.7 });
    // (1 x 5 x 2 + 3 x 5 x 4) / (5 x 2 + 5 x 4) = 70 / 30
    expect(result.composites[0]!.values[0]).toBeCloseTo(70 / 30, 12);
  });

  it('applies the below-detection rule to < results and counts > results at their limit', () => {
    const samples = holeSamplesFromRows(
      'H5',
      ['Au'],
      [
        { from: 0, to: 5, results: { Au: { value: 0.01, flag: 'bdl' } } },
        { from: 5, to: 10, results: { Au: { value: 10, flag: 'odl' } } },
      ],
    );
    const value = (belowDetection: CompositeSettings['belowDetection']) =>
      compositeHole({ samples, eoh: 10 }, { ...base, belowDetection }).composites[0]!.values[0];
    // half: (0.005 x 5 + 10 x 5) / 10 = 5.0025 ; missing: 10 over 5 m
    expect(value('half')).toBeCloseTo(5.0025, 12);
    expect(value('zero')).toBe(5);
    expect(value('missing')).toBe(10);
  });

  it('refuses overlapping samples and samples past the end of hole', () => {
    const overlapping = holeSamplesFromRows(
      'H6',
      ['Cu'],
      [
        { from: 0, to: 5, results: { Cu: 1 } },
        { from: 4, to: 8, results: { Cu: 1 } },
      ],
    );
    expect(compositeHole({ samples: overlapping, eoh: null }, base).refused).toMatch(/overlaps/);
    expect(compositeHole({ samples: handHole(25), eoh: 20 }, base).refused).toMatch(
      /past the end of hole at 20/,
    );
  });
});

const analytes = ['A', 'B'];
const sampleArb = fc.record({
  length: fc.integer({ min: 1, max: 400 }).map((n) => n / 20),
  gap: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 100 }).map((n) => n / 20),
  ),
  a: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }),
  b: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
});

function buildHole(
  specs: { length: number; gap: number; a: number | null; b: number | null }[],
  start: number,
) {
  let depth = start;
  const rows: SampleInput[] = specs.map((s) => {
    const from = depth + s.gap;
    depth = from + s.length;
    return { from, to: depth, results: { A: s.a, B: s.b } };
  });
  return holeSamplesFromRows('P', analytes, rows);
}

describe('fixed-length composite properties', () => {
  it('conserve metal and cover the hole when nothing is dropped', () => {
    fc.assert(
      fc.property(
        fc.array(sampleArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
        fc.integer({ min: 1, max: 60 }).map((n) => n / 4),
        fc.constantFrom<'keep' | 'merge'>('keep', 'merge'),
        fc.constantFrom<'zero' | 'exclude'>('zero', 'exclude'),
        fc.constantFrom<'collar' | 'first-sample'>('collar', 'first-sample'),
        fc.boolean(),
        (specs, start, length, residual, missing, anchor, eohKnown) => {
          const samples = buildHole(specs, start);
          const lastTo = samples.to[samples.count - 1]!;
          const eoh = eohKnown ? lastTo + 1.5 : null;
          const settings: CompositeSettings = { ...base, length, residual, missing, anchor };
          const { composites, refused } = compositeHole({ samples, eoh }, settings);
          expect(refused).toBeNull();
          // cover: contiguous from the anchor to the end
          const begin = anchor === 'collar' ? 0 : samples.from[0]!;
          const end = eoh ?? lastTo;
          expect(composites[0]!.from).toBeCloseTo(begin, 9);
          for (let k = 1; k < composites.length; k++) {
            expect(composites[k]!.from).toBeCloseTo(composites[k - 1]!.to, 9);
          }
          const last = composites[composites.length - 1]!;
          expect(last.from).toBeLessThan(end);
          expect(last.to).toBeGreaterThanOrEqual(end - 1e-9);
          if (eoh !== null) expect(last.to).toBeCloseTo(eoh, 9);
          // metal: sum of grade x length over composites equals that over samples
          for (let a = 0; a < analytes.length; a++) {
            let sampleMetal = 0;
            let sampleLength = 0;
            let covered = 0;
            for (let i = 0; i < samples.count; i++) {
              const length = samples.to[i]! - samples.from[i]!;
              covered += length;
              // with missing = zero, a gap between samples counts at zero like a sample without a result
              if (missing === 'zero' && i > 0) sampleLength += samples.from[i]! - samples.to[i - 1]!;
              const v = samples.values[i * analytes.length + a]!;
              if (Number.isNaN(v)) {
                if (missing === 'zero') sampleLength += length;
                continue;
              }
              sampleMetal += v * length;
              sampleLength += length;
            }
            let metal = 0;
            let counted = 0;
            let sampled = 0;
            for (const c of composites) {
              metal += (c.values[a] ?? 0) * c.analyteLengths[a]!;
              counted += c.analyteLengths[a]!;
              sampled += c.sampledLength;
            }
            expect(metal).toBeCloseTo(sampleMetal, 6);
            expect(counted).toBeCloseTo(sampleLength, 9);
            expect(sampled).toBeCloseTo(covered, 9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('drop-short with missing grades excluded', () => {
  it('keeps exactly the values resting on at least C/2 of assayed length, and only rows with one', () => {
    fc.assert(
      fc.property(
        fc.array(sampleArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
        fc.integer({ min: 1, max: 60 }).map((n) => n / 4),
        fc.boolean(),
        (specs, start, length, eohKnown) => {
          const samples = buildHole(specs, start);
          const eoh = eohKnown ? samples.to[samples.count - 1]! + 1.5 : null;
          const settings: CompositeSettings = { ...base, length };
          const kept = compositeHole({ samples, eoh }, { ...settings, residual: 'keep' }).composites;
          const dropped = compositeHole({ samples, eoh }, settings).composites;
          const expected = kept
            .map((c) => ({
              ...c,
              values: c.values.map((v, a) => (c.assayedLengths[a]! >= length / 2 - 1e-9 ? v : null)),
            }))
            .filter((c) => c.values.some((v) => v !== null));
          expect(dropped).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
