// Grid pages through the API: sorting (analytes included) and filtering in SQL from the whitelist, any
// offset read from the view's ordered ids, edited rows staying put, and other writers' changes seen.
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SamplePageRow } from '../../src/api/types';
import { readPage, readRowsByIds } from '../../src/storage/table-pages';
import { apiError, openDemoFixture, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

describe('grid pages', () => {
  it('sorts by an analyte through its preferred result and filters on it', async () => {
    const page = await fixture.api['table.page']({
      table: 'samples',
      offset: 0,
      limit: 50,
      sort: [{ column: 'analyte:Zn', direction: 'desc' }],
      filters: [{ column: 'analyte:Zn', op: 'greaterThan', value: 5 }],
    });
    const values = page.rows.map((row) => (row as SamplePageRow).results.Zn!.value!);
    expect(values.length).toBeGreaterThan(0);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Math.min(...values)).toBeGreaterThan(5);
    const expected = fixture.project.db
      .prepare(
        `SELECT count(*) FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE a.code = 'Zn' AND r.preferred = 1 AND r.value > 5`,
      )
      .pluck()
      .get();
    expect(page.total).toBe(expected);
  });

  it('serves any offset of a sorted, filtered view exactly as SQL LIMIT/OFFSET would', async () => {
    const query = {
      table: 'samples' as const,
      sort: [{ column: 'depth_to', direction: 'desc' as const }],
      filters: [{ column: 'sample_id', op: 'startsWith' as const, value: '07121' }],
    };
    for (const offset of [0, 37, 400]) {
      const page = await fixture.api['table.page']({ ...query, offset, limit: 25 });
      const direct = readPage(fixture.project.db, { ...query, offset, limit: 25 });
      expect(page.total).toBe(direct.total);
      expect(page.rows.map((row) => row.id)).toEqual(direct.rows.map((row) => row.id));
    }
  });

  it('keeps an edited row in place until the view is sorted again', async () => {
    const { api } = fixture;
    const view = { table: 'samples' as const, sort: [{ column: 'depth_from', direction: 'asc' as const }] };
    const first = await api['table.page']({ ...view, offset: 0, limit: 5 });
    const target = first.rows[2]!;
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: target.id, column: 'depth_from', text: '999' }],
    });
    const again = await api['table.page']({ ...view, offset: 0, limit: 5 });
    expect(again.rows[2]?.id).toBe(target.id);
    expect((again.rows[2] as SamplePageRow).depth_from).toBe(999);
    const located = await api['table.locate']({ ...view, rowId: target.id });
    expect(located.index).toBe(2);
    // Sorting the other way builds a new view, where the row takes its sorted place.
    const resorted = await api['table.page']({
      ...view,
      sort: [{ column: 'depth_from', direction: 'desc' }],
      offset: 0,
      limit: 1,
    });
    expect(resorted.rows[0]?.id).toBe(target.id);
  });

  it('sees rows written by another connection', async () => {
    const { api, project } = fixture;
    const view = { table: 'holes' as const, offset: 0, limit: 500 };
    const before = await api['table.page'](view);
    const other = new DatabaseConstructor(project.path);
    other.prepare(`INSERT INTO holes (hole_id) VALUES ('ZZ-OTHER')`).run();
    other.close();
    const after = await api['table.page'](view);
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.at(-1)?.hole_id).toBe('ZZ-OTHER');
    expect((await api['project.status']({})).counts.holes).toBe(before.total + 1);
  });

  it('refuses a column outside the whitelist', async () => {
    const error = await apiError(
      fixture.api['table.page']({
        table: 'samples',
        offset: 0,
        limit: 10,
        sort: [{ column: 'id; DROP TABLE samples', direction: 'asc' }],
      }),
    );
    expect(error.code).toBe('refused');
    expect(error.message).toContain('has no column');
  });

  it('marks each row with its stored problems', () => {
    const [row] = readRowsByIds(fixture.project.db, 'samples', [19]);
    // Sample 19 is in the demo's batch with a failing blank (issue 10): its Zn result is warned too.
    expect(row?.problems).toEqual([
      expect.objectContaining({ rule: 'interval-gap', column: 'depth_from', severity: 'warning' }),
      expect.objectContaining({ rule: 'qaqc-blank-failure', column: 'analyte:Zn', severity: 'warning' }),
    ]);
  });

  it('reads pages by primary key and problems through their row index', () => {
    const plan = (sql: string) =>
      (
        fixture.project.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
          ...sql
            .split('?')
            .slice(1)
            .map(() => '[1]'),
        ) as { detail: string }[]
      )
        .map((step) => step.detail)
        .join('\n');
    expect(
      plan(
        'SELECT t.*, h.hole_id FROM samples t JOIN holes h ON h.id = t.hole WHERE t.id IN (SELECT value FROM json_each(?))',
      ),
    ).toMatch(/SEARCH t USING INTEGER PRIMARY KEY/);
    expect(
      plan(
        `SELECT * FROM problems WHERE table_name IN (SELECT value FROM json_each(?)) AND row_id IN (SELECT value FROM json_each(?))`,
      ),
    ).toMatch(/USING INDEX problems_row/);
    expect(
      plan(
        `SELECT id FROM samples WHERE parent_sample_id IN (SELECT value FROM json_each(?)) AND parent_sample_id IS NOT NULL`,
      ),
    ).toMatch(/samples_parent_sample_id/);
  });
});
