// The demo project as a whole: deterministic, the programme's counts and totals, QA/QC inserts, readable
// lab text, and no validation errors under the rules every import must pass.
import { describe, expect, it } from 'vitest';
import { parseLabValue } from '../../src/domain/assay-values';
import { buildDemoProject, SEED_HOLES, type DemoProject } from '../../src/domain/demo/demo-project';
import type { LithologyRow, Problem, SampleRow, SurveyRow } from '../../src/domain/model';
import { checkDuplicateSampleIds, DEFAULT_VALIDATION, validateHole } from '../../src/domain/validation/rules';
import { checkSampleAssays } from '../../src/domain/validation/assay-checks';

const project = buildDemoProject();
const regular = project.samples.filter((s) => s.sample_type === 'regular');
const RADIANS = Math.PI / 180;

/** |d . n| sign: which way a hole heads relative to the horizon dipping 28.5 toward 315 (test's own maths). */
function approach(azimuth: number, dip: number): number {
  const d = [
    Math.cos(dip * RADIANS) * Math.sin(azimuth * RADIANS),
    Math.cos(dip * RADIANS) * Math.cos(azimuth * RADIANS),
    Math.sin(dip * RADIANS),
  ];
  const s = Math.sin(28.5 * RADIANS);
  const n = [s * Math.sin(315 * RADIANS), s * Math.cos(315 * RADIANS), Math.cos(28.5 * RADIANS)];
  return d[0]! * n[0]! + d[1]! * n[1]! + d[2]! * n[2]!;
}

/** Runs the project's validation rules over the demo, as the CLI's `validate` would. */
function validate(demo: DemoProject): Problem[] {
  const settings = { ...DEFAULT_VALIDATION, lengthUnit: 'm' as const };
  const problems: Problem[] = [];
  let id = 1;
  const ids: { sample_id: string; hole_id: string; row_id: number }[] = [];
  demo.holes.forEach((hole, holeIndex) => {
    const holeNo = holeIndex + 1;
    const surveys: SurveyRow[] = demo.surveys
      .filter((s) => s.hole_id === hole.hole_id)
      .map((s) => ({ ...s, id: id++, hole: holeNo, comments: null }));
    const samples: SampleRow[] = demo.samples
      .filter((s) => s.hole_id === hole.hole_id)
      .map((s) => {
        const rowId = id++;
        ids.push({ sample_id: s.sample_id, hole_id: s.hole_id, row_id: rowId });
        const unitOf = (code: string) => demo.analytes.find((a) => a.code === code)!.unit;
        const results = s.assays.map((a) => ({
          analyte: a.analyte,
          unit: unitOf(a.analyte),
          lab_text: a.lab_text,
          ...parseLabValue(a.lab_text, { negativeIsBelowDetection: false }),
        }));
        problems.push(...checkSampleAssays(hole.hole_id, rowId, `Sample ${s.sample_id}`, results));
        const { assays: _assays, hole_id: _holeId, ...row } = s;
        return { ...row, id: rowId, hole: holeNo };
      });
    const lithology: LithologyRow[] = demo.lithology
      .filter((l) => l.hole_id === hole.hole_id)
      .map(({ hole_id: _holeId, ...l }) => ({ ...l, id: id++, hole: holeNo, comments: null }));
    problems.push(...validateHole({ hole: { ...hole, id: holeNo }, surveys, samples, lithology }, settings));
  });
  problems.push(...checkDuplicateSampleIds(ids));
  return problems;
}

describe('demo project', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(buildDemoProject(2011)).toEqual(project);
    const other = buildDemoProject(7);
    expect(other.samples).not.toEqual(project.samples);
    expect(other.holes.length).toBe(76);
  });

  it('has the programme of the release: 76 holes, 7 stations, 14,133.4 m', () => {
    expect(project.holes).toHaveLength(76);
    const ids = project.holes.map((h) => h.hole_id);
    expect(new Set(ids).size).toBe(76);
    expect(ids[0]).toBe('EUG-10-033');
    expect(ids[75]).toBe('EUG-11-109');
    for (const id of ids) expect(id).toMatch(/^EUG-1[01]-\d{3}$/);
    expect(new Set(project.holes.map((h) => h.station)).size).toBe(7);
    const decimetres = project.holes.map((h) => h.eoh! * 10);
    for (const d of decimetres) expect(Math.abs(d - Math.round(d))).toBeLessThan(1e-6);
    expect(decimetres.reduce((sum, d) => sum + Math.round(d), 0)).toBe(141_334);
    for (const seed of SEED_HOLES) expect(ids).toContain(seed);
  });

  it('drills from November 2010 to July 2011, with the 2010 prefix on 2010 holes', () => {
    const starts = project.holes.map((h) => h.started_on!);
    const ends = project.holes.map((h) => h.completed_on!);
    expect(starts[0]!.startsWith('2010-11')).toBe(true);
    expect(ends[75]!.startsWith('2011-07')).toBe(true);
    project.holes.forEach((h, i) => {
      expect(h.started_on! <= h.completed_on!).toBe(true);
      if (i > 0) expect(h.started_on! >= ends[i - 1]!).toBe(true);
      expect(h.completed_on!.slice(2, 4)).toBe(h.hole_id.slice(4, 6));
      expect(h.hole_type).toBe('DD');
      expect(h.program).toBe('2011 Lower E Zone underground');
    });
  });

  it('drills fans from each station, up-holes included, every hole heading toward its lens', () => {
    const byStation = new Map<string, typeof project.holes>();
    for (const h of project.holes) byStation.set(h.station!, [...(byStation.get(h.station!) ?? []), h]);
    for (const holes of byStation.values()) {
      const e = holes.map((h) => h.easting!);
      const n = holes.map((h) => h.northing!);
      expect(Math.max(...e) - Math.min(...e)).toBeLessThan(4);
      expect(Math.max(...n) - Math.min(...n)).toBeLessThan(4);
      expect(new Set(holes.map((h) => Math.round(h.azimuth! / 10))).size).toBeGreaterThan(2);
    }
    const up = project.holes.filter((h) => h.dip! > 0);
    expect(up.length).toBeGreaterThanOrEqual(5);
    expect(up.map((h) => h.hole_id)).toEqual(
      expect.arrayContaining(['EUG-11-058', 'EUG-11-065', 'EUG-11-099']),
    );
    for (const h of project.holes) {
      const toward = approach(h.azimuth!, h.dip!);
      // Up-holes cross a lens above the level (moving along +n), down-holes one below (along -n).
      expect(h.dip! > 0 ? toward : -toward).toBeGreaterThan(0.3);
    }
  });

  it('inserts blanks, standards and field duplicates about one in twenty each', () => {
    const count = (type: string) => project.samples.filter((s) => s.sample_type === type).length;
    for (const type of ['blank', 'standard', 'duplicate']) {
      expect(count(type) / regular.length).toBeGreaterThan(0.04);
      expect(count(type) / regular.length).toBeLessThan(0.06);
    }
    const byId = new Map(project.samples.map((s) => [s.sample_id, s]));
    for (const s of project.samples) {
      if (s.sample_type === 'blank' || s.sample_type === 'standard') {
        expect([s.depth_from, s.depth_to, s.density]).toEqual([null, null, null]);
      }
      if (s.sample_type === 'standard') expect(s.standard_code).toMatch(/^CDN-/);
      if (s.sample_type === 'duplicate') {
        const parent = byId.get(s.parent_sample_id!)!;
        expect(parent.sample_type).toBe('regular');
        expect([parent.hole_id, parent.depth_from, parent.depth_to]).toEqual([
          s.hole_id,
          s.depth_from,
          s.depth_to,
        ]);
        const zn = (x: typeof s) => Number(x.assays[0]!.lab_text.replace('<', ''));
        expect(Math.abs(zn(s) - zn(parent))).toBeLessThanOrEqual(0.05 + 0.3 * zn(parent));
      }
      if (s.sample_type === 'regular') {
        expect(s.density).toBeGreaterThanOrEqual(2.6);
        expect(s.density).toBeLessThanOrEqual(4.4);
      }
    }
    const sulphide = regular.filter((s) => Number(s.assays[0]!.lab_text.replace('<', '')) > 12);
    expect(Math.min(...sulphide.map((s) => s.density!))).toBeGreaterThan(3.2);
  });

  it('reports every result as Acme lab text that parses, with unique seven-digit sample IDs', () => {
    const ids = project.samples.map((s) => s.sample_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^0\d{6}$/);
    let belowDetection = 0;
    for (const s of project.samples) {
      expect(s.assays.map((a) => a.analyte)).toEqual(['Zn', 'Pb']);
      for (const a of s.assays) {
        const parsed = parseLabValue(a.lab_text, { negativeIsBelowDetection: false });
        expect(['value', 'bdl']).toContain(parsed.flag);
        if (parsed.flag === 'bdl') belowDetection++;
        expect(a.lab_text).toMatch(/^(<0\.01|\d+\.\d\d)$/);
        expect(a.lab).toBe('Acme Analytical Laboratories (Vancouver)');
        expect(a.certificate).toMatch(/^VAN1[01]\d{6}$/);
      }
    }
    expect(belowDetection).toBeGreaterThan(0);
  });

  it('uses only codes from its lookups', () => {
    const codes = (list: string) =>
      new Set(project.lookups.filter((l) => l.list === list).map((l) => l.code));
    for (const l of project.lithology) expect(codes('lithology').has(l.code)).toBe(true);
    for (const s of project.surveys) expect(codes('survey_method').has(s.method!)).toBe(true);
    for (const h of project.holes) expect(codes('hole_type').has(h.hole_type!)).toBe(true);
    expect(project.presets.map((p) => p.name)).toContain('lower-e-zone-2011');
  });

  it('logs lithology end to end in every hole', () => {
    for (const hole of project.holes) {
      const units = project.lithology.filter((l) => l.hole_id === hole.hole_id);
      expect(units[0]!.depth_from).toBe(0);
      expect(units[units.length - 1]!.depth_to).toBe(hole.eoh);
      units.slice(1).forEach((u, i) => expect(u.depth_from).toBe(units[i]!.depth_to));
    }
  });

  it('passes validation: no errors; dogleg warnings only on EUG-11-038; gaps only between sampled stretches', () => {
    const problems = validate(project);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warned = (rule: string) => [
      ...new Set(problems.filter((p) => p.rule === rule).map((p) => p.hole_id)),
    ];
    expect(warned('survey-dogleg')).toEqual(['EUG-11-038']);
    const others = problems.filter((p) => !['survey-dogleg', 'interval-gap'].includes(p.rule));
    expect(others).toEqual([]);
    // Unsampled core between two sampled stretches: expected in holes that cross two lenses.
    for (const p of problems.filter((x) => x.rule === 'interval-gap')) expect(p.table).toBe('samples');
  });

  it('passes validation for other seeds too', () => {
    for (const seed of [1, 42, 9001]) {
      expect(validate(buildDemoProject(seed)).filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});
