// QA/QC statistics with numbers worked by hand: control-chart z scores and rules, blank thresholds,
// duplicate HARD and the share of pairs passing, batch order.
import { describe, expect, it } from 'vitest';
import { describeOrder, inBatchOrder, naturalCompare, orderBasis } from '../../src/domain/qaqc/batch-order';
import { blankCheck } from '../../src/domain/qaqc/blanks';
import { controlChart, controlLimits } from '../../src/domain/qaqc/control-chart';
import { duplicateCheck, hard, type DuplicateInput } from '../../src/domain/qaqc/duplicates';
import type { QcResult, StandardValue } from '../../src/domain/qaqc/qaqc-model';

let nextRow = 1;
function result(batch: string | null, sampleId: string, labText: string): QcResult {
  const number = Number(labText.replace('<', ''));
  const flag = labText.startsWith('<') ? 'bdl' : Number.isFinite(number) ? 'value' : 'ns';
  return {
    rowId: nextRow++,
    sampleId,
    hole: 1,
    holeId: 'DH001',
    batch,
    value: flag === 'ns' ? null : number,
    flag,
    labText,
  };
}

const STD: StandardValue = {
  code: 'OREAS-1',
  analyte: 'Cu',
  certifiedValue: 10,
  sd: 0.5,
  unit: 'ppm',
  source: null,
};

describe('batch order', () => {
  it('compares digit runs as numbers', () => {
    expect(naturalCompare('VAN11000099', 'VAN11000100')).toBeLessThan(0);
    expect(naturalCompare('S-9', 'S-10')).toBeLessThan(0);
    expect(naturalCompare('S-10', 'S-9')).toBeGreaterThan(0);
    expect(naturalCompare('A', 'A')).toBe(0);
    expect(naturalCompare('07', '7')).toBeGreaterThan(0);
  });

  it('orders by certificate, then sample ID; results without a certificate last', () => {
    const items = [
      { batch: null, sampleId: 'S-1', rowId: 1 },
      { batch: 'C-10', sampleId: 'S-2', rowId: 2 },
      { batch: 'C-9', sampleId: 'S-12', rowId: 3 },
      { batch: 'C-9', sampleId: 'S-3', rowId: 4 },
    ];
    expect(inBatchOrder(items).map((i) => i.rowId)).toEqual([4, 3, 2, 1]);
    expect(orderBasis(items)).toBe('mixed');
    expect(orderBasis(items.slice(1))).toBe('certificate');
    expect(orderBasis(items.slice(0, 1))).toBe('sample-id');
    expect(describeOrder('sample-id')).toMatch(/No certificate numbers/);
  });
});

describe('control chart', () => {
  it('scores z = (value - certified) / SD and applies the 3 SD and two-beyond-2 SD rules', () => {
    // Given out of order: the chart reads them by batch, then sample ID.
    const results = [
      result('B2', 'S-07', '10.0'), // z 0: pass
      result('B1', 'S-01', '10.2'), // z +0.4: pass
      result('B1', 'S-02', '11.2'), // z +2.4: warning (its neighbours are not beyond 2 SD on its side)
      result('B1', 'S-03', '9.0'), // z -2.0: on the line, passes
      result('B1', 'S-04', '11.6'), // z +3.2: failure, beyond 3 SD
      result('B2', 'S-05', '8.9'), // z -2.2 and then
      result('B2', 'S-06', '8.8'), // z -2.4: two in a row beyond 2 SD on one side, both fail
      result('B2', 'S-08', 'NS'), // no result
    ];
    const chart = controlChart(STD, 'ppm', results);
    expect(chart.points.map((p) => p.sampleId)).toEqual([
      'S-01',
      'S-02',
      'S-03',
      'S-04',
      'S-05',
      'S-06',
      'S-07',
    ]);
    expect(chart.points.map((p) => Number(p.z.toFixed(6)))).toEqual([0.4, 2.4, -2, 3.2, -2.2, -2.4, 0]);
    expect(chart.points.map((p) => p.status)).toEqual([
      'pass',
      'warning',
      'pass',
      'failure',
      'failure',
      'failure',
      'pass',
    ]);
    expect(chart.points.map((p) => p.rule)).toEqual([
      null,
      null,
      null,
      'beyond-3sd',
      'two-beyond-2sd',
      'two-beyond-2sd',
      null,
    ]);
    expect(chart.counts).toEqual({ pass: 3, warning: 1, failure: 3 });
    expect(chart.withoutResult.map((r) => r.sampleId)).toEqual(['S-08']);
    // Mean of the six values within 3 SD (11.6 left out): 58.1 / 6 = 9.683333...; bias -3.166666... %.
    expect(chart.mean).toBeCloseTo(9.683333333, 8);
    expect(chart.biasPercent).toBeCloseTo(-3.166666667, 8);
    expect(chart.meanOf).toBe(6);
    expect(controlLimits(chart)).toEqual({ minus3: 8.5, minus2: 9, plus2: 11, plus3: 11.5 });
    expect(chart.orderBasis).toBe('certificate');
  });

  it('counts a +2.4 next to a +3.2 as two beyond 2 SD on one side; opposite sides do not pair', () => {
    const chart = controlChart(STD, 'ppm', [
      result('B1', 'S-1', '11.2'),
      result('B1', 'S-2', '11.6'),
      result('B1', 'S-3', '8.8'),
    ]);
    expect(chart.points.map((p) => [p.status, p.rule])).toEqual([
      ['failure', 'two-beyond-2sd'],
      ['failure', 'beyond-3sd'],
      ['warning', null],
    ]);
  });

  it('keeps a value exactly on the 3 SD line inside it despite floating point', () => {
    // (15.81 - 15.12) / 0.23 is 3.0000000000000027 in binary floating point.
    const standard = { ...STD, certifiedValue: 15.12, sd: 0.23, unit: '%' as const };
    const chart = controlChart(standard, '%', [result('B1', 'S-1', '15.81')]);
    expect(chart.points[0]!.z).toBeGreaterThan(3);
    expect(chart.points[0]!.status).toBe('warning');
  });

  it('converts the certified value and SD to the analyte unit', () => {
    const standard = { ...STD, certifiedValue: 15120, sd: 230, unit: 'ppm' as const };
    const chart = controlChart(standard, '%', [result('B1', 'S-1', '1.558')]);
    expect(chart.certified).toBe(1.512);
    expect(chart.sd).toBe(0.023);
    expect(chart.points[0]!.z).toBeCloseTo(2, 9);
  });
});

describe('blanks', () => {
  it('fail above 5 x the detection limit; below-detection results and values on the threshold pass', () => {
    const check = blankCheck('Zn', '%', 0.01, 5, [
      result('B1', 'K-1', '<0.01'),
      result('B1', 'K-2', '0.05'),
      result('B2', 'K-3', '0.06'),
      result('B2', 'K-4', 'NS'),
    ]);
    expect(check.threshold).toBe(0.05);
    expect(check.points.map((p) => p.failed)).toEqual([false, false, true]);
    expect(check.failures).toBe(1);
    expect(check.withoutResult).toBe(1);
  });

  it('judge nothing when the analyte has no detection limit', () => {
    const check = blankCheck('Zn', '%', null, 5, [result('B1', 'K-1', '0.9')]);
    expect(check.threshold).toBeNull();
    expect(check.failures).toBe(0);
    expect(check.points).toHaveLength(1);
  });
});

describe('field duplicates', () => {
  it('HARD is |a - b| / (a + b) x 100', () => {
    expect(hard(10, 12)).toBeCloseTo(9.090909091, 8);
    expect(hard(5, 8)).toBeCloseTo(23.076923077, 8);
    expect(hard(4, 4)).toBe(0);
    expect(hard(0, 0)).toBe(0);
  });

  it('ranks the pairs above the practical limit and gives the share at or under 10 % and 20 %', () => {
    const pair = (original: string | null, duplicate: string): DuplicateInput => ({
      duplicate: result('B1', `D-${nextRow}`, duplicate),
      original: original === null ? null : result('B1', `P-${nextRow}`, original),
      parentSampleId: 'P',
    });
    const check = duplicateCheck('Zn', '%', 0.01, 10, [
      pair('10', '12'), // HARD 9.09
      pair('1.0', '1.5'), // 20.0
      pair('2', '3'), // 20.0
      pair('0.05', '0.09'), // mean 0.07 under 10 x 0.01: shown, left out
      pair('4', '4'), // 0
      pair('5', '8'), // 23.08
      pair(null, '3'), // no parent result
    ]);
    expect(check.practicalLimit).toBe(0.1);
    expect(check.pairs).toHaveLength(6);
    expect(check.included).toBe(5);
    expect(check.belowLimit).toBe(1);
    expect(check.unpaired).toBe(1);
    expect(check.ranked.map((r) => Number(r.hard.toFixed(2)))).toEqual([0, 9.09, 20, 20, 23.08]);
    expect(check.ranked.map((r) => r.rank)).toEqual([20, 40, 60, 80, 100]);
    expect(check.within10).toBe(40);
    expect(check.within20).toBe(80);
  });

  it('has no precision figures without a pair above the limit', () => {
    const check = duplicateCheck('Zn', '%', 0.01, 10, []);
    expect(check.within10).toBeNull();
    expect(check.ranked).toEqual([]);
  });
});
