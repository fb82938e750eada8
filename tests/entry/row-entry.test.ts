// Adding rows, the next interval of a hole and adding a hole through the API on a real project file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HolePageRow } from '../../src/api/types';
import { apiError, openDemoFixture, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

describe('adding rows', () => {
  it("suggests the next interval from the hole's deepest To and adds it", async () => {
    const { api, project } = fixture;
    const deepest = project.db
      .prepare(
        `SELECT depth_from, depth_to FROM samples WHERE hole = 1 AND sample_type = 'regular' ORDER BY depth_to DESC LIMIT 1`,
      )
      .get() as { depth_from: number; depth_to: number };
    const next = await api['table.nextInterval']({ table: 'samples', holeId: 'EUG-10-033' });
    expect(next.depth_from).toBe(deepest.depth_to);
    expect(next.depth_to).toBeCloseTo(deepest.depth_to + (deepest.depth_to - deepest.depth_from), 6);
    const added = await api['table.insert']({
      table: 'samples',
      rows: [
        {
          hole_id: 'EUG-10-033',
          depth_from: String(next.depth_from),
          depth_to: '170.5',
          sample_id: 'NX-1',
          'analyte:Zn': '2.5',
        },
      ],
    });
    expect(added.rows[0]).toMatchObject({
      hole_id: 'EUG-10-033',
      depth_from: next.depth_from,
      depth_to: 170.5,
      sample_type: 'regular',
    });
    expect((added.rows[0] as { results: Record<string, unknown> }).results.Zn).toEqual({
      lab_text: '2.5',
      value: 2.5,
      flag: 'value',
    });
    const lithology = await api['table.nextInterval']({ table: 'lithology', holeId: 'EUG-10-033' });
    expect(lithology.depth_from).toBe(
      project.db.prepare('SELECT max(depth_to) FROM lithology WHERE hole = 1').pluck().get(),
    );
  });

  it('adds a hole with its collar fields, and refuses a hole ID already used or a missing one', async () => {
    const { api } = fixture;
    const added = await api['table.insert']({
      table: 'holes',
      rows: [
        {
          hole_id: 'DH-NEW',
          easting: '512345.6',
          northing: '6712345.1',
          elevation: '1500',
          azimuth: '45',
          dip: '-60',
          eoh: '250',
          hole_type: 'DD',
          started_on: '2024-07-01',
        },
      ],
    });
    expect(added.rows[0] as HolePageRow).toMatchObject({
      hole_id: 'DH-NEW',
      easting: 512345.6,
      dip: -60,
      eoh: 250,
      hole_type: 'DD',
      started_on: '2024-07-01',
    });
    expect(added.status.counts.holes).toBe(77);
    const taken = await apiError(api['table.insert']({ table: 'holes', rows: [{ hole_id: 'DH-NEW' }] }));
    expect(taken.message).toBe(
      'New row: Hole ID DH-NEW is already used by another hole; hole IDs must be unique.',
    );
    const missing = await apiError(api['table.insert']({ table: 'holes', rows: [{ easting: '1' }] }));
    expect(missing.message).toBe('New row: Hole ID is required.');
    const date = await apiError(
      api['table.insert']({ table: 'holes', rows: [{ hole_id: 'X', started_on: '2024-02-30' }] }),
    );
    expect(date.message).toContain('"2024-02-30" is not a date');
  });

  it('refuses a lithology row without its code, and an unknown column', async () => {
    const { api } = fixture;
    const code = await apiError(
      api['table.insert']({
        table: 'lithology',
        rows: [{ hole_id: 'EUG-10-033', depth_from: '1', depth_to: '2' }],
      }),
    );
    expect(code.message).toBe('New row: Lithology is required.');
    const column = await apiError(
      api['table.insert']({
        table: 'surveys',
        rows: [{ hole_id: 'EUG-10-033', depth: '1', azimuth: '1', dip: '-50', colour: 'red' }],
      }),
    );
    expect(column.message).toContain('has no column "colour"');
  });
});
