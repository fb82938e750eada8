// Undo and redo per view on a real project file: Ctrl+Z in Holes takes back the newest change to holes
// even when samples were edited after it; redo follows the same scope; a change another view depends on
// is refused by name and nothing moves; the scoped look-up reads the audit index (migration 0210).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoTarget } from '../../src/storage/undo-log';
import { apiError, openDemoFixture, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const one = <T>(sql: string, ...params: unknown[]): T => fixture.project.db.prepare(sql).get(...params) as T;
const program = () => one<{ program: string | null }>('SELECT program FROM holes WHERE id = 1').program;
const comment = () => one<{ comments: string | null }>('SELECT comments FROM samples WHERE id = 2').comments;

async function editHoleAndSample(): Promise<void> {
  await fixture.api['table.edit']({
    table: 'holes',
    edits: [{ rowId: 1, column: 'program', text: 'holes edit' }],
  });
  await fixture.api['table.edit']({
    table: 'samples',
    edits: [{ rowId: 2, column: 'comments', text: 'samples edit' }],
  });
}

describe('undo in one view', () => {
  it("takes back that view's newest change, leaving a later change in another view", async () => {
    const { api } = fixture;
    await editHoleAndSample();
    expect((await api['edit.history']({ scope: 'holes' })).undo?.description).toBe(
      'Edit Program of Hole EUG-10-033',
    );
    expect((await api['edit.history']({ scope: 'samples' })).undo?.description).toContain(
      'Edit Comments of EUG-10-033 sample 0712002',
    );
    expect((await api['edit.history']({ scope: 'lithology' })).undo).toBeNull();
    const undone = await api['edit.undo']({ scope: 'holes' });
    expect(undone.replayed.description).toBe('Edit Program of Hole EUG-10-033');
    expect(program()).toBe('2011 Lower E Zone underground');
    expect(comment()).toBe('samples edit');
    expect((await apiError(api['edit.undo']({ scope: 'holes' }))).message).toBe(
      'There is nothing to undo in Holes.',
    );
    // The project-wide stack still has the samples edit.
    expect((await api['edit.history']({})).undo?.description).toContain('Edit Comments');
  });

  it('redoes in its view; an edit elsewhere does not end it, one in the view does', async () => {
    const { api } = fixture;
    await editHoleAndSample();
    await api['edit.undo']({ scope: 'holes' });
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'comments', text: 'later samples edit' }],
    });
    expect((await api['edit.history']({ scope: 'holes' })).redo?.description).toBe(
      'Edit Program of Hole EUG-10-033',
    );
    expect((await api['edit.history']({ scope: 'samples' })).redo).toBeNull();
    await api['edit.redo']({ scope: 'holes' });
    expect(program()).toBe('holes edit');
    await api['edit.undo']({ scope: 'holes' });
    await api['table.edit']({ table: 'holes', edits: [{ rowId: 2, column: 'program', text: 'new' }] });
    expect((await api['edit.history']({ scope: 'holes' })).redo).toBeNull();
    expect((await apiError(api['edit.redo']({ scope: 'holes' }))).message).toBe(
      'There is nothing to redo in Holes.',
    );
  });

  it('counts results with samples, and a hole delete in every view it took rows from', async () => {
    const { api } = fixture;
    await api['table.edit']({ table: 'samples', edits: [{ rowId: 2, column: 'analyte:Zn', text: '9.9' }] });
    expect((await api['edit.history']({ scope: 'samples' })).undo?.description).toBe(
      'Edit Zn (%) of EUG-10-033 sample 0712002 (64.5-66.5)',
    );
    await api['table.delete']({ table: 'holes', rowIds: [5] });
    for (const scope of ['holes', 'surveys', 'samples', 'lithology'] as const) {
      expect((await api['edit.history']({ scope })).undo?.description).toMatch(/^Delete Hole /);
    }
    await api['edit.undo']({ scope: 'lithology' });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM holes WHERE id = 5').n).toBe(1);
    expect((await api['edit.history']({ scope: 'samples' })).undo?.description).toContain('Edit Zn (%)');
  });

  it('refuses to take back a hole that got samples in another view since, changing nothing', async () => {
    const { api } = fixture;
    await api['table.insert']({ table: 'holes', rows: [{ hole_id: 'SCOPE-1' }] });
    await api['table.insert']({
      table: 'samples',
      rows: [{ hole_id: 'SCOPE-1', depth_from: '0', depth_to: '1', sample_id: 'SC1' }],
    });
    const refused = await apiError(api['edit.undo']({ scope: 'holes' }));
    expect(refused.message).toBe(
      'Hole SCOPE-1 has 1 row added to it since (in another view, another window or by an import); undo or delete those first.',
    );
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM holes WHERE hole_id = 'SCOPE-1'`).n).toBe(1);
    await api['edit.undo']({ scope: 'samples' });
    await api['edit.undo']({ scope: 'holes' });
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM holes WHERE hole_id = 'SCOPE-1'`).n).toBe(0);
  });

  it('keeps lookup list changes in the Lookup lists scope', async () => {
    const { api } = fixture;
    await api['lookups.add']({ list: 'lithology', code: 'QV', description: 'Quartz vein' });
    expect((await api['edit.history']({ scope: 'lithology' })).undo).toBeNull();
    expect((await api['edit.history']({ scope: 'lookups' })).undo?.description).toBe(
      'Add code QV to Lithology codes',
    );
    await api['edit.undo']({ scope: 'lookups' });
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM lookup_codes WHERE code = 'QV'`).n).toBe(0);
  });

  it('finds the scope through the audit index, not by reading every entry of a change set', () => {
    const plan = fixture.project.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT 1 FROM audit_log a WHERE a.change_set = ? AND a.table_name IN (?, ?)`,
      )
      .all(1, 'samples', 'assay_results') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('audit_log_change_set_table');
    expect(undoTarget(fixture.project.db, ['holes'])).toBeUndefined();
  });
});
