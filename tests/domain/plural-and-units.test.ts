// One plural helper for every count in words, and assay unit conversion for imports.
import { describe, expect, it } from 'vitest';
import { conversionWords, convertAssayValue, describeClash } from '../../src/domain/import/analyte-units';
import { nounFor, plural } from '../../src/domain/report/plural';

describe('plural', () => {
  it('says 1 error and 2 errors, with thousands grouped', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(1204, 'warning')).toBe('1,204 warnings');
    expect(plural(2, 'analysis')).toBe('2 analyses');
    expect(plural(3, 'box')).toBe('3 boxes');
    expect(plural(2, 'assay column')).toBe('2 assay columns');
    expect(plural(2, 'hole with errors', 'holes with errors')).toBe('2 holes with errors');
    expect(nounFor(1, 'was')).toBe('was');
    expect(nounFor(3, 'was')).toBe('were');
  });
});

describe('assay unit conversion', () => {
  it('converts ppm, %, ppb and g/t without binary noise', () => {
    expect(convertAssayValue(359, 'ppm', '%')).toBe(0.0359);
    expect(convertAssayValue(0.0359, '%', 'ppm')).toBe(359);
    expect(convertAssayValue(5, 'g/t', 'ppm')).toBe(5);
    expect(convertAssayValue(12, 'ppb', 'ppm')).toBe(0.012);
    expect(convertAssayValue(1.5, '%', '%')).toBe(1.5);
  });

  it('says the factor and the clash in words', () => {
    expect(conversionWords('ppm', '%')).toBe('1 % = 10,000 ppm');
    expect(conversionWords('%', 'ppm')).toBe('1 % = 10,000 ppm');
    expect(conversionWords('ppb', 'ppm')).toBe('1 ppm = 1,000 ppb');
    expect(
      describeClash({ file: 'assay.csv', header: 'Pb_ppm', code: 'Pb', fileUnit: 'ppm', projectUnit: '%' }),
    ).toBe('Pb_ppm gives ppm where the project stores Pb in %');
  });
});
