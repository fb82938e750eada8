// Composites restarted at domains in a hole with no recorded end: where the samples stop inside a logged
// domain, the last cell of that domain must not run past the domain's end into core logged otherwise
// (found on Copper Creek CA-2R: samples end at 48.77 inside mgp 47.24-49.07, pqd below).
import { describe, expect, it } from 'vitest';
import { compositeHole, type CompositeSettings } from '../../src/domain/compositing/fixed-length-composites';
import { holeSamplesFromRows } from '../../src/domain/compositing/hole-samples';

const settings: CompositeSettings = {
  length: 10,
  anchor: 'collar',
  residual: 'keep',
  missing: 'exclude',
  belowDetection: 'half',
  weighting: 'length',
};

describe('composites at the end of the data, restarting at domains', () => {
  const samples = holeSamplesFromRows(
    'CA-2R',
    ['Cu'],
    [
      { from: 40, to: 47.24, results: { Cu: 0.5 } },
      { from: 47.24, to: 48.77, results: { Cu: 0.22 } },
    ],
  );
  const domains = [
    { from: 40, to: 47.24, code: 'pqd' },
    { from: 47.24, to: 49.07, code: 'mgp' },
    { from: 49.07, to: 54.86, code: 'pqd' },
  ];

  it('stops the last cell at the end of its domain', () => {
    const result = compositeHole({ samples, eoh: null, domains }, settings);
    const last = result.composites[result.composites.length - 1]!;
    expect([last.from, last.to, last.domain, last.sampledLength]).toEqual([
      47.24,
      49.07,
      'mgp',
      48.77 - 47.24,
    ]);
    expect(last.values[0]).toBeCloseTo(0.22, 12);
  });

  it('keeps the grid end when nothing is logged past the data (the pygslib rule)', () => {
    const result = compositeHole({ samples, eoh: null, domains: domains.slice(0, 1) }, settings);
    const last = result.composites[result.composites.length - 1]!;
    // The samples run past the logged pqd into unlogged core: that cell has no domain and no known end.
    expect([last.from, last.to, last.domain]).toEqual([47.24, 57.24, null]);
  });
});
