// Undo and redo over the audit log on a real project file: edits, added rows, deletes that took results
// and whole holes with them; the stack order; refusals when another change got there first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateProject } from '../../src/services/validation/validate-project';
import { apiError, freshStatus, openDemoFixture, problemSnapshot, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const all = (sql: string, ...params: unknown[]) => fixture.project.db.prepare(sql).all(...params);
const one = <T>(sql: string, ...params: unknown[]): T => fixture.project.db.prepare(sql).get(...params) as T;

/** Everything a hole holds, to compare before a delete and after its undo. */
function holeContents(hole: number): unknown {
  return {
    hole: all('SELECT * FROM holes WHERE id = ?', hole),
    surveys: all('SELECT * FROM surveys WHERE hole = ? ORDER BY id', hole),
    samples: all('SELECT * FROM samples WHERE hole = ? ORDER BY id', hole),
    results: all(
      'SELECT r.* FROM assay_results r JOIN samples s ON s.id = r.sample WHERE s.hole = ? ORDER BY r.sample, r.analyte, r.seq',
      hole,
    ),
    lithology: all('SELECT * FROM lithology WHERE hole = ? ORDER BY id', hole),
  };
}

async function expectProblemsCurrent(): Promise<void> {
  expect(await fixture.api['project.status']({})).toEqual(freshStatus(fixture.project));
  const kept = problemSnapshot(fixture.project);
  validateProject(fixture.project.db, fixture.project.settings.length_unit);
  expect(kept).toEqual(problemSnapshot(fixture.project));
}

describe('undo and redo', () => {
  it('takes an edit back and puts it again, each as an audited change set', async () => {
    const { api } = fixture;
    const edit = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'depth_from', text: '64' }],
    });
    const undone = await api['edit.undo']({});
    expect(undone.replayed.id).toBe(edit.changeSet);
    expect(undone.tables).toEqual(['samples']);
    expect(one<{ depth_from: number }>('SELECT depth_from FROM samples WHERE id = 2').depth_from).toBe(64.5);
    expect(
      one<Record<string, unknown>>(
        'SELECT source, replays, undoable FROM change_sets WHERE id = ?',
        undone.changeSet,
      ),
    ).toEqual({ source: 'undo', replays: edit.changeSet, undoable: 0 });
    expect(one<{ state: string }>('SELECT state FROM change_sets WHERE id = ?', edit.changeSet).state).toBe(
      'undone',
    );
    expect(undone.status.problems.errors).toBe(0);
    await expectProblemsCurrent();
    const redone = await api['edit.redo']({});
    expect(redone.replayed.id).toBe(edit.changeSet);
    expect(one<{ depth_from: number }>('SELECT depth_from FROM samples WHERE id = 2').depth_from).toBe(64);
    expect(redone.status.problems.errors).toBe(1);
    await expectProblemsCurrent();
  });

  it('keeps stack order over several edits, and a new edit clears what could be redone', async () => {
    const { api } = fixture;
    for (const text of ['a', 'b', 'c'])
      await api['table.edit']({ table: 'samples', edits: [{ rowId: 2, column: 'comments', text }] });
    const comment = () =>
      one<{ comments: string | null }>('SELECT comments FROM samples WHERE id = 2').comments;
    await api['edit.undo']({});
    await api['edit.undo']({});
    expect(comment()).toBe('a');
    await api['edit.redo']({});
    expect(comment()).toBe('b');
    expect((await api['edit.history']({})).redo?.description).toContain('Comments');
    await api['table.edit']({ table: 'samples', edits: [{ rowId: 2, column: 'comments', text: 'd' }] });
    expect((await api['edit.history']({})).redo).toBeNull();
    expect((await apiError(api['edit.redo']({}))).message).toBe('There is nothing to redo.');
    await api['edit.undo']({});
    await api['edit.undo']({});
    await api['edit.undo']({});
    expect(comment()).toBeNull();
  });

  it('puts back a deleted sample with every one of its results', async () => {
    const { api } = fixture;
    const before = all('SELECT * FROM assay_results WHERE sample = 1 ORDER BY analyte, seq');
    const sample = all('SELECT * FROM samples WHERE id = 1');
    expect(before.length).toBe(2);
    const deleted = await api['table.delete']({ table: 'samples', rowIds: [1] });
    expect(deleted.status.counts.samples).toBe(1466);
    expect(deleted.status.counts.assayResults).toBe(2932);
    expect(all('SELECT * FROM assay_results WHERE sample = 1')).toEqual([]);
    const undone = await api['edit.undo']({});
    expect(all('SELECT * FROM samples WHERE id = 1')).toEqual(sample);
    expect(all('SELECT * FROM assay_results WHERE sample = 1 ORDER BY analyte, seq')).toEqual(before);
    expect(undone.status.counts.assayResults).toBe(2934);
    await api['edit.redo']({});
    expect(all('SELECT * FROM samples WHERE id = 1')).toEqual([]);
    await expectProblemsCurrent();
  });

  it('puts back a deleted hole with its surveys, samples, results and lithology', async () => {
    const { api } = fixture;
    const before = holeContents(1);
    const preview = await api['table.deletePreview']({ table: 'holes', rowIds: [1] });
    expect(preview.labels).toEqual(['Hole EUG-10-033']);
    expect(preview.dependents.samples).toBeGreaterThan(0);
    await api['table.delete']({ table: 'holes', rowIds: [1] });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM samples WHERE hole = 1').n).toBe(0);
    await expectProblemsCurrent();
    await api['edit.undo']({});
    expect(holeContents(1)).toEqual(before);
    await expectProblemsCurrent();
  });

  it('takes back added rows, and refuses to when another change added rows to them', async () => {
    const { api, project } = fixture;
    const added = await api['table.insert']({
      table: 'holes',
      rows: [{ hole_id: 'NEW-1', easting: '500000', northing: '6000000', eoh: '100' }],
    });
    const hole = added.ids[0]!;
    // Another writer (an import, say) adds a survey to the new hole: undoing the hole would lose it.
    project.db.prepare('INSERT INTO surveys (hole, depth, azimuth, dip) VALUES (?, 0, 10, -60)').run(hole);
    const error = await apiError(api['edit.undo']({}));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Hole NEW-1 has 1 row added to it since');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM holes WHERE id = ?', hole).n).toBe(1);
    project.db.prepare('DELETE FROM surveys WHERE hole = ?').run(hole);
    await api['edit.undo']({});
    expect(one<{ n: number }>('SELECT count(*) AS n FROM holes WHERE id = ?', hole).n).toBe(0);
  });

  it('refuses to undo an edit whose cell was changed since by something else', async () => {
    const { api, project } = fixture;
    await api['table.edit']({ table: 'holes', edits: [{ rowId: 1, column: 'eoh', text: '200' }] });
    project.db.prepare('UPDATE holes SET eoh = 250 WHERE id = 1').run();
    const error = await apiError(api['edit.undo']({}));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('eoh was changed since (it is now 250, not 200)');
    expect(one<{ eoh: number }>('SELECT eoh FROM holes WHERE id = 1').eoh).toBe(250);
  });

  it('does not reach imports: they are not on the undo stack', async () => {
    expect((await fixture.api['edit.history']({})).undo).toBeNull();
    expect((await apiError(fixture.api['edit.undo']({}))).message).toBe('There is nothing to undo.');
  });
});
