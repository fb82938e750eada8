// QA/QC figures built from small hand-made data: what each series holds, where the lines are, and the
// text the saved SVG carries.
import { describe, expect, it } from 'vitest';
import { blankCheck } from '../../src/domain/qaqc/blanks';
import { controlChart } from '../../src/domain/qaqc/control-chart';
import { duplicateCheck } from '../../src/domain/qaqc/duplicates';
import type { QcResult } from '../../src/domain/qaqc/qaqc-model';
import type { EChartsOption } from '../../src/figures/echarts-setup';
import { svgOfOption } from '../../src/figures/figure-svg';
import { batchSpans } from '../../src/figures/qaqc-batch-axis';
import { blanksOption } from '../../src/figures/qaqc-blanks';
import { controlChartOption } from '../../src/figures/qaqc-control-chart';
import { duplicateScatterOption, hardSummary, rankedHardOption } from '../../src/figures/qaqc-duplicates';
import { blanksSummary, controlChartSummary, duplicatesSummary } from '../../src/figures/qaqc-summaries';

let row = 1;
function result(batch: string | null, value: number): QcResult {
  const id = row++;
  return {
    rowId: id,
    sampleId: `S-${String(id).padStart(3, '0')}`,
    hole: 1,
    holeId: 'DH001',
    batch,
    value,
    flag: 'value',
    labText: String(value),
  };
}

type Series = { name?: string; type?: string; data?: unknown[]; markLine?: { data: { yAxis: number }[] } };
const seriesOf = (option: EChartsOption) => option.series as Series[];
const SIZE = { width: 900, height: 500 };

describe('batch axis', () => {
  it('ticks each batch start and shades every other batch', () => {
    expect(batchSpans(['A', 'A', 'B', 'C', 'C', null])).toEqual({
      starts: [
        { at: 1, label: 'A' },
        { at: 3, label: 'B' },
        { at: 4, label: 'C' },
        { at: 6, label: 'no certificate' },
      ],
      shaded: [
        [2.5, 3.5],
        [5.5, 6.5],
      ],
    });
  });
});

describe('control chart figure', () => {
  const chart = controlChart(
    { code: 'CDN-ME-4', analyte: 'Zn', certifiedValue: 15.12, sd: 0.2, unit: '%', source: null },
    '%',
    [
      result('VAN1', 15.1),
      result('VAN1', 15.6), // z 2.4: with the next, two beyond 2 SD
      result('VAN2', 15.65), // z 2.65
      result('VAN2', 14.65), // z -2.35: a warning (its neighbours are not low)
      result('VAN3', 15.0),
      result('VAN3', 6.4), // mislabelled: far off the chart
    ],
  );
  const option = controlChartOption(chart);

  it('draws the certified value and the 2 and 3 SD lines, results by status', () => {
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual([
      'Results in order',
      'Within 2 SD (2)',
      'Beyond 2 SD (1)',
      'Failures (3)',
    ]);
    const lines = series[0]!.markLine!.data.map((d) => Number(d.yAxis.toFixed(6)));
    expect(lines).toEqual([15.72, 15.52, 15.12, 14.72, 14.52]);
    // The mislabelled result is drawn at the bottom edge (8 SD below), as a triangle pointing down.
    const failures = series[3]!.data as { value: [number, number]; symbol: string; symbolRotate: number }[];
    expect(failures.map((d) => d.value[0])).toEqual([2, 3, 6]);
    expect(failures[2]!.value[1]).toBeCloseTo(15.12 - 8 * 0.2, 9);
    expect(failures[2]).toMatchObject({ symbol: 'triangle', symbolRotate: 180 });
    expect((option.yAxis as { min: number }).min).toBeCloseTo(13.52, 9);
  });

  it('saves as SVG with the title, batch labels and line labels as text', () => {
    const svg = svgOfOption(option, SIZE);
    expect(svg).toContain('CDN-ME-4 - Zn');
    expect(svg).toContain('Certified 15.12 ± 0.2 % (1 SD); 6 results');
    for (const text of ['VAN1', 'VAN2', 'VAN3', '+3 SD 15.72', '-2 SD 14.72', 'Failures (3)', '6.4'])
      expect(svg).toContain(text);
  });
});

describe('blanks figure', () => {
  it('draws the threshold and detection limit and marks blanks above it', () => {
    const check = blankCheck('Zn', '%', 0.01, 5, [
      result('B1', 0.01),
      result('B1', 0.12),
      result('B2', 0.02),
    ]);
    const option = blanksOption(check);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Blanks (2)', 'Above threshold (1)']);
    expect(series[1]!.data).toEqual([[2, 0.12]]);
    expect(series[0]!.markLine!.data.map((d) => d.yAxis)).toEqual([0.05, 0.01]);
    const svg = svgOfOption(option, SIZE);
    expect(svg).toContain('5 x DL = 0.05');
    expect(svg).toContain('Blanks - Zn');
  });
});

describe('duplicate figures', () => {
  const pair = (original: number, duplicate: number) => ({
    duplicate: result('B1', duplicate),
    original: result('B1', original),
    parentSampleId: 'P',
  });
  const check = duplicateCheck('Zn', '%', 0.01, 10, [pair(10, 12), pair(2, 3), pair(4, 4), pair(0.05, 0.09)]);

  it('plots pairs against the 1:1, +/-10 % and +/-20 % lines, on log axes when asked', () => {
    const option = duplicateScatterOption(check, { log: true });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual([
      '1:1',
      '±10 %',
      '±10 %',
      '±20 %',
      '±20 %',
      'Pairs counted (3)',
      'Under the practical limit (1)',
    ]);
    // Log axes from 0.01 to 100: the guides run corner to corner.
    expect((option.xAxis as { type: string; min: number; max: number }).type).toBe('log');
    expect(series[0]!.data).toEqual([
      [0.01, 0.01],
      [100, 100],
    ]);
    expect((series[1]!.data as number[][])[1]![1]).toBeCloseTo(110, 9);
    const linear = duplicateScatterOption(check, { log: false });
    expect((linear.xAxis as { type: string; min: number }).type).toBe('value');
    expect((linear.xAxis as { min: number }).min).toBe(0);
    expect(svgOfOption(option, SIZE)).toContain('Field duplicates - Zn');
  });

  it('ranks HARD with the 10 % and 20 % lines and the share passing in the legend', () => {
    expect(hardSummary(check)).toBe('3 pairs: 67 % with HARD <= 10 %, 100 % <= 20 %');
    const option = rankedHardOption(check);
    const series = seriesOf(option);
    expect(series[0]!.name).toBe(hardSummary(check));
    expect(
      (series[0]!.data as number[][]).map(([rank, value]) => [
        Number(rank!.toFixed(1)),
        Number(value!.toFixed(2)),
      ]),
    ).toEqual([
      [33.3, 0],
      [66.7, 9.09],
      [100, 20],
    ]);
    expect(series[0]!.markLine!.data.map((d) => d.yAxis)).toEqual([10, 20]);
    const svg = svgOfOption(option, SIZE);
    expect(svg).toContain('Ranked HARD - Zn');
    expect(svg).toContain('67 % with HARD &lt;= 10 %');
  });
});

describe('figure summaries', () => {
  it('say the counts, the key numbers and what the order rests on', () => {
    const chart = controlChart(
      { code: 'STD-1', analyte: 'Cu', certifiedValue: 10, sd: 0.5, unit: 'ppm', source: null },
      'ppm',
      // 12 is beyond 3 SD and 11.2 beside it beyond 2 SD on the same side: both fail; 12 is left out of the mean.
      [result(null, 10.5), result(null, 11.2), result(null, 12)],
    );
    expect(controlChartSummary(chart)).toBe(
      '3 results of STD-1 Cu: 1 within 2 SD, 0 beyond 2 SD, 2 failures. Mean 10.85 ppm against certified 10 ppm: bias +8.50 % (2 results within 3 SD). No certificate numbers on these results: in sample ID (dispatch) order, without batches.',
    );
    const blanks = blankCheck('Cu', 'ppm', null, 5, [result('B1', 3)]);
    expect(blanksSummary(blanks)).toBe(
      '1 blank; Cu has no detection limit, so none is judged. In batch order: certificates by number, samples by ID within each.',
    );
    const duplicates = duplicateCheck('Cu', 'ppm', 1, 10, [
      { duplicate: result('B1', 100), original: result('B1', 110), parentSampleId: 'P' },
      { duplicate: result('B1', 3), original: null, parentSampleId: 'Q' },
    ]);
    expect(duplicatesSummary(duplicates)).toBe(
      '1 pair; 1 counted for precision: HARD at most 10 % for 100.0 %, at most 20 % for 100.0 %. 0 pairs with a mean under 10 ppm (10 x DL) left out. 1 duplicate without a pair (parent not in the project or without a result).',
    );
  });
});
