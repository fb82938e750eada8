import { describe, expect, it } from 'vitest';
import { addedRowLabel, nextRowValues, startField } from '../../src/domain/entry/next-row';

describe('where typing starts in the new-row form', () => {
  it('is the same field for every row of a table once the hole is known', () => {
    expect(startField('holes', {})).toBe('hole_id');
    expect(startField('samples', { hole_id: 'DH-1', depth_from: '10', depth_to: '11' })).toBe('sample_id');
    expect(startField('samples', { hole_id: 'DH-1' })).toBe('sample_id');
    expect(startField('lithology', { hole_id: 'DH-1', depth_from: '10' })).toBe('depth_to');
    expect(startField('surveys', { hole_id: 'DH-1' })).toBe('depth');
  });

  it('is Hole ID while a child row has no hole', () => {
    expect(startField('samples', {})).toBe('hole_id');
    expect(startField('lithology', { hole_id: '  ' })).toBe('hole_id');
  });
});

describe('the row after the one added', () => {
  it('follows on from a sample interval with the same length and no sample ID', () => {
    expect(
      nextRowValues('samples', {
        hole_id: 'EUG-10-035',
        depth_from: '185.1',
        depth_to: '186.7',
        sample_id: 'UW0001',
        sample_type: 'blank',
        density: '2.9',
        'analyte:Zn': '1.2',
      }),
    ).toEqual({ hole_id: 'EUG-10-035', depth_from: '186.7', depth_to: '188.3', sample_type: 'regular' });
  });

  it('keeps the lithology code and rounds away floating-point noise', () => {
    expect(
      nextRowValues('lithology', { hole_id: 'H', depth_from: '0.1', depth_to: '0.3', code: 'PGN' }),
    ).toEqual({ hole_id: 'H', depth_from: '0.3', depth_to: '0.5', code: 'PGN' });
  });

  it('suggests no To when the last interval had no length', () => {
    expect(nextRowValues('samples', { hole_id: 'H', depth_to: '12' })).toEqual({
      hole_id: 'H',
      depth_from: '12',
      sample_type: 'regular',
    });
    expect(nextRowValues('samples', { hole_id: 'H' })).toEqual({ hole_id: 'H', sample_type: 'regular' });
  });

  it('keeps what holes of one pad share and nothing measured', () => {
    expect(
      nextRowValues('holes', {
        hole_id: 'KB-001',
        easting: '5000',
        hole_type: 'DD',
        station: 'Pad 3',
        program: '2011',
        started_on: '2011-06-30',
      }),
    ).toEqual({ hole_type: 'DD', station: 'Pad 3', program: '2011' });
  });

  it('keeps a survey station hole and method only', () => {
    expect(
      nextRowValues('surveys', { hole_id: 'H', depth: '30', azimuth: '120', dip: '-60', method: 'GYRO' }),
    ).toEqual({ hole_id: 'H', method: 'GYRO' });
  });

  it('names the added row', () => {
    expect(addedRowLabel('samples', { hole_id: 'H', depth_from: '1', depth_to: '2', sample_id: 'S1' })).toBe(
      'sample S1 of H 1-2',
    );
    expect(addedRowLabel('holes', { hole_id: 'KB-001' })).toBe('hole KB-001');
  });
});
