import { describe, expect, it } from 'vitest';
import { analyteFromHeader, parseLabValue, parseSentinelList } from '../../src/domain/assay-values';
import { mapHeaders, MappingError } from '../../src/domain/import/header-mapping';
import { parseField, parseNumber, TABLE_FIELDS } from '../../src/domain/table-fields';
import { detectDipConvention } from '../../src/domain/dip';

describe('header mapping', () => {
  it('recognises the common names of the shared data sets', () => {
    expect(mapHeaders('collars', ['BHID', 'XCOLLAR', 'YCOLLAR', 'ZCOLLAR']).fields).toEqual({
      hole_id: 0,
      easting: 1,
      northing: 2,
      elevation: 3,
    });
    expect(mapHeaders('collars', ['hole_ID', 'x', 'y', 'z']).fields).toEqual({
      hole_id: 0,
      easting: 1,
      northing: 2,
      elevation: 3,
    });
    expect(mapHeaders('surveys', ['BHID', 'AT', 'AZ', 'DIP']).fields).toEqual({
      hole_id: 0,
      depth: 1,
      azimuth: 2,
      dip: 3,
    });
    const lithology = mapHeaders('lithology', [
      'hole_ID',
      'depth_from',
      'to_depth',
      'rock unit',
      'rock code',
      'rock class',
    ]);
    expect(lithology.fields).toMatchObject({
      hole_id: 0,
      depth_from: 1,
      depth_to: 2,
      code: 4,
      description: 3,
    });
    expect(lithology.ignored.map((column) => column.header)).toEqual(['rock class']);
  });

  it('turns every other numeric assay column into an analyte, with the unit from its suffix', () => {
    const mapping = mapHeaders('assays', [
      'hole_ID',
      'depth_from',
      'depth_to',
      'Cu_pct',
      'Au_ppm',
      'Ag_ppb',
      'lab',
      'CU',
    ]);
    expect(mapping.analytes.map((a) => [a.code, a.unit])).toEqual([
      ['Cu', '%'],
      ['Au', 'ppm'],
      ['Ag', 'ppb'],
      ['lab', null],
      ['CU', null],
    ]);
    const judged = mapHeaders(
      'assays',
      ['hole_ID', 'from', 'to', 'Cu_pct', 'lab'],
      {},
      (column) => column !== 4,
    );
    expect(judged.ignored.map((column) => column.header)).toEqual(['lab']);
  });

  it('lets a mapping override the guesses and explains what is missing', () => {
    expect(mapHeaders('collars', ['Name', 'E', 'N'], { columns: { hole_id: 'Name' } }).fields.hole_id).toBe(
      0,
    );
    expect(() => mapHeaders('surveys', ['hole', 'depth', 'azimuth'])).toThrow(/no column for dip/);
    expect(() => mapHeaders('assays', ['hole', 'from', 'to', 'Cu', 'Cu'])).toThrowError(MappingError);
    expect(() => mapHeaders('collars', ['hole'], { columns: { hole_id: 'missing' } })).toThrow(
      /"missing" that the file does not have/,
    );
  });

  it('splits analyte headers into code and unit', () => {
    expect(analyteFromHeader('Zn_pct')).toEqual({ code: 'Zn', unit: '%' });
    expect(analyteFromHeader('Au_gpt')).toEqual({ code: 'Au', unit: 'g/t' });
    expect(analyteFromHeader('FE')).toEqual({ code: 'FE', unit: null });
  });
});

describe('lab values', () => {
  const options = { negativeIsBelowDetection: true };
  it('keeps the flag and the limit of coded results', () => {
    expect(parseLabValue('12.5', options)).toEqual({ value: 12.5, flag: 'value' });
    expect(parseLabValue('<0.01', options)).toEqual({ value: 0.01, flag: 'bdl' });
    expect(parseLabValue('-0.005', options)).toEqual({ value: 0.005, flag: 'bdl' });
    expect(parseLabValue('>10', options)).toEqual({ value: 10, flag: 'odl' });
    expect(parseLabValue('NS', options)).toEqual({ value: null, flag: 'ns' });
    expect(parseLabValue('is', options)).toEqual({ value: null, flag: 'is' });
    expect(parseLabValue('abc', options)).toEqual({ value: null, flag: 'invalid' });
    expect(parseLabValue('-0.005', { negativeIsBelowDetection: false })).toEqual({
      value: null,
      flag: 'invalid',
    });
  });
});

describe('missing-value sentinels', () => {
  const options = { negativeIsBelowDetection: true };
  it('reads -99, -999 and -9999 as missing, not as below a limit of thousands', () => {
    for (const text of ['-99', '-999', '-9999', '-999.0', ' -9999 '])
      expect(parseLabValue(text, options)).toEqual({ value: null, flag: 'missing' });
    // Whether or not negatives are below-detection codes.
    expect(parseLabValue('-999', { negativeIsBelowDetection: false })).toEqual({
      value: null,
      flag: 'missing',
    });
    // Other negatives stay below-detection codes; -99.9 is not a built-in sentinel.
    expect(parseLabValue('-0.01', options)).toEqual({ value: 0.01, flag: 'bdl' });
    expect(parseLabValue('-99.9', options)).toEqual({ value: 99.9, flag: 'bdl' });
    expect(parseLabValue('-1', options)).toEqual({ value: 1, flag: 'bdl' });
  });

  it("adds the project's own codes", () => {
    const own = { ...options, missingSentinels: [-1, -99.9] };
    expect(parseLabValue('-1', own)).toEqual({ value: null, flag: 'missing' });
    expect(parseLabValue('-99.9', own)).toEqual({ value: null, flag: 'missing' });
    expect(parseLabValue('-0.5', own)).toEqual({ value: 0.5, flag: 'bdl' });
  });

  it('takes a typed list of negative numbers only', () => {
    expect(parseSentinelList('-1, -99.9;-1  -5')).toEqual([-1, -99.9, -5]);
    expect(parseSentinelList('')).toEqual([]);
    expect(() => parseSentinelList('-1, 999')).toThrow(/"999" is not a negative number/);
    expect(() => parseSentinelList('x')).toThrow(/"x" is not a negative number/);
  });
});

describe('field rules', () => {
  const field = (table: 'holes' | 'surveys', key: string) =>
    TABLE_FIELDS[table].find((spec) => spec.key === key)!;
  it('refuses values that cannot be right by themselves, saying what to type', () => {
    expect(parseField(field('surveys', 'dip'), '120')).toEqual({
      ok: false,
      message: expect.stringContaining('between -90 and 90'),
    });
    expect(parseField(field('surveys', 'azimuth'), '360')).toEqual({
      ok: false,
      message: expect.stringContaining('Use 0 for north'),
    });
    expect(parseField(field('holes', 'easting'), '12a')).toEqual({
      ok: false,
      message: expect.stringContaining('is not a number'),
    });
    expect(parseField(field('holes', 'started_on'), '2011-02-30')).toEqual({
      ok: false,
      message: expect.stringContaining('YYYY-MM-DD'),
    });
    expect(parseField(field('holes', 'dip'), ' -45.5 ')).toEqual({ ok: true, value: -45.5 });
    expect(parseField(field('holes', 'hole_id'), '007')).toEqual({ ok: true, value: '007' });
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    for (const text of ['', ' ', '0x10', 'Infinity', '1,5', '1.2.3', '--1', 'e5'])
      expect(parseNumber(text)).toBeNull();
  });
});

describe('dip convention hint', () => {
  const holes = (spec: Record<string, number[]>) =>
    Object.entries(spec).flatMap(([hole, dips]) => dips.map((dip) => ({ hole, dip })));

  it('reads the sign most holes point down with, and refuses to guess from a mixture', () => {
    expect(detectDipConvention(holes({ A: [60], B: [75, 76], C: [90], D: [45] })).convention).toBe(
      'positive-down',
    );
    expect(detectDipConvention(holes({ A: [-60], B: [-75], C: [30], D: [-90], E: [-80] })).convention).toBe(
      'negative-down',
    );
    const mixed = detectDipConvention(holes({ A: [-60], B: [60], C: [-50], D: [50] }));
    expect(mixed.convention).toBeNull();
    expect(mixed.reason).toBe(
      '2 holes with negative dips (A, C), 2 holes with positive dips (B, D): too mixed to tell which sign is down',
    );
  });

  it('gives each hole one vote: 50 gyro stations of one up-hole do not outvote five down-holes', () => {
    const gyro = Array.from({ length: 50 }, (_, k) => 30 + k * 0.1);
    const hint = detectDipConvention(
      holes({ UP1: gyro, DH1: [-60, -59], DH2: [-55], DH3: [-70, -69], DH4: [-45], DH5: [-80, -80] }),
    );
    expect(hint.convention).toBe('negative-down');
    expect(hint.reason).toBe(
      '5 holes with negative dips, 1 hole with positive dips: most holes point down, so negative-down; UP1 is read as an up-hole',
    );
    expect(hint.otherWay).toEqual(['UP1']);
  });

  it('names holes whose own dips have both signs', () => {
    const hint = detectDipConvention(holes({ A: [-60, -61, 2], B: [-70], C: [-50], D: [-80], E: [-45, 1] }));
    expect(hint.convention).toBe('negative-down');
    expect(hint.reason).toContain('; E has as many dips of each sign and is not counted');
  });
});
