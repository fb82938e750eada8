// Display precision of the grids: the decimals a number was written with (single-precision artefacts
// read as the number meant), a column's decimals, and the text shown for numbers and lab results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnDecimals,
  displayLabText,
  displayNumber,
  valueDecimals,
} from '../../src/domain/entry/display-precision';

describe('valueDecimals', () => {
  it('counts the decimals a person typed', () => {
    expect(valueDecimals(145)).toBe(0);
    expect(valueDecimals(12.5)).toBe(1);
    expect(valueDecimals(143.72)).toBe(2);
    expect(valueDecimals(4.572)).toBe(3);
    expect(valueDecimals(-26)).toBe(0);
    expect(valueDecimals(0.005)).toBe(3);
  });

  it('reads float32 values printed to 8 or 9 digits as the number meant (Forrestania, Babbitt)', () => {
    expect(valueDecimals(142.50999)).toBe(2);
    expect(valueDecimals(143.50999)).toBe(2);
    expect(valueDecimals(-60.549999)).toBe(2);
    expect(valueDecimals(-59.700001)).toBe(1);
    expect(valueDecimals(168.60001)).toBe(1);
    expect(valueDecimals(0.0299999993)).toBe(2);
    expect(valueDecimals(0.0799999982)).toBe(2);
    // A float32 stored whole in a double: every binary digit written out.
    expect(valueDecimals(Math.fround(142.51))).toBe(2);
  });

  it('keeps the decimals of large coordinates whose digits a float32 cannot hold', () => {
    expect(valueDecimals(7003666.75)).toBe(2);
    expect(valueDecimals(2296021.09)).toBe(2);
    expect(valueDecimals(414095.85)).toBe(2);
    expect(valueDecimals(12345678.37)).toBe(2);
    expect(valueDecimals(550082.15)).toBe(2);
  });

  it('stops at 6 decimals for numbers with noise past them', () => {
    expect(valueDecimals(5962.170594488526)).toBe(6);
    expect(valueDecimals(1 / 3)).toBe(6);
  });

  it('never hides a digit of a number typed with up to 6 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (units, decimals) => {
        const value = units / 10 ** decimals;
        const shown = displayNumber(value);
        // Unless the number reads as a float32 artefact (8 or 9 digits ending in 9999 or 0001), what is
        // shown reads back as the stored value.
        if (Number(shown) !== value) {
          expect(Math.abs(Number(shown) - value)).toBeLessThanOrEqual(Math.abs(value) * 2 ** -23);
        }
      }),
    );
  });
});

describe('columnDecimals', () => {
  it('is the decimals of all but the odd value in a hundred', () => {
    expect(columnDecimals([145, 146.5, 147.25, null])).toBe(2);
    const depths = Array.from({ length: 200 }, (_, i) => i + 0.25);
    expect(columnDecimals([...depths, 243.754])).toBe(2);
    expect(columnDecimals([...depths.slice(0, 50), 243.754])).toBe(3);
    expect(columnDecimals([])).toBe(0);
  });
});

describe('displayNumber', () => {
  it('shows a number as written, at least to the column’s decimals', () => {
    expect(displayNumber(142.50999)).toBe('142.51');
    expect(displayNumber(145, { written: 2 })).toBe('145.00');
    expect(displayNumber(243.754, { written: 2 })).toBe('243.754');
    expect(displayNumber(-60.549999, { written: 0 })).toBe('-60.55');
  });

  it('rounds half away from zero to the decimals set for the column', () => {
    expect(displayNumber(142.50999, { decimals: 1, written: 2 })).toBe('142.5');
    expect(displayNumber(144.38, { decimals: 1 })).toBe('144.4');
    expect(displayNumber(1.005, { decimals: 2 })).toBe('1.01');
    expect(displayNumber(-0.004, { decimals: 2 })).toBe('0.00');
    expect(displayNumber(7003666.75, { decimals: 0 })).toBe('7003667');
  });
});

describe('displayLabText', () => {
  it('shows the lab’s text, a float32 artefact as the number meant', () => {
    expect(displayLabText('0.50', 0.5, true)).toBe('0.50');
    expect(displayLabText('<0.01', 0.01, false)).toBe('<0.01');
    expect(displayLabText('NS', null, false)).toBe('NS');
    expect(displayLabText('0.0299999993', 0.0299999993, true)).toBe('0.03');
    expect(displayLabText('142.50999', 142.50999, true)).toBe('142.51');
  });

  it('rounds measured values to a column setting and leaves limits and codes as the lab wrote them', () => {
    expect(displayLabText('0.005', 0.005, true, 2)).toBe('0.01');
    expect(displayLabText('22', 22, true, 2)).toBe('22.00');
    expect(displayLabText('<0.005', 0.005, false, 2)).toBe('<0.005');
    expect(displayLabText('-0.005', 0.005, false, 2)).toBe('-0.005');
    expect(displayLabText('IS', null, false, 2)).toBe('IS');
  });
});
