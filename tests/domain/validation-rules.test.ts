import { describe, expect, it } from 'vitest';
import {
  checkCollar,
  checkIntervals,
  checkSurveys,
  DEFAULT_VALIDATION,
} from '../../src/domain/validation/rules';
import { checkSampleAssays } from '../../src/domain/validation/assay-checks';
import type { SurveyRow } from '../../src/domain/model';

const settings = { ...DEFAULT_VALIDATION, lengthUnit: 'm' as const };
const hole = { id: 1, hole_id: 'DH001', eoh: 50, easting: 1, northing: 2, elevation: 300 };
const interval = (id: number, from: number | null, to: number | null) => ({
  id,
  depth_from: from,
  depth_to: to,
  label: `Sample S${id}`,
});

describe('interval rules', () => {
  it('finds overlaps, gaps, reversed intervals and depths past the end of hole', () => {
    const problems = checkIntervals(
      'samples',
      hole,
      [interval(1, 0, 10), interval(2, 9.5, 12), interval(3, 13, 12.5), interval(4, 14, 51)],
      settings,
    );
    const rules = problems.map((p) => `${p.rule}:${p.row_id}`).sort();
    expect(rules).toEqual(
      ['interval-gap:4', 'interval-order:3', 'interval-overlap:2', 'past-end-of-hole:4'].sort(),
    );
    const overlap = problems.find((p) => p.rule === 'interval-overlap');
    expect(overlap?.message).toContain('by 0.5 m');
    expect(overlap?.severity).toBe('error');
  });

  it('catches an interval nested inside an earlier long one', () => {
    const problems = checkIntervals(
      'samples',
      hole,
      [interval(1, 0, 20), interval(2, 5, 6), interval(3, 6, 7)],
      settings,
    );
    expect(problems.filter((p) => p.rule === 'interval-overlap').map((p) => p.row_id)).toEqual([2, 3]);
  });

  it('treats touching intervals and rounding noise as continuous', () => {
    expect(
      checkIntervals('samples', hole, [interval(1, 0, 1.1), interval(2, 1.1000001, 2)], settings),
    ).toEqual([]);
  });

  it('flags a missing depth instead of guessing it', () => {
    const [only] = checkIntervals('samples', hole, [interval(1, 3, null)], settings);
    expect(only?.rule).toBe('interval-missing-depth');
    expect(only?.column).toBe('depth_to');
  });
});

describe('survey rules', () => {
  const survey = (id: number, depth: number, azimuth: number, dip: number): SurveyRow => ({
    id,
    hole: 1,
    depth,
    azimuth,
    dip,
    method: null,
    comments: null,
  });
  it('warns on a sharp bend and refuses duplicate depths', () => {
    const problems = checkSurveys(
      { ...hole, eoh: 100 },
      [survey(1, 0, 90, -60), survey(2, 30, 90, -50), survey(3, 30, 90, -50), survey(4, 60, 91, -50)],
      settings,
    );
    expect(problems.map((p) => p.rule)).toEqual(['survey-dogleg', 'survey-duplicate-depth']);
    expect(problems[0]?.message).toContain('10.0 deg per 30 m');
  });

  it('reports the true severity of a bend between close stations (2.5 deg in 3 m is 25 deg per 30 m)', () => {
    const problems = checkSurveys(
      { ...hole, eoh: 100 },
      [survey(1, 10, 90, -60), survey(2, 13, 90, -57.5)],
      settings,
    );
    expect(problems.map((p) => p.rule)).toEqual(['survey-dogleg']);
    expect(problems[0]?.message).toContain('25.0 deg per 30 m');
    expect(problems[0]?.message).toContain('2.5 deg in 3 m');
    expect(problems[0]?.message).toContain('between 10 m and 13 m');
  });

  it('scales to 100 ft in a feet project', () => {
    const problems = checkSurveys(
      { ...hole, eoh: 1000 },
      [survey(1, 100, 90, -60), survey(2, 110, 90, -58)],
      { ...settings, lengthUnit: 'ft' },
    );
    expect(problems[0]?.message).toContain('20.0 deg per 100 ft');
  });

  it('keeps reading noise of dense gyro stations quiet: bends under the minimum angle are not warned', () => {
    expect(DEFAULT_VALIDATION.doglegMinAngle).toBe(1);
    // 0.5 deg in 1 m would be 15 deg per 30 m, but half a degree is within a gyro's reading accuracy.
    const noisy = checkSurveys(
      { ...hole, eoh: 100 },
      [survey(1, 10, 90, -60), survey(2, 11, 90, -59.5), survey(3, 12, 90, -60)],
      settings,
    );
    expect(noisy).toEqual([]);
    // A steady flattening of 1 deg every 3 m (10 deg per 30 m) is a real bend, warned on each step.
    const bending = checkSurveys(
      { ...hole, eoh: 100 },
      [survey(1, 10, 90, -60), survey(2, 13, 90, -59), survey(3, 16, 90, -58)],
      settings,
    );
    expect(bending.map((p) => p.message.split(' between')[0])).toEqual([
      'Bend of 10.0 deg per 30 m (1 deg in 3 m)',
      'Bend of 10.0 deg per 30 m (1 deg in 3 m)',
    ]);
  });
});

describe('collar rules', () => {
  it('wants easting and northing, then an elevation, and says what to enter', () => {
    expect(checkCollar(hole)).toEqual([]);
    const none = checkCollar({ ...hole, easting: null, northing: null, elevation: null });
    expect(none.map((p) => [p.rule, p.column, p.message])).toEqual([
      [
        'collar-missing',
        'easting',
        'Hole DH001 has no collar coordinates; enter its easting and northing and elevation.',
      ],
    ]);
    const flat = checkCollar({ ...hole, elevation: null });
    expect(flat.map((p) => [p.rule, p.severity, p.table, p.column])).toEqual([
      ['collar-elevation-missing', 'error', 'holes', 'elevation'],
    ]);
    expect(flat[0]!.message).toMatch(/^Hole DH001 has no collar elevation; enter it \(RL, Z\)/);
  });
});

describe('assay rules', () => {
  it('flags unreadable text, percent over 100 and a percent sum over 100', () => {
    const problems = checkSampleAssays('DH001', 7, 'Sample A1', [
      { analyte: 'Zn', unit: '%', value: 60, flag: 'value', lab_text: '60' },
      { analyte: 'Pb', unit: '%', value: 45, flag: 'value', lab_text: '45' },
      { analyte: 'Ag', unit: 'ppm', value: 500, flag: 'value', lab_text: '500' },
      { analyte: 'Cu', unit: '%', value: null, flag: 'invalid', lab_text: 'abc' },
    ]);
    expect(problems.map((p) => p.rule)).toEqual(['assay-unreadable', 'assay-percent-sum']);
    expect(problems[1]?.message).toContain('105 %');
  });

  it('flags a below-detection limit over 100 % (or 1,000,000 ppm) as an error naming sample, analyte, value', () => {
    const problems = checkSampleAssays('DH001', 7, 'Sample A1', [
      { analyte: 'Cu', unit: '%', value: 5000, flag: 'bdl', lab_text: '-5000' },
      { analyte: 'Ag', unit: 'ppm', value: 2_000_000, flag: 'bdl', lab_text: '<2000000' },
      { analyte: 'Au', unit: 'ppb', value: 5000, flag: 'bdl', lab_text: '-5000' },
      { analyte: 'Zn', unit: '%', value: 0.01, flag: 'bdl', lab_text: '-0.01' },
    ]);
    expect(problems.map((p) => [p.rule, p.severity, p.table, p.column])).toEqual([
      ['assay-implausible-limit', 'error', 'assays', 'Cu'],
      ['assay-implausible-limit', 'error', 'assays', 'Ag'],
    ]);
    expect(problems[0]!.message).toBe(
      'Sample A1 Cu: "-5000" would mean below a detection limit of 5,000 %, more than 100 %, so it cannot be a detection limit. If it means no result, add it to the project\'s missing-value codes (setting assays.missing_sentinels, see drillbench settings); otherwise correct the result.',
    );
    expect(problems[1]!.message).toContain("Correct the result, or the analyte's unit.");
  });
});
