// Dates through the API as the grids send them: the locale's order travels with the edit, the insert and
// the paste, the server reads the text with it and stores ISO; without it only ISO dates are taken.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, openDemoFixture, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const holeDates = (id: number) =>
  fixture.project.db.prepare('SELECT started_on, completed_on FROM holes WHERE id = ?').get(id);

describe('dates with the locale order', () => {
  it('edits a date typed day/month/year (3/12/2010 is 3 December) and keeps ISO, also in the audit log', async () => {
    await fixture.api['table.edit']({
      table: 'holes',
      edits: [{ rowId: 1, column: 'started_on', text: '3/12/2010' }],
      dateOrder: 'dmy',
    });
    expect(holeDates(1)).toMatchObject({ started_on: '2010-12-03' });
    expect(
      fixture.project.db
        .prepare(
          `SELECT new_value FROM audit_log WHERE action = 'update' AND table_name = 'holes' AND column_name = 'started_on'`,
        )
        .all(),
    ).toEqual([{ new_value: '2010-12-03' }]);
  });

  it('refuses the same text without the order, and a date in the other order with it', async () => {
    const without = await apiError(
      fixture.api['table.edit']({
        table: 'holes',
        edits: [{ rowId: 1, column: 'started_on', text: '24/11/2010' }],
      }),
    );
    expect(without.message).toBe('Started: "24/11/2010" is not a date. Use YYYY-MM-DD, e.g. 2011-06-30.');
    const swapped = await apiError(
      fixture.api['table.edit']({
        table: 'holes',
        edits: [{ rowId: 1, column: 'started_on', text: '11/24/2010' }],
        dateOrder: 'dmy',
      }),
    );
    expect(swapped.message).toContain('24 is not a month (dates are read as day/month/year here)');
  });

  it('adds a hole and pastes dates month/day/year for an en-US user', async () => {
    const added = await fixture.api['table.insert']({
      table: 'holes',
      rows: [{ hole_id: 'US-1', started_on: '6/5/2011' }],
      dateOrder: 'mdy',
    });
    expect(holeDates(added.ids[0]!)).toEqual({ started_on: '2011-06-05', completed_on: null });
    const pasted = await fixture.api['table.paste']({
      view: { table: 'holes' },
      startIndex: 0,
      anchorRowId: 1,
      columns: ['started_on', 'completed_on'],
      rows: [['12/3/2010', 'Dec 10, 2010']],
      mode: 'apply',
      dateOrder: 'mdy',
    });
    expect(pasted.applied).toBe(true);
    expect(holeDates(1)).toEqual({ started_on: '2010-12-03', completed_on: '2010-12-10' });
  });
});
