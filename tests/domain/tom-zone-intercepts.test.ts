// Zn intercepts on real drilling (Tom zone, Macmillan Pass; metres): the docs/domain.md rules checked on every
// hole, and rows worked by hand from assay.csv.
import { describe, expect, it } from 'vitest';
import { HoleSamplesBuffer } from '../../src/domain/compositing/hole-samples';
import { compileInterceptPlan } from '../../src/domain/compositing/intercept-settings';
import {
  findIntercepts,
  InterceptWorkspace,
  type Intercept,
} from '../../src/domain/compositing/significant-intercepts';
import { groupBy, readCsv } from './dataset-csv';

const analytes = ['Zn', 'Pb', 'Ag'];
const columns = { Zn: 'Zn_pct', Pb: 'Pb_pct', Ag: 'Ag_ppm' } as const;
const CUTOFF = 3;
const D = 3;
const MIN_LENGTH = 2;

interface Row {
  from: number;
  to: number;
  zn: number;
}

function computeAll() {
  const holes = groupBy(readCsv('tom_zone/assay.csv'), 'hole_ID');
  const plan = compileInterceptPlan(
    {
      expression: 'Zn',
      cutoff: CUTOFF,
      minLength: MIN_LENGTH,
      maxDilution: D,
      weighting: 'length',
      belowDetection: 'half',
      unsampled: 'zero',
      reportAnalytes: analytes,
      including: { cutoff: 10, minLength: 1, maxDilution: 0 },
    },
    analytes,
  );
  const buffer = new HoleSamplesBuffer(analytes);
  const ws = new InterceptWorkspace();
  const results = new Map<string, { rows: Row[]; intercepts: Intercept[] }>();
  for (const [id, list] of holes) {
    const sorted = [...list].sort((a, b) => Number(a.depth_from) - Number(b.depth_from));
    buffer.reset(id);
    for (const r of sorted) {
      const i = buffer.addSample(Number(r.depth_from), Number(r.depth_to), null);
      analytes.forEach((code, a) => {
        const text = r[columns[code as keyof typeof columns]] ?? '';
        if (text !== '') buffer.setResult(i, a, Number(text), 'value'); // an empty cell stays missing
      });
    }
    const result = findIntercepts(buffer, plan, ws);
    expect(result.refused).toBeNull();
    const rows = sorted.map((r) => ({
      from: Number(r.depth_from),
      to: Number(r.depth_to),
      zn: Number(r.Zn_pct),
    }));
    results.set(id, { rows, intercepts: result.intercepts });
  }
  return results;
}

describe('Tom zone Zn intercepts', () => {
  const results = computeAll();

  it('reads every hole with assays', () => {
    expect(results.size).toBe(206);
  });

  it('obey the rules on every hole', () => {
    let count = 0;
    for (const { rows, intercepts } of results.values()) {
      let previousTo = -Infinity;
      for (const i of intercepts) {
        const cutoff = i.kind === 'intercept' ? CUTOFF : 10;
        const dilution = i.kind === 'intercept' ? D : 0;
        if (i.kind === 'intercept') {
          count++;
          expect(i.from).toBeGreaterThanOrEqual(previousTo);
          previousTo = i.to;
          expect(i.length).toBeGreaterThanOrEqual(MIN_LENGTH - 1e-9);
        } else {
          const parent = intercepts[i.parent!]!;
          expect(i.from >= parent.from && i.to <= parent.to).toBe(true);
        }
        const own = rows.filter((r) => r.from >= i.from - 1e-9 && r.to <= i.to + 1e-9);
        expect(own[0]!.from).toBe(i.from);
        expect(own[own.length - 1]!.to).toBe(i.to);
        expect(own[0]!.zn).toBeGreaterThanOrEqual(cutoff);
        expect(own[own.length - 1]!.zn).toBeGreaterThanOrEqual(cutoff);
        // waste runs: below-cutoff samples and the gaps between samples
        let run = 0;
        let metal = 0;
        let end = i.from;
        for (const r of own) {
          if (r.from > end + 0.001) run += r.from - end;
          if (r.zn >= cutoff) run = 0;
          else run += r.to - r.from;
          expect(run).toBeLessThanOrEqual(dilution + 1e-9);
          metal += r.zn * (r.to - r.from);
          end = r.to;
        }
        expect(i.grade).toBeCloseTo(metal / (i.to - i.from), 9);
        expect(i.grade).toBeGreaterThanOrEqual(cutoff - 1e-9);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('matches TRC20-002 worked by hand: nine 1.524 m samples from 44.196 m', () => {
    // Zn 7.44 13.16 10.09 8.94 6.95 7.86 5.75 11.08 13.64, all >= 3; 2.41 and 2.48 follow.
    // Equal lengths: Zn = 84.91 / 9 = 9.43444, Pb = 48.26 / 9 = 5.36222
    // including >= 10 with no dilution: 45.72-48.768 (13.16, 10.09) = 11.625 and 54.864-57.912 (11.08, 13.64)
    // = 12.36
    const { intercepts } = results.get('TRC20-002')!;
    expect(intercepts.map((i) => [i.kind, i.from, i.to])).toEqual([
      ['intercept', 44.196, 57.912],
      ['including', 45.72, 48.768],
      ['including', 54.864, 57.912],
    ]);
    const [main, inc1, inc2] = intercepts;
    expect(main!.length).toBeCloseTo(13.716, 9);
    expect(main!.grade).toBeCloseTo(84.91 / 9, 9);
    expect(main!.analyteGrades[1]).toBeCloseTo(48.26 / 9, 9);
    expect(main!.sampleCount).toBe(9);
    expect(inc1!.grade).toBeCloseTo(11.625, 9);
    expect(inc2!.grade).toBeCloseTo(12.36, 9);
  });

  it('matches TS005 worked by hand, across gaps and a below-cutoff sample', () => {
    // 23.96-24.38 6.1 | gap 0.77 | 25.15-26.18 1.4 | gap 0.15 | 26.33-26.64 4.4 | gap 0.06 | 26.70-28.22 5.1
    // | 28.22-28.96 5.5 | gap 0.06 | 29.02-29.96 7.1; then a gap and 0.6: the intercept ends at 29.96.
    // Longest waste run 0.77 + 1.03 + 0.15 = 1.95 <= 3.
    // Zn metal 0.42x6.1 + 1.03x1.4 + 0.31x4.4 + 1.52x5.1 + 0.74x5.5 + 0.94x7.1 = 23.864 over 6.00 m = 3.97733
    // Pb metal 0.42 + 0.515 + 0.403 + 1.368 + 0.888 + 1.316 = 4.91 / 6 = 0.81833
    // Ag: 26.33-26.64 has no Ag: counted at zero; of the 4.96 m of samples 4.65 m assayed; 9.7803 / 6 = 1.63005
    const { intercepts } = results.get('TS005')!;
    const main = intercepts.find((i) => i.from === 23.96)!;
    expect(main.to).toBe(29.96);
    expect(main.grade).toBeCloseTo(3.977333, 6);
    expect(main.analyteGrades[1]).toBeCloseTo(0.818333, 6);
    expect(main.analyteGrades[2]).toBeCloseTo(1.63005, 6);
    expect(main.wasteLength).toBeCloseTo(1.03, 9);
    expect(main.unsampledLength).toBeCloseTo(1.04, 9);
    expect(main.assayedLengths[2]).toBeCloseTo(4.65, 9);
    expect(main.assayedLengths[0]).toBeCloseTo(4.96, 9);
    expect(main.sampleCount).toBe(6);
  });
});
