// Gap warnings as a project setting (issue 11): off, only inside a sampled run, or every gap; and every
// interval message naming its row ("sample UW0013 (EUG-11-109 120.0-121.5 m)").
import { describe, expect, it } from 'vitest';
import {
  checkIntervals,
  DEFAULT_VALIDATION,
  defaultRunBreak,
  intervalName,
  sampleIntervals,
  type GapMode,
  type ValidationSettings,
} from '../../src/domain/validation/rules';

const hole = { id: 1, hole_id: 'EUG-11-109', eoh: 300, easting: 1, northing: 2, elevation: 1700 };
const settings = (sampleGaps?: GapMode, sampleRunBreak?: number): ValidationSettings => ({
  ...DEFAULT_VALIDATION,
  lengthUnit: 'm',
  ...(sampleGaps ? { sampleGaps } : {}),
  ...(sampleRunBreak ? { sampleRunBreak } : {}),
});
const sample = (
  id: number,
  from: number,
  to: number,
  sampleId: string | null = `UW${String(id).padStart(4, '0')}`,
) => ({
  id,
  depth_from: from,
  depth_to: to,
  sample_id: sampleId,
  sample_type: 'regular' as const,
});

// Two sampled runs: 100-110 m with a 0.5 m hole in it at 104.5-105, then 130-136 m after a 20 m break,
// with a 4 m gap at 132-136 inside the second run (a lost sample) and one of exactly 5 m.
const rows = [
  sample(1, 100, 102),
  sample(2, 102, 104.5),
  sample(3, 105, 107),
  sample(4, 107, 110),
  sample(5, 130, 132),
  sample(6, 136, 138),
  sample(7, 143, 144),
];

const gapRows = (mode?: GapMode, runBreak?: number) =>
  checkIntervals('samples', hole, sampleIntervals(rows), settings(mode, runBreak))
    .filter((p) => p.rule === 'interval-gap')
    .map((p) => p.row_id);

describe('gap warnings between samples', () => {
  it('warn only inside a sampled run by default: the 20 m break between runs is not a problem', () => {
    expect(gapRows()).toEqual([3, 6, 7]);
    expect(gapRows('inside-runs')).toEqual([3, 6, 7]);
  });

  it('warn every gap between samples in "all", none in "off"', () => {
    expect(gapRows('all')).toEqual([3, 5, 6, 7]);
    expect(gapRows('off')).toEqual([]);
  });

  it('split runs at the run break: a longer break than the setting ends a run', () => {
    expect(defaultRunBreak('m')).toBe(5);
    expect(defaultRunBreak('ft')).toBe(15);
    // With a 3 m break, the 4 m and 5 m gaps separate runs too.
    expect(gapRows('inside-runs', 3)).toEqual([3]);
    expect(gapRows('inside-runs', 25)).toEqual([3, 5, 6, 7]);
  });

  it('never warn above the first sample or below the last, in any mode', () => {
    for (const mode of ['off', 'inside-runs', 'all'] as const) {
      const found = checkIntervals('samples', hole, sampleIntervals([sample(1, 50, 51)]), settings(mode));
      expect(found).toEqual([]);
    }
  });

  it('warn every lithology gap whatever the setting: logging covers the whole hole', () => {
    const lithology = [
      { id: 1, depth_from: 0, depth_to: 10, label: 'lithology ARG' },
      { id: 2, depth_from: 40, depth_to: 50, label: 'lithology MS' },
    ];
    const found = checkIntervals('lithology', hole, lithology, settings('off'));
    expect(found.map((p) => p.message)).toEqual([
      'Gap of 30 m before lithology MS (EUG-11-109 40.0-50.0 m): nothing logged from 10 m to 40 m.',
    ]);
  });
});

describe('interval messages name their row', () => {
  it('gives the sample ID, hole and depths of a gap', () => {
    const found = checkIntervals(
      'samples',
      hole,
      sampleIntervals([sample(12, 105.5, 107), sample(13, 120, 121.5)]),
      settings('all'),
    );
    expect(found[0]?.message).toBe(
      'Gap of 13 m before sample UW0013 (EUG-11-109 120.0-121.5 m): nothing sampled from 107 m to 120 m.',
    );
  });

  it('names a sample without an ID by its hole and depths, not "Sample:"', () => {
    const found = checkIntervals(
      'samples',
      hole,
      sampleIntervals([sample(1, 142.50999, 143.50999, null), sample(2, 144, 145, null)]),
      settings(),
    );
    expect(found.map((p) => p.message)).toEqual([
      'Gap of 0.49 m before sample with no ID (EUG-11-109 144.0-145.0 m): nothing sampled from 143.51 m to 144 m.',
    ]);
  });

  it('names both rows of an overlap, and the row of a reversed or incomplete interval', () => {
    const found = checkIntervals(
      'samples',
      hole,
      [
        { id: 1, depth_from: 10, depth_to: 12, label: 'sample A1' },
        { id: 2, depth_from: 11.5, depth_to: 13, label: 'sample A2' },
        { id: 3, depth_from: 15, depth_to: 14, label: 'sample A3' },
        { id: 4, depth_from: 16, depth_to: null, label: 'sample A4' },
      ],
      settings(),
    );
    expect(found.map((p) => p.message).sort()).toEqual(
      [
        'Sample A4 (EUG-11-109 from 16.0 m) has no To depth; enter it or delete the row.',
        'Sample A3 (EUG-11-109 15.0-14.0 m): From 15 m is not less than To 14 m.',
        'Sample A2 (EUG-11-109 11.5-13.0 m) overlaps sample A1 (EUG-11-109 10.0-12.0 m) by 0.5 m.',
      ].sort(),
    );
  });

  it('prints depths with one to three decimals, in the project unit', () => {
    expect(intervalName('sample X', 'DH1', 120, 121.5, 'm')).toBe('sample X (DH1 120.0-121.5 m)');
    expect(intervalName('sample X', 'DH1', 1010, 1020.125, 'ft')).toBe('sample X (DH1 1010.0-1020.125 ft)');
  });
});
