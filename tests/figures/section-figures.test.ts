// The plan map and cross-section options built from small hand-made data: what is drawn, where, in which
// colour class, at an equal scale; and the SVG a report gets, read as text.
import { describe, expect, it } from 'vitest';
import type { RunIntervals, TraceSet } from '../../src/api/section-types';
import { HoleTracesBuilder } from '../../src/domain/sections/hole-traces';
import {
  crossSectionOption,
  MAX_LABELS,
  sectionCaption,
  sectionFigureInput,
} from '../../src/figures/cross-section';
import { equalScaleRanges } from '../../src/figures/equal-scale';
import { svgOfOption } from '../../src/figures/figure-svg';
import { classOf, gradeClasses } from '../../src/figures/grade-classes';
import { PLAN_GRID, planMapInput, planMapOption } from '../../src/figures/plan-map';

const RAD = Math.PI / 180;
const size = { width: 900, height: 600 };

/** Three holes on an east-west line at y = 0: vertical, dipping east at 45, and one far north. */
function traceSet(): TraceSet {
  const builder = new HoleTracesBuilder();
  builder.add('DH-1', { xyz: [0, 0, 100, 0, 0, 0], depth: [0, 100] });
  const d = 100 * Math.SQRT1_2;
  builder.add('DH-2', { xyz: [50, 0, 100, 50 + d, 0, 100 - d], depth: [0, 100] });
  builder.add('DH-3', { xyz: [0, 500, 100, 0, 500, 0], depth: [0, 100] });
  return {
    lengthUnit: 'm',
    coordinateSystem: null,
    holeCount: 4,
    traces: builder.finish(),
    tolerance: 0.25,
    straight: [],
    collarOnly: [],
    missing: [{ holeId: 'DH-4', reason: 'no collar elevation' }],
  };
}

function intervals(): RunIntervals {
  return {
    runId: 1,
    kind: 'intercepts',
    lengthUnit: 'm',
    gradeLabel: 'Zn+Pb',
    gradeUnit: '%',
    analytes: ['Zn', 'Pb'],
    plane: { dip: 28.5, dipDirection: 315 },
    holeIds: ['DH-1', 'DH-2', 'DH-3'],
    hole: [0, 1, 1, 2],
    from: [40, 20, 22, 10],
    to: [50, 30, 24, 20],
    grade: [2, 10, 20, 5],
    gradeLength: [20, 100, 40, 50],
    trueThickness: [8, 6, 1, 9],
    including: [0, 0, 1, 0],
    total: 4,
  };
}

type AnySeries = { type: string; name?: string; data: unknown[]; itemStyle?: { color?: string } };

describe('equal scale', () => {
  it('gives one unit the same number of pixels across and up, exaggerated when asked', () => {
    const box = { width: 650, height: 500 };
    const r = equalScaleRanges({ xmin: 0, xmax: 1000, ymin: 0, ymax: 100 }, box);
    expect((r.x[1] - r.x[0]) / box.width).toBeCloseTo((r.y[1] - r.y[0]) / box.height, 9);
    expect(r.x[0]).toBeLessThan(0);
    const twice = equalScaleRanges({ xmin: 0, xmax: 1000, ymin: 0, ymax: 100 }, box, 2);
    expect((twice.x[1] - twice.x[0]) / box.width).toBeCloseTo(
      (2 * (twice.y[1] - twice.y[0])) / box.height,
      9,
    );
  });
});

describe('grade classes', () => {
  it('cuts at rounded quantiles and labels each class', () => {
    const classes = gradeClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10.37], 5);
    expect(classes.limits).toEqual([3, 5, 7, 9]);
    expect(classes.labels).toEqual(['< 3', '3 - 5', '5 - 7', '7 - 9', '>= 9']);
    expect(classOf(classes, 2.99)).toBe(0);
    expect(classOf(classes, 9)).toBe(4);
    expect(classOf(classes, null)).toBe(-1);
    expect(gradeClasses([4, 4, 4]).labels).toEqual(['all']);
  });
});

describe('plan map', () => {
  const option = planMapOption(planMapInput(traceSet(), intervals(), null, size));
  const series = option.series as AnySeries[];

  it('draws a trace and a collar per hole and a pierce point per intercept, "including" rows left out', () => {
    // Flat: [count, x, y, ...] per hole, two vertices each.
    expect(series.find((s) => s.name === 'Traces')!.data).toHaveLength(3 * 5);
    expect(series.find((s) => s.name === 'Collars')!.data).toHaveLength(3);
    const pierces = series.filter((s) => s.type === 'scatter' && !['Collars', 'Hole IDs'].includes(s.name!));
    const points = pierces.flatMap((s) => s.data as number[][]);
    expect(points).toHaveLength(3);
    // DH-2's intercept 20-30 m: mid-depth 25 m, 17.68 m east of its collar.
    const dh2 = points.find((p) => p[2] === 100)!;
    expect(dh2[0]).toBeCloseTo(50 + 25 * Math.SQRT1_2, 9);
    expect(dh2[1]).toBeCloseTo(0, 9);
    // The richest (grade x length 100) is in the hottest class drawn.
    const hottest = pierces.find((s) => (s.data as number[][]).some((p) => p[2] === 100))!;
    const coolest = pierces.find((s) => (s.data as number[][]).some((p) => p[2] === 20))!;
    expect(hottest.itemStyle!.color).not.toBe(coolest.itemStyle!.color);
  });

  it('keeps easting and northing at one scale', () => {
    const x = option.xAxis as { min: number; max: number };
    const y = option.yAxis as { min: number; max: number };
    const width = size.width - PLAN_GRID.left - PLAN_GRID.right;
    const height = size.height - PLAN_GRID.top - PLAN_GRID.bottom;
    expect((x.max - x.min) / width).toBeCloseTo((y.max - y.min) / height, 9);
  });

  it('draws the section line and its slab, and writes hole IDs and the legend into the SVG', () => {
    const line = { start: { x: -50, y: 0 }, end: { x: 200, y: 0 }, halfWidth: 20 };
    const withLine = planMapOption(planMapInput(traceSet(), intervals(), line, size));
    const section = (withLine.series as AnySeries[]).find((s) => s.name === 'Section')!;
    expect(section.data).toHaveLength(2);
    const svg = svgOfOption(withLine, size);
    for (const text of [
      'DH-1',
      'DH-2',
      'DH-3',
      'Easting (m)',
      'Northing (m)',
      'Zn+Pb x length (% m)',
      '>A<',
      '>B<',
    ])
      expect(svg).toContain(text);
  });
});

describe('cross-section', () => {
  const line = { start: { x: -50, y: 0 }, end: { x: 200, y: 0 }, halfWidth: 20 };
  const input = sectionFigureInput(traceSet(), intervals(), line, { size });

  it('keeps the holes in the slab and places each intercept by its depths', () => {
    expect(input.traces.map((t) => t.hole)).toEqual(['DH-1', 'DH-2']);
    expect(input.collars).toEqual([
      { hole: 'DH-1', along: 50, elevation: 100 },
      { hole: 'DH-2', along: 100, elevation: 100 },
    ]);
    // Labels at the ends, apart where holes fan from one collar.
    expect(
      input.holeLabels.map((h) => [h.hole, Number(h.along.toFixed(2)), Number(h.elevation.toFixed(2))]),
    ).toEqual([
      ['DH-1', 50, 0],
      ['DH-2', 170.71, 29.29],
    ]);
    const dh2 = input.bars.find((b) => b.hole === 'DH-2' && !b.including)!;
    expect(dh2.along[0]).toBeCloseTo(100 + 20 * Math.SQRT1_2, 9);
    expect(dh2.elevation[0]).toBeCloseTo(100 - 20 * Math.SQRT1_2, 9);
    expect(dh2.elevation.at(-1)).toBeCloseTo(100 - 30 * Math.SQRT1_2, 9);
    expect(dh2.text).toBe('10 m @ 10 % Zn+Pb');
    expect(input.bars.filter((b) => b.hole === 'DH-3')).toEqual([]);
  });

  it('draws the true-thickness plane through each intercept at its apparent dip', () => {
    // Section azimuth 090 against a plane dipping 28.5 to 315: atan(tan 28.5 |cos 225|) = 21.0 deg, and
    // the plane rises towards B (east) because it dips to the north-west.
    expect(input.planes).toHaveLength(2);
    const [[a0, z0], [a1, z1]] = input.planes[0]!;
    const expected = Math.atan(Math.tan(28.5 * RAD) * Math.cos(45 * RAD)) / RAD;
    expect(Math.atan2(z1 - z0, a1 - a0) / RAD).toBeCloseTo(expected, 9);
    expect(input.planeLabel).toBe('Plane 28.5 to 315, apparent dip 21.0');
    // Through the middle of DH-1's intercept (45 m down at along 50).
    expect((a0 + a1) / 2).toBeCloseTo(50, 9);
    expect((z0 + z1) / 2).toBeCloseTo(55, 9);
  });

  it('labels holes and intercepts in the SVG, and says which way the section looks', () => {
    const option = crossSectionOption(input);
    const svg = svgOfOption(option, size);
    for (const text of [
      'DH-1',
      'DH-2',
      '10 m @ 10 % Zn+Pb',
      '10 m @ 2 % Zn+Pb',
      'Elevation (m)',
      '>A<',
      '>B<',
    ])
      expect(svg).toContain(text);
    expect(sectionCaption(input.frame, 'm')).toBe(
      'A-B azimuth 090, looking 000, 250 m long, 20 m either side',
    );
  });

  it('keeps one scale unless a vertical exaggeration is asked for', () => {
    const width = size.width - 80 - 190;
    const height = size.height - 56 - 56;
    const ranges = (ve: number) => {
      const o = crossSectionOption({ ...input, exaggeration: ve });
      const x = o.xAxis as { min: number; max: number };
      const y = o.yAxis as { min: number; max: number };
      return { x: (x.max - x.min) / width, y: (y.max - y.min) / height };
    };
    expect(ranges(1).x).toBeCloseTo(ranges(1).y, 9);
    expect(ranges(3).x).toBeCloseTo(3 * ranges(3).y, 9);
  });

  it('draws no labels past the limit', () => {
    const many = {
      ...input,
      holeLabels: Array.from({ length: MAX_LABELS + 1 }, (_, k) => ({
        hole: `H${k}`,
        along: k,
        elevation: 0,
      })),
    };
    const names = (crossSectionOption(many).series as AnySeries[]).map((s) => s.name);
    expect(names).not.toContain('Hole IDs');
    expect(names).toContain('Intercept labels');
  });
});
