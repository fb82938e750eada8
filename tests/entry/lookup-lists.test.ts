// Editable lookup lists through the API on a real project file: codes added, renamed with every row
// using them, described, and deleted only when no row uses them; all undoable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, openDemoFixture, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const count = (sql: string, ...params: unknown[]) =>
  fixture.project.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('lookup lists', () => {
  it('lists every list with its codes, the columns using it and how often each code is used', async () => {
    const lists = await fixture.api['lookups.lists']({});
    const lithology = lists.find((list) => list.list === 'lithology')!;
    expect(lithology.label).toBe('Lithology codes');
    expect(lithology.usedBy).toEqual([{ table: 'lithology', column: 'code', label: 'Lithology' }]);
    const pgn = lithology.codes.find((code) => code.code === 'PGN')!;
    expect(pgn.uses).toBe(count(`SELECT count(*) FROM lithology WHERE code = 'PGN'`));
    expect(lists.map((list) => list.list)).toEqual(expect.arrayContaining(['hole_type', 'survey_method']));
  });

  it('adds a code that the grid then accepts, and refuses one already there', async () => {
    const { api } = fixture;
    const refused = await apiError(
      api['table.edit']({ table: 'lithology', edits: [{ rowId: 1, column: 'code', text: 'QV' }] }),
    );
    expect(refused.message).toContain('not in the lithology list');
    await api['lookups.add']({ list: 'lithology', code: 'QV', description: 'Quartz vein' });
    await api['table.edit']({ table: 'lithology', edits: [{ rowId: 1, column: 'code', text: 'QV' }] });
    expect(count(`SELECT count(*) FROM lithology WHERE id = 1 AND code = 'QV'`)).toBe(1);
    const again = await apiError(api['lookups.add']({ list: 'lithology', code: 'QV' }));
    expect(again.code).toBe('exists');
  });

  it('renames a code with every row using it, audited, and one undo takes it all back', async () => {
    const { api } = fixture;
    const used = count(`SELECT count(*) FROM lithology WHERE code = 'PGN'`);
    expect(used).toBeGreaterThan(10);
    const lists = await api['lookups.update']({
      list: 'lithology',
      code: 'PGN',
      newCode: 'PGNS',
      description: 'Paragneiss',
    });
    const renamed = lists
      .find((list) => list.list === 'lithology')!
      .codes.find((code) => code.code === 'PGNS');
    // The new name has no stored colour: it is drawn in the default for a gneiss.
    expect(renamed).toEqual({
      code: 'PGNS',
      description: 'Paragneiss',
      uses: used,
      colour: null,
      shownColour: '#c48fb7',
    });
    expect(count(`SELECT count(*) FROM lithology WHERE code = 'PGN'`)).toBe(0);
    expect(
      count(`SELECT count(*) FROM audit_log WHERE table_name = 'lithology' AND new_value = 'PGNS'`),
    ).toBe(used);
    await api['edit.undo']({});
    expect(count(`SELECT count(*) FROM lithology WHERE code = 'PGN'`)).toBe(used);
    expect(
      fixture.project.db
        .prepare(`SELECT description FROM lookup_codes WHERE list = 'lithology' AND code = 'PGN'`)
        .pluck()
        .get(),
    ).toBe('Pelitic gneiss and schist (biotite-sillimanite)');
  });

  it('refuses to delete a code in use, with the number of rows using it, and deletes an unused one', async () => {
    const { api } = fixture;
    const used = count(`SELECT count(*) FROM lithology WHERE code = 'PGN'`);
    const refused = await apiError(api['lookups.delete']({ list: 'lithology', code: 'PGN' }));
    expect(refused.code).toBe('refused');
    expect(refused.message).toBe(
      `PGN is used by ${used.toLocaleString('en')} rows of Lithology; change those rows to another code (or rename PGN instead), then delete it.`,
    );
    expect(count(`SELECT count(*) FROM lookup_codes WHERE code = 'PGN'`)).toBe(1);
    await api['lookups.add']({ list: 'hole_type', code: 'RAB' });
    await api['lookups.delete']({ list: 'hole_type', code: 'RAB' });
    expect(count(`SELECT count(*) FROM lookup_codes WHERE code = 'RAB'`)).toBe(0);
    await api['edit.undo']({});
    expect(count(`SELECT count(*) FROM lookup_codes WHERE code = 'RAB'`)).toBe(1);
  });
});
