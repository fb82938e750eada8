// The published pygslib reference (Tutorial 1, BABBITT, feet): CU missing set to 0, 10 ft composites from
// depth 0, tails under 5 ft dropped -> 54,189 composites, the last RMC-66313 1010-1020 with _len 7.0.
//
// What those numbers mean. pygslib's `_len` is the length of assay-table intervals inside the cell after
// the tutorial set every empty CU to 0: it counts intervals nobody assayed. RMC-66313 has one assay row,
// 0-1017 with every column empty, so its last composite's 7.0 ft is 7 ft of never-assayed core counted
// at zero. We reproduce the count and the 7.0 ft as `sampledLength` and `analyteLengths`, and the test
// also states the honest part: `assayedLengths` is 0 there. The cell reads 1010-1020 because the data
// set records no end of hole, so the grid end stands (see fixed-length-composites.ts).
import { describe, expect, it } from 'vitest';
import { compositeHole, type Composite } from '../../src/domain/compositing/fixed-length-composites';
import { HoleSamplesBuffer } from '../../src/domain/compositing/hole-samples';
import { groupBy, readCsv } from './dataset-csv';

describe('BABBITT fixed-length composites (pygslib reference)', () => {
  it('gives 54,189 composites ending with RMC-66313 1010-1020, 7.0 ft sampled, none of it assayed', () => {
    const holes = groupBy(readCsv('babbitt/assay_BABBITT.csv'), 'BHID');
    // pygslib groups by BHID in sorted order; the last composite is the last hole's.
    const ids = [...holes.keys()].sort();
    const buffer = new HoleSamplesBuffer(['CU'], 1024);
    const all: { holeId: string; composite: Composite }[] = [];
    let unassayedRows = 0;
    for (const id of ids) {
      buffer.reset(id);
      const rows = [...holes.get(id)!].sort((a, b) => Number(a.FROM) - Number(b.FROM));
      for (const row of rows) {
        const i = buffer.addSample(Number(row.FROM), Number(row.TO), null);
        if (row.CU === '') unassayedRows++;
        else buffer.setResult(i, 0, Number(row.CU), 'value');
      }
      const result = compositeHole(
        { samples: buffer, eoh: null },
        {
          length: 10,
          anchor: 'collar',
          residual: 'drop-short',
          missing: 'zero',
          belowDetection: 'half',
          weighting: 'length',
        },
      );
      expect(result.refused).toBeNull();
      for (const composite of result.composites) all.push({ holeId: id, composite });
    }
    expect(ids.length).toBe(399);
    expect(unassayedRows).toBe(35616 - 23685); // README: CU non-null in 23,685 of 35,616 rows

    expect(all.length).toBe(54189);
    const last = all[all.length - 1]!;
    expect(last.holeId).toBe('RMC-66313');
    expect([last.composite.from, last.composite.to]).toEqual([1010, 1020]);
    expect(last.composite.sampledLength).toBeCloseTo(7.0, 9);
    expect(last.composite.analyteLengths[0]).toBeCloseTo(7.0, 9);
    expect(last.composite.values[0]).toBe(0);
    // The honest part: not one foot of it was assayed.
    expect(last.composite.assayedLengths[0]).toBe(0);

    // With missing results excluded instead, drop-short is judged on each analyte's assayed length: no
    // CU rests on 5 ft of this hole, so it has no composite at all.
    const excluded = compositeHole(
      { samples: buffer, eoh: null },
      {
        length: 10,
        anchor: 'collar',
        residual: 'drop-short',
        missing: 'exclude',
        belowDetection: 'half',
        weighting: 'length',
      },
    ).composites;
    expect(excluded).toEqual([]);
  });
});
