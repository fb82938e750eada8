// The project coordinate system as an EPSG code, and collars that cannot be where they say: far outside
// the project's holes (swapped easting and northing, another UTM zone) or in degrees in a projected system.
import { describe, expect, it } from 'vitest';
import { commonCrsList, crsInfo, describeCrs, parseEpsgCode } from '../../src/domain/coordinate-systems';
import {
  checkCollarPlacement,
  farLimit,
  placementConcerns,
  projectExtent,
  type CollarPoint,
} from '../../src/domain/validation/collar-extent';

describe('EPSG codes', () => {
  it('reads the usual ways of typing a code and refuses anything else, saying what to type', () => {
    expect(parseEpsgCode('EPSG:32609')).toBe('EPSG:32609');
    expect(parseEpsgCode(' epsg: 26911 ')).toBe('EPSG:26911');
    expect(parseEpsgCode('28350')).toBe('EPSG:28350');
    expect(parseEpsgCode('')).toBeNull();
    for (const bad of ['NAD83 / UTM zone 11N', 'EPSG:12', 'EPSG:999999', 'UTM 9', 'EPSG:32609x']) {
      expect(() => parseEpsgCode(bad)).toThrow(/is not an EPSG code.*EPSG:32609/);
    }
  });

  it('names the common codes and knows projected from geographic', () => {
    expect(crsInfo('EPSG:32609')).toEqual({
      code: 'EPSG:32609',
      name: 'WGS 84 / UTM zone 9N',
      kind: 'projected',
    });
    expect(crsInfo('EPSG:32750')?.name).toBe('WGS 84 / UTM zone 50S');
    expect(crsInfo('EPSG:26911')?.name).toBe('NAD83 / UTM zone 11N');
    expect(crsInfo('EPSG:28350')?.name).toBe('GDA94 / MGA zone 50');
    expect(crsInfo('EPSG:7850')?.name).toBe('GDA2020 / MGA zone 50');
    expect(crsInfo('EPSG:4326')).toMatchObject({ name: 'WGS 84', kind: 'geographic' });
    expect(crsInfo('EPSG:2955')).toBeNull();
    expect(describeCrs('EPSG:26911')).toBe('EPSG:26911 NAD83 / UTM zone 11N');
    expect(describeCrs('EPSG:2955')).toBe('EPSG:2955');
    expect(describeCrs(null)).toBe('No coordinate system');
    expect(describeCrs('Mine grid')).toBe('Mine grid (not an EPSG code)');
    const list = commonCrsList();
    expect(new Set(list.map((crs) => crs.code)).size).toBe(list.length);
    expect(list.every((crs) => parseEpsgCode(crs.code) === crs.code)).toBe(true);
  });
});

const point = (row_id: number, easting: number, northing: number): CollarPoint => ({
  row_id,
  hole_id: `H${row_id}`,
  easting,
  northing,
});
// A property about 1 km across in UTM zone 11N.
const property = [point(1, 380_000, 5_720_000), point(2, 380_800, 5_720_400), point(3, 380_500, 5_720_900)];

describe('collar placement', () => {
  it('judges against the holes around the median collar, ten diagonals out, between 5 and 50 km', () => {
    const area = projectExtent([...property, point(9, 5_720_000, 380_000)], 'm')!;
    expect(area.holes).toBe(3);
    const extent = area.extent;
    expect(extent).toEqual({
      minEasting: 380_000,
      maxEasting: 380_800,
      minNorthing: 5_720_000,
      maxNorthing: 5_720_900,
    });
    expect(farLimit(extent, 'm')).toBeCloseTo(10 * Math.hypot(800, 900), 6);
    expect(farLimit({ minEasting: 0, maxEasting: 0, minNorthing: 0, maxNorthing: 0 }, 'm')).toBe(5000);
    expect(farLimit({ minEasting: 0, maxEasting: 40_000, minNorthing: 0, maxNorthing: 0 }, 'm')).toBe(50_000);
    expect(farLimit({ minEasting: 0, maxEasting: 0, minNorthing: 0, maxNorthing: 0 }, 'ft')).toBeCloseTo(
      16_404.2,
      1,
    );
  });

  it('warns swapped easting and northing and another UTM zone, not a hole next door', () => {
    const settings = { lengthUnit: 'm' as const, coordinateSystem: 'EPSG:26911' };
    const found = checkCollarPlacement(
      [...property, point(4, 381_500, 5_721_500), point(5, 5_720_300, 380_100), point(6, 790_000, 5_720_000)],
      settings,
    );
    expect(found.map((p) => `${p.rule}:${p.hole_id}`)).toEqual(['collar-far-away:H5', 'collar-far-away:H6']);
    expect(found[0]).toMatchObject({ severity: 'warning', table: 'holes', row_id: 5, column: 'easting' });
    expect(found[0]?.message).toMatch(
      /^Collar of H5 \(E 5,720,300, N 380,100 m\) is [\d,]+ km outside the area of 4 of the project's 6 holes \(E 380,000-381,500, N 5,720,000-5,721,500 m\); check for swapped easting and northing/,
    );
  });

  it('warns longitude and latitude in a projected system only', () => {
    const degrees = point(7, -118.9, 51.7);
    const area = { extent: projectExtent(property, 'm')!.extent, words: "the project's 3 holes" };
    const projected = placementConcerns([degrees], area, {
      lengthUnit: 'm',
      coordinateSystem: 'EPSG:26911',
    });
    expect(projected.map((c) => c.rule)).toEqual(['collar-in-degrees']);
    expect(projected[0]?.message).toContain('EPSG:26911 (NAD83 / UTM zone 11N) is projected, in m');
    const geographic = placementConcerns([degrees, point(8, -118.8, 51.71)], null, {
      lengthUnit: 'm',
      coordinateSystem: 'EPSG:4326',
    });
    expect(geographic).toEqual([]);
    // With no coordinate system and no holes yet there is nothing to judge against.
    expect(placementConcerns([degrees], null, { lengthUnit: 'm', coordinateSystem: null })).toEqual([]);
  });

  it('leaves a project of one tight cluster alone', () => {
    expect(checkCollarPlacement(property, { lengthUnit: 'm', coordinateSystem: null })).toEqual([]);
  });
});
