import { describe, expect, it } from 'vitest';
import { parseGradeExpression } from '../../src/domain/compositing/grade-expression';
import type { InterceptSettings } from '../../src/domain/compositing/intercept-settings';
import type { Intercept } from '../../src/domain/compositing/significant-intercepts';
import { formatFixed, roundHalfAway } from '../../src/domain/report/decimal-rounding';
import {
  buildInterceptTable,
  TRUE_WIDTH_UNKNOWN,
  type InterceptTableOptions,
} from '../../src/domain/report/intercept-table';
import { interceptParameterStatement } from '../../src/domain/report/parameter-statement';

function intercept(
  holeId: string,
  from: number,
  to: number,
  zn: number,
  pb: number,
  kind: Intercept['kind'] = 'intercept',
): Intercept {
  return {
    holeId,
    kind,
    first: false,
    parent: kind === 'including' ? 0 : null,
    from,
    to,
    length: to - from,
    grade: zn + pb,
    gradeLength: (zn + pb) * (to - from),
    analyteGrades: [zn, pb],
    assayedLengths: [to - from, to - from],
    wasteLength: 0,
    unsampledLength: 0,
    sampleCount: 3,
    cappedResults: 0,
    overLimitResults: 0,
    weight: to - from,
  };
}

const options: InterceptTableOptions = {
  lengthUnit: 'm',
  reportAnalytes: ['Zn', 'Pb'],
  columns: [
    { code: 'Zn', unit: '%' },
    { code: 'Pb', unit: '%' },
  ],
  expression: { label: 'Zn+Pb', unit: '%' },
};

describe('news-release intercept table', () => {
  it('has the seed table shape with hole, "and" and "including" rows', () => {
    const table = buildInterceptTable(
      [
        { intercept: intercept('EUG-10-033', 69.8, 78.3, 10.75, 2.08), trueThickness: 6.8 },
        { intercept: intercept('EUG-10-033', 70.4, 72.1, 19.2, 3.1, 'including'), trueThickness: 1.36 },
        { intercept: intercept('EUG-10-033', 136.2, 142.6, 10.83, 2.26), trueThickness: 5.2 },
        { intercept: intercept('EUG-11-055', 77.4, 80.6, 20.05, 3.92), trueThickness: 2.3 },
      ],
      options,
    );
    expect(table.header).toEqual([
      'Drill Hole #',
      'From',
      'To',
      'Interval (m)',
      'Estimated True Thickness',
      'Zn %',
      'Pb %',
      'Zn+Pb %',
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['EUG-10-033', '69.8', '78.3', '8.5', '6.8', '10.75', '2.08', '12.83'],
      ['including', '70.4', '72.1', '1.7', '1.4', '19.20', '3.10', '22.30'],
      ['and', '136.2', '142.6', '6.4', '5.2', '10.83', '2.26', '13.09'],
      ['EUG-11-055', '77.4', '80.6', '3.2', '2.3', '20.05', '3.92', '23.97'],
    ]);
    expect(table.rows.map((r) => r.kind)).toEqual(['hole', 'including', 'and', 'hole']);
    expect(table.rows[0]!.values).toEqual(['EUG-10-033', 69.8, 78.3, 8.5, 6.8, 10.75, 2.08, 12.83]);
  });

  it('rounds the expression from full precision instead of adding rounded columns', () => {
    // The seed prints EUG-11-109 as Zn 11.80, Pb 1.93, Zn+Pb 13.82, which no rounding of Zn + Pb explains.
    // Here Zn 11.804 + Pb 1.934 = 13.738: the columns read 11.80 and 1.93, the sum 13.74 (not 13.73, and
    // never 13.82), and a note says why the last digit can differ.
    const table = buildInterceptTable(
      [{ intercept: intercept('EUG-11-109', 248.8, 258.04, 11.804, 1.934), trueThickness: 4.0 }],
      options,
    );
    expect(table.rows[0]!.cells.slice(3)).toEqual(['9.2', '4.0', '11.80', '1.93', '13.74']);
    expect(table.notes[0]).toMatch(/calculated at full precision and then rounded/);
  });

  it('prints a dash and the downhole-length statement when true thickness is unknown', () => {
    const table = buildInterceptTable(
      [{ intercept: intercept('DH1', 1, 2, 5, 1), trueThickness: null }],
      options,
    );
    expect(table.rows[0]!.cells[4]).toBe('-');
    expect(table.rows[0]!.values[4]).toBeNull();
    expect(table.notes.join(' ')).toContain(TRUE_WIDTH_UNKNOWN);
    const known = buildInterceptTable(
      [{ intercept: intercept('DH1', 1, 2, 5, 1), trueThickness: 0.9 }],
      options,
    );
    expect(known.notes.join(' ')).not.toContain(TRUE_WIDTH_UNKNOWN);
  });

  it('marks a true thickness measured within 15 degrees of the plane and says why under the table', () => {
    const table = buildInterceptTable(
      [
        { intercept: intercept('EUG-10-033', 69.8, 78.3, 10.75, 2.08), trueThickness: 6.8, planeAngle: 53 },
        { intercept: intercept('EUG-10-034', 20, 30, 5, 1), trueThickness: 0.04, planeAngle: 0.23 },
      ],
      options,
    );
    expect(table.rows.map((r) => r.cells[4])).toEqual(['6.8', '0.0*']);
    expect(table.rows[1]!.values[4]).toBe('0.0*');
    expect(table.notes).toContain(
      '* The hole runs within 15° of the plane over this interval: its estimated true thickness is unreliable (the smallest angle is 0.2°).',
    );
    // No mark, no note, when every hole meets the plane at 15 degrees or more.
    const steep = buildInterceptTable(
      [{ intercept: intercept('EUG-10-033', 69.8, 78.3, 10.75, 2.08), trueThickness: 6.8, planeAngle: 15 }],
      options,
    );
    expect(steep.rows[0]!.cells[4]).toBe('6.8');
    expect(steep.notes.some((note) => note.startsWith('*'))).toBe(false);
  });

  it('takes decimals per analyte, feet, and leaves the expression column out on request', () => {
    const table = buildInterceptTable(
      [{ intercept: intercept('DH1', 10, 25.55, 2.675, 31.25), trueThickness: 12 }],
      {
        ...options,
        lengthUnit: 'ft',
        columns: [
          { code: 'Zn', unit: '%', decimals: 2 },
          { code: 'Pb', unit: 'g/t', decimals: 1 },
        ],
        expression: null,
      },
    );
    expect(table.header).toEqual([
      'Drill Hole #',
      'From',
      'To',
      'Interval (ft)',
      'Estimated True Thickness',
      'Zn %',
      'Pb g/t',
    ]);
    // 2.675 rounds to 2.68 (toFixed would print 2.67), 31.25 to 31.3, 15.55 to 15.6
    expect(table.rows[0]!.cells).toEqual(['DH1', '10.0', '25.6', '15.6', '12.0', '2.68', '31.3']);
  });

  it('shows the hole ID on the first row of a hole even when that row is an including interval', () => {
    const table = buildInterceptTable(
      [{ intercept: intercept('DH9', 3, 4, 9, 1, 'including'), trueThickness: 1 }],
      options,
    );
    expect(table.rows[0]!.cells[0]).toBe('DH9');
  });

  it('refuses a column for an analyte the calculation did not report', () => {
    expect(() => buildInterceptTable([], { ...options, columns: [{ code: 'Ag', unit: 'g/t' }] })).toThrow(
      /Ag is not among the reported analytes \(Zn, Pb\)/,
    );
  });
});

describe('rounding', () => {
  it('rounds half away from zero on the decimal a reader sees', () => {
    expect(formatFixed(1.005, 2)).toBe('1.01');
    expect(formatFixed(2.675, 2)).toBe('2.68');
    expect(formatFixed(-0.125, 2)).toBe('-0.13');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(roundHalfAway(13.738, 2)).toBe(13.74);
  });
});

describe('parameter statement', () => {
  const settings: InterceptSettings = {
    expression: 'Zn + Pb',
    cutoff: 5,
    minLength: 1.5,
    maxDilution: 2,
    minGradeLength: 15,
    caps: { Zn: 30 },
    weighting: 'density',
    defaultDensity: 3.1,
    belowDetection: 'half',
    unsampled: 'zero',
    including: { cutoff: 15, minLength: 1, maxDilution: 0 },
  };
  const expression = parseGradeExpression('Zn + Pb', ['Zn', 'Pb']);

  it('states every parameter in plain words', () => {
    const { text, warnings } = interceptParameterStatement({
      settings,
      expression,
      gradeUnit: '%',
      analyteUnits: { Zn: '%', Pb: '%' },
      lengthUnit: 'm',
      trueThickness: { method: 'plane', dip: 28.5, dipDirection: 315 },
      excludedHoles: [
        { holeId: 'EUG-11-070', reason: 'overlapping samples at 12.0 m.' },
        { holeId: 'EUG-11-071', reason: 'no collar coordinates' },
      ],
      overLimitResults: 2,
      laboratory: 'Acme Analytical Laboratories Ltd., Vancouver',
    });
    for (const phrase of [
      'on Zn + Pb at a cutoff grade of 5 %',
      'minimum length of 1.5 m',
      'at most 2 m of consecutive internal dilution',
      'grades at least 5 % Zn + Pb with its internal dilution included',
      'grade x length of at least 15 %·m',
      '"Including" intervals are higher-grade parts of an intercept at a cutoff of 15 %, minimum length 1 m, no internal dilution',
      'shortest internal dilution first',
      'weighted by length x dry bulk density',
      'given 3.1 g/cm³',
      'capped (top-cut) before averaging at 30 % Zn',
      'below the detection limit were counted at half the detection limit',
      'counted at that limit, a minimum',
      '2 such results fall inside the reported intervals',
      'Unsampled intervals inside an intercept were counted at zero grade',
      'dipping 28.5° toward azimuth 315°',
      'desurveyed by minimum curvature',
      'rounded to 0.1 m and grades to 0.01',
      'analysed by Acme Analytical Laboratories Ltd., Vancouver.',
      '2 holes were left out of the calculation because of data errors: EUG-11-070 (overlapping samples at 12.0 m); EUG-11-071 (no collar coordinates).',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(warnings).toEqual([]);
  });

  it('says when true widths are unknown, nothing was capped and no hole was left out', () => {
    const { text } = interceptParameterStatement({
      settings: { ...settings, caps: {}, weighting: 'length', unsampled: 'break', belowDetection: 'zero' },
      expression,
      gradeUnit: '%',
      analyteUnits: {},
      lengthUnit: 'ft',
      trueThickness: { method: 'unknown' },
      excludedHoles: [],
    });
    expect(text).toContain('No top-cut (cap) was applied.');
    expect(text).toContain('Grades are length-weighted averages.');
    expect(text).toContain('An unsampled interval ends an intercept.');
    expect(text).toContain('counted at zero.');
    expect(text).toContain(TRUE_WIDTH_UNKNOWN);
    expect(text).toContain('No hole was left out of the calculation.');
    expect(text).toContain('minimum length of 1.5 ft');
  });

  it('warns when a metal-equivalent formula has factors but no stated prices and recoveries', () => {
    const cuEq = parseGradeExpression('Cu + 0.62 * Au', ['Cu', 'Au']);
    const input = {
      settings: { ...settings, expression: 'Cu + 0.62 * Au', caps: {} },
      expression: cuEq,
      gradeUnit: '%',
      analyteUnits: {},
      lengthUnit: 'm' as const,
      trueThickness: { method: 'unknown' as const },
      excludedHoles: [],
    };
    expect(interceptParameterStatement(input).warnings[0]).toMatch(/state the metal prices and recoveries/);
    const stated = interceptParameterStatement({
      ...input,
      metalEquivalentBasis: 'CuEq uses US$3.50/lb Cu and US$1,800/oz Au with 100 % recovery.',
    });
    expect(stated.warnings).toEqual([]);
    expect(stated.text).toContain('Cu + 0.62 * Au: CuEq uses US$3.50/lb Cu');
  });
});
