// The strip log's option builder on a small hand-made hole: one track per kind of data over one depth
// axis, lithology in its colours, grades linear or log with below-detection hollow at half the limit and
// missing as gaps, QA/QC inserts where they were inserted, intercepts at their depths, what a click opens,
// a summary in words, and messages where a track (or the whole figure) has nothing to draw.
import type {
  CustomSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
  XAXisComponentOption,
} from 'echarts';
import { describe, expect, it } from 'vitest';
import type { HoleRunInterval, HoleRunResults, HoleViewData } from '../../src/api/hole-types';
import type { ResultCell, SamplePageRow } from '../../src/api/types';
import type { AnalyteRow, SampleType } from '../../src/domain/model';
import { svgOfOption } from '../../src/figures/figure-svg';
import { paddedWindow, stripLogFigure } from '../../src/figures/strip-log';
import { interceptTooltip } from '../../src/figures/strip-log-text';
import {
  analytesWithResults,
  analyteValues,
  depthRange,
  logRange,
  niceCeiling,
  placeInserts,
} from '../../src/figures/strip-log-data';

const ZN: AnalyteRow = {
  id: 1,
  code: 'Zn',
  unit: '%',
  detection_limit: 0.01,
  upper_limit: 30,
  decimals: 2,
  description: null,
};
const PB: AnalyteRow = { ...ZN, id: 2, code: 'Pb' };

let nextId = 1;
function sample(
  sampleId: string,
  from: number | null,
  to: number | null,
  zn: ResultCell | null,
  type: SampleType = 'regular',
  extra: Partial<SamplePageRow> = {},
): SamplePageRow {
  return {
    id: nextId++,
    hole: 1,
    hole_id: 'DH-1',
    depth_from: from,
    depth_to: to,
    sample_id: sampleId,
    sample_type: type,
    parent_sample_id: null,
    standard_code: null,
    density: null,
    comments: null,
    results: zn ? { Zn: zn } : {},
    problems: [],
    ...extra,
  };
}
const value = (v: number): ResultCell => ({ lab_text: v.toFixed(2), value: v, flag: 'value' });

function hole(overrides: Partial<HoleViewData> = {}): HoleViewData {
  nextId = 1;
  const samples = [
    sample('S0', null, null, value(0.01), 'blank'),
    sample('S1', 9, 10, value(0.5)),
    sample('S2', 10, 11, value(12.4)),
    sample('S3', null, null, value(0.02), 'blank'),
    sample('S4', 11, 12, { lab_text: '<0.01', value: 0.01, flag: 'bdl' }),
    sample('S5', 12, 13, { lab_text: 'NS', value: null, flag: 'ns' }),
    sample('S6', 10, 11, value(12.1), 'duplicate', { parent_sample_id: 'S2' }),
    sample('S7', null, null, value(4.5), 'standard', { standard_code: 'CDN-ME-4' }),
  ];
  return {
    holeId: 'DH-1',
    lengthUnit: 'm',
    collar: {
      id: 1,
      hole_id: 'DH-1',
      easting: 1000,
      northing: 2000,
      elevation: 300,
      azimuth: 90,
      dip: -60,
      eoh: 30,
      hole_type: 'DD',
      station: null,
      program: null,
      started_on: null,
      completed_on: null,
      comments: null,
      problems: [],
    },
    surveys: [],
    samples,
    lithology: [
      {
        id: 101,
        hole: 1,
        hole_id: 'DH-1',
        depth_from: 0,
        depth_to: 10,
        code: 'PGN',
        description: null,
        comments: null,
        problems: [],
      },
      {
        id: 102,
        hole: 1,
        hole_id: 'DH-1',
        depth_from: 10,
        depth_to: 12,
        code: 'MSUL',
        description: null,
        comments: null,
        problems: [],
      },
      {
        id: 103,
        hole: 1,
        hole_id: 'DH-1',
        depth_from: 12,
        depth_to: 30,
        code: 'QZT',
        description: null,
        comments: null,
        problems: [],
      },
    ],
    lithologyCodes: {
      PGN: { colour: '#b07aa1', description: 'Pelitic gneiss' },
      MSUL: { colour: '#a8741a', description: 'Massive sulphide' },
      QZT: { colour: '#f7e9a0', description: 'Quartzite' },
    },
    analytes: [ZN, PB],
    ...overrides,
  };
}

function interval(kind: HoleRunInterval['kind'], from: number, to: number, grade: number): HoleRunInterval {
  return {
    kind,
    from,
    to,
    length: to - from,
    trueThickness: (to - from) * 0.8,
    angleToPlane: 53,
    grade,
    values: [grade],
    domain: null,
  };
}

function interceptRun(intervals: HoleRunInterval[], overrides: Partial<HoleRunResults> = {}): HoleRunResults {
  return {
    run: {
      id: 7,
      kind: 'intercepts',
      params: { grade: 'Zn', cutoff: 5 },
      preset: null,
      dataHash: '',
      resultsHash: '',
      startedAt: '',
      finishedAt: '',
      osUser: 'tester',
      source: 'api',
      engine: '',
      holesRead: 1,
      samplesRead: 6,
      resultRows: intervals.length,
      excluded: [],
      notes: [],
      lengthUnit: 'm',
      analytes: [{ code: 'Zn', unit: '%' }],
    },
    holeId: 'DH-1',
    grade: { expression: 'Zn', label: 'Zn', unit: '%' },
    analytes: [{ code: 'Zn', unit: '%' }],
    intervals,
    read: true,
    leftOut: null,
    ...overrides,
  };
}

const RUN = interceptRun([interval('intercept', 10, 12, 6.2), interval('including', 10, 11, 12.4)]);

type AnySeries = CustomSeriesOption | ScatterSeriesOption | LineSeriesOption;
const seriesOf = (option: ReturnType<typeof stripLogFigure>['option']) => option.series as AnySeries[];
const byId = (option: ReturnType<typeof stripLogFigure>['option'], id: string) =>
  seriesOf(option).find((series) => series.id === id);
const axes = (option: ReturnType<typeof stripLogFigure>['option']) => option.xAxis as XAXisComponentOption[];

describe('stripLogFigure', () => {
  it('lays out one track per kind of data side by side over one shared depth axis', () => {
    const { option, emptyMessage } = stripLogFigure(hole(), {
      analytes: ['Zn', 'Pb'],
      logScale: false,
      run: RUN,
    });
    expect(emptyMessage).toBeNull();
    expect(axes(option).map((axis) => axis.name)).toEqual([
      'Lithology',
      'Samples',
      'Zn (%)',
      'Pb (%)',
      'Zn intercepts',
    ]);
    const grids = option.grid as { left: string; width: string }[];
    expect(grids).toHaveLength(5);
    // Side by side, left to right, none overlapping.
    for (let i = 1; i < grids.length; i++) {
      expect(parseFloat(grids[i]!.left)).toBeGreaterThan(
        parseFloat(grids[i - 1]!.left) + parseFloat(grids[i - 1]!.width),
      );
    }
    const depthAxes = option.yAxis as { min: number; max: number; inverse: boolean; gridIndex: number }[];
    expect(depthAxes.map((axis) => [axis.gridIndex, axis.min, axis.max, axis.inverse])).toEqual(
      [0, 1, 2, 3, 4].map((index) => [index, 0, 30, true]),
    );
    const zooms = option.dataZoom as { yAxisIndex: number[]; filterMode: string }[];
    expect(zooms.map((zoom) => zoom.yAxisIndex)).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 4],
    ]);
    expect(seriesOf(option).map((series) => series.id)).toEqual([
      'lithology',
      'samples',
      'qaqc:blank',
      'qaqc:standard',
      'qaqc:duplicate',
      'band:Zn',
      'analyte:Zn',
      'band:Pb',
      'message:Pb',
      'run',
    ]);
  });

  it('colours lithology by code and labels the units tall enough for it', () => {
    const { option } = stripLogFigure(hole(), { analytes: ['Zn'], logScale: false, run: null });
    expect((byId(option, 'lithology') as CustomSeriesOption).data).toEqual([
      [0, 10, 101],
      [10, 12, 102],
      [12, 30, 103],
    ]);
    const svg = svgOfOption(option, { width: 1100, height: 700 });
    for (const colour of ['#b07aa1', '#a8741a', '#f7e9a0']) expect(svg).toContain(`fill="${colour}"`);
    for (const code of ['PGN', 'MSUL', 'QZT']) expect(svg).toContain(`>${code}<`);
  });

  it('labels a run of touching units of one code once, over the whole run', () => {
    const base = hole();
    const split = [
      base.lithology[0]!,
      { ...base.lithology[1]!, id: 201, depth_to: 11 },
      { ...base.lithology[1]!, id: 202, depth_from: 11 },
      base.lithology[2]!,
    ];
    const { option } = stripLogFigure(
      { ...base, lithology: split },
      { analytes: [], logScale: false, run: null },
    );
    const svg = svgOfOption(option, { width: 1100, height: 700 });
    expect(svg.match(/>MSUL</g)).toHaveLength(1);
    expect(svg.match(/fill="#a8741a"/g)).toHaveLength(2);
  });

  it('draws grades as bars over each interval: below detection hollow at half the limit, missing as a gap', () => {
    const values = analyteValues(hole(), ZN);
    expect(values.values.map((v) => [v.from, v.to, v.value, v.state])).toEqual([
      [9, 10, 0.5, 'value'],
      [10, 11, 12.4, 'value'],
      [11, 12, 0.005, 'below-detection'],
    ]);
    expect([values.missing, values.belowDetection, values.overLimit]).toEqual([1, 1, 0]);
    const { option } = stripLogFigure(hole(), { analytes: ['Zn'], logScale: false, run: null });
    expect((byId(option, 'analyte:Zn') as CustomSeriesOption).data).toHaveLength(3);
    expect(axes(option)[2]).toMatchObject({ type: 'value', min: 0, max: 20 });
    const svg = svgOfOption(option, { width: 1100, height: 700 });
    // The hollow bar of S4: white fill, grey outline.
    expect(svg).toMatch(/fill="#fff(fff)?"[^>]*stroke="#8a94a6"/);
  });

  it('puts grades on a log axis spanning whole powers of ten when asked', () => {
    const { option, summary } = stripLogFigure(hole(), { analytes: ['Zn'], logScale: true, run: null });
    expect(axes(option)[2]).toMatchObject({ type: 'log', min: 0.001, max: 100, name: 'Zn (%) log' });
    expect(summary).toContain(
      'Zn (%, log scale): 2 values, 1 below detection (hollow, at half the limit), 0 over limit, 1 missing (gaps); highest 12.40 at 10-11 m.',
    );
  });

  it('marks QA/QC inserts where they were inserted: duplicates at their interval, blanks and standards after the sample before them', () => {
    const placed = placeInserts(hole());
    expect(placed.map((p) => [p.kind, p.sampleId, p.depth])).toEqual([
      ['blank', 'S0', 9],
      ['duplicate', 'S6', 10.5],
      ['blank', 'S3', 11],
      ['standard', 'S7', 13],
    ]);
    expect(placed[0]!.placement).toBe('before sample S1 (no depth of its own)');
    expect(placed[2]!.placement).toBe('after sample S2 (no depth of its own)');
    const { option, summary } = stripLogFigure(hole(), { analytes: [], logScale: false, run: null });
    expect((byId(option, 'qaqc:blank') as ScatterSeriesOption).data).toEqual([
      [0.8, 9, 1],
      [0.8, 11, 4],
    ]);
    expect((byId(option, 'qaqc:duplicate') as ScatterSeriesOption).symbol).toBe('rect');
    expect(summary).toContain('Samples: 4 intervals drawn; QA/QC: 2 blanks, 1 standard, 1 field duplicate.');
  });

  it("draws a run's intercepts at their depths with their grade labels, and bands them across the grade tracks", () => {
    const { option, summary } = stripLogFigure(hole(), { analytes: ['Zn'], logScale: false, run: RUN });
    expect((byId(option, 'run') as CustomSeriesOption).data).toEqual([
      [10, 12, 6.2],
      [10, 11, 12.4],
    ]);
    expect((byId(option, 'band:Zn') as CustomSeriesOption).data).toEqual([[10, 12]]);
    expect(summary).toContain(
      'Run 7 (Zn): DH-1 intercept 10.0-12.0 m, 2.0 m at 6.20 % Zn; DH-1 including 10.0-11.0 m, 1.0 m at 12.40 % Zn.',
    );
    const svg = svgOfOption(option, { width: 1100, height: 700 });
    expect(svg).toContain('6.20 %');
    expect(svg).toContain('12.40 %');
    expect(svg).toContain('Zn intercepts');
    expect(svg).toContain('run 7: Zn intercepts at 5 % cutoff');
  });

  it('marks a true thickness measured within 15 degrees of the plane as unreliable in the tooltip', () => {
    const steep = interval('intercept', 10, 12, 6.2);
    expect(interceptTooltip(RUN, steep, 'm')).toContain('<br/>estimated true thickness 1.6 m<br/>');
    const near = { ...steep, trueThickness: 0.0349, angleToPlane: 1 };
    const tooltip = interceptTooltip(RUN, near, 'm');
    expect(tooltip).toContain(
      '<br/>estimated true thickness 0.0* m (* the hole runs within 15° of the plane here, at 1.0°: unreliable)<br/>',
    );
    // A run saved before angles were kept says nothing it does not know.
    expect(interceptTooltip(RUN, { ...steep, angleToPlane: null }, 'm')).toContain(
      '<br/>estimated true thickness 1.6 m<br/>',
    );
  });

  it('says what a click opens: a lithology or sample row, or the samples over an intercept', () => {
    const figure = stripLogFigure(hole(), { analytes: ['Zn'], logScale: false, run: RUN });
    expect(figure.pick('lithology', 1)).toEqual({ kind: 'row', table: 'lithology', rowId: 102 });
    expect(figure.pick('samples', 0)).toEqual({ kind: 'row', table: 'samples', rowId: 2 });
    expect(figure.pick('analyte:Zn', 1)).toEqual({ kind: 'row', table: 'samples', rowId: 3 });
    expect(figure.pick('qaqc:standard', 0)).toEqual({ kind: 'row', table: 'samples', rowId: 8 });
    expect(figure.pick('run', 1)).toEqual({ kind: 'interval', from: 10, to: 11 });
    expect(figure.pick('band:Zn', 0)).toBeNull();
  });

  it('draws a composites run as a step line over the grades, with a gap where a composite has none', () => {
    const composites = interceptRun(
      [
        { ...interval('composite', 9, 11, 0), values: [6.45], grade: null },
        { ...interval('composite', 11, 13, 0), values: [null], grade: null },
        { ...interval('composite', 13, 15, 0), values: [0.2], grade: null },
        // After a gap in the composites (an unsampled stretch), the line breaks too.
        { ...interval('composite', 17, 19, 0), values: [0.3], grade: null },
      ],
      { grade: null },
    );
    composites.run = { ...composites.run, kind: 'composites', params: { length: 2 } };
    const { option, summary } = stripLogFigure(hole(), {
      analytes: ['Zn'],
      logScale: false,
      run: composites,
    });
    expect(byId(option, 'run')).toBeUndefined();
    expect((byId(option, 'composites:Zn') as LineSeriesOption).data).toEqual([
      [6.45, 9],
      [6.45, 11],
      ['-', '-'],
      [0.2, 13],
      [0.2, 15],
      ['-', '-'],
      [0.3, 17],
      [0.3, 19],
    ]);
    expect(summary).toContain('Run 7 (composites): 4 composites in DH-1, drawn as a black step line in Zn.');
  });

  it('starts at the depths asked for, on both zooms', () => {
    const window = paddedWindow({ from: 10, to: 12 });
    expect(window).toEqual({ from: 9, to: 13 });
    const { option } = stripLogFigure(hole(), { analytes: ['Zn'], logScale: false, run: RUN, window });
    for (const zoom of option.dataZoom as { startValue: number; endValue: number }[]) {
      expect([zoom.startValue, zoom.endValue]).toEqual([9, 13]);
    }
  });

  it('writes a message in a track with nothing to draw, and in place of a figure with nothing at all', () => {
    const bare = hole({ lithology: [] });
    const { option, summary } = stripLogFigure(bare, {
      analytes: ['Zn', 'Pb'],
      logScale: false,
      run: null,
      noRunMessage: 'No saved run yet',
    });
    expect(summary).toContain('Lithology: none logged.');
    expect(summary).toContain('Intercepts: No saved run yet.');
    const svg = svgOfOption(option, { width: 1100, height: 700 });
    for (const text of ['No lithology logged', 'No Pb results in this hole', 'No saved run yet']) {
      expect(svg).toContain(text);
    }
    const empty = stripLogFigure(hole({ lithology: [], samples: [] }), {
      analytes: ['Zn'],
      logScale: false,
      run: null,
    });
    expect(empty.emptyMessage).toBe(
      'DH-1 has no samples or lithology with depths to draw. Add them in the Samples and assays or Lithology grid, or import them, and the strip log appears here.',
    );
    expect(empty.summary).toEqual([]);
  });

  it('says why a run draws nothing in this hole', () => {
    const left = interceptRun([], { read: false, leftOut: 'Interval overlap (2 errors)' });
    expect(stripLogFigure(hole(), { analytes: [], logScale: false, run: left }).summary).toContain(
      'Run 7: left DH-1 out: Interval overlap (2 errors).',
    );
    const unread = interceptRun([], { read: false });
    expect(stripLogFigure(hole(), { analytes: [], logScale: false, run: unread }).summary).toContain(
      'Run 7: did not read DH-1 (not among the holes it was run on).',
    );
    const none = interceptRun([]);
    expect(stripLogFigure(hole(), { analytes: [], logScale: false, run: none }).summary).toContain(
      'Run 7: found no intercept in DH-1.',
    );
  });
});

describe('strip log data', () => {
  it('spans the collar to the end of the hole or the deepest interval', () => {
    expect(depthRange(hole())).toEqual({ top: 0, bottom: 30 });
    const base = hole();
    expect(depthRange({ ...base, collar: { ...base.collar, eoh: null } })).toEqual({ top: 0, bottom: 30 });
    expect(depthRange({ ...base, collar: { ...base.collar, eoh: 5 }, lithology: [] })).toEqual({
      top: 0,
      bottom: 13,
    });
    expect(
      depthRange({ ...base, collar: { ...base.collar, eoh: null }, lithology: [], samples: [] }),
    ).toBeNull();
  });

  it('offers the analytes with something to draw, not those with only empty or NS cells', () => {
    expect(analytesWithResults(hole()).map((a) => a.code)).toEqual(['Zn']);
    const base = hole();
    const onlyMissing = base.samples.map((row) => ({
      ...row,
      results: { ...row.results, Pb: { lab_text: '', value: null, flag: 'missing' as const } },
    }));
    expect(analytesWithResults({ ...base, samples: onlyMissing }).map((a) => a.code)).toEqual(['Zn']);
  });

  it('rounds axis ends to round numbers', () => {
    expect([0.3, 1, 1.2, 2.2, 4, 12.4, 26, 0].map(niceCeiling)).toEqual([0.5, 1, 2, 2.5, 5, 20, 50, 1]);
    expect(logRange([0.005, 12.4])).toEqual({ min: 0.001, max: 100 });
    expect(logRange([10])).toEqual({ min: 10, max: 100 });
    expect(logRange([])).toEqual({ min: 0.01, max: 1 });
  });
});
