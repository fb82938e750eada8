// Cell edits through the API on a real project file: refused values write nothing, accepted ones are
// audited, and the problems table after each edit is exactly what a full `drillbench validate` finds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SamplePageRow } from '../../src/api/types';
import { validateProject } from '../../src/services/validation/validate-project';
import { apiError, freshStatus, openDemoFixture, problemSnapshot, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const one = <T>(sql: string, ...params: unknown[]): T => fixture.project.db.prepare(sql).get(...params) as T;

/** The problems kept up to date by the edits must equal a full re-validation from scratch. */
async function expectProblemsCurrent(): Promise<void> {
  expect(await fixture.api['project.status']({})).toEqual(freshStatus(fixture.project));
  const kept = problemSnapshot(fixture.project);
  validateProject(fixture.project.db, fixture.project.settings.length_unit);
  expect(kept).toEqual(problemSnapshot(fixture.project));
}

function changeSets(): number {
  return one<{ n: number }>('SELECT count(*) AS n FROM change_sets').n;
}

describe('typed edits', () => {
  it('stores a depth, audits old and new value, and flags the overlap it makes', async () => {
    const { api } = fixture;
    const result = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'depth_from', text: '64.0' }],
    });
    expect(one<{ depth_from: number }>('SELECT depth_from FROM samples WHERE id = 2').depth_from).toBe(64);
    const entry = one<{ old_value: number; new_value: number; column_name: string; undoable: number }>(
      `SELECT a.old_value, a.new_value, a.column_name, c.undoable FROM audit_log a JOIN change_sets c ON c.id = a.change_set
        WHERE a.change_set = ?`,
      result.changeSet,
    );
    expect(entry).toEqual({ old_value: 64.5, new_value: 64, column_name: 'depth_from', undoable: 1 });
    const edited = result.rows.find((row) => row.id === 2) as SamplePageRow;
    expect(edited.depth_from).toBe(64);
    expect(edited.problems.map((p) => `${p.rule}:${p.column}`)).toContain('interval-overlap:depth_from');
    expect(edited.problems[0]?.message).toContain('overlaps Sample 0712001');
    expect(result.status.problems.errors).toBe(1);
    await expectProblemsCurrent();
  });

  it('refuses text in a number column, a dip of 120 and an unknown code, and writes nothing', async () => {
    const { api } = fixture;
    const before = changeSets();
    const text = await apiError(
      api['table.edit']({ table: 'samples', edits: [{ rowId: 2, column: 'depth_to', text: 'abc' }] }),
    );
    expect(text.code).toBe('refused');
    expect(text.message).toBe('To: "abc" is not a number. Type digits such as 12.5.');
    const dip = await apiError(
      api['table.edit']({ table: 'holes', edits: [{ rowId: 1, column: 'dip', text: '120' }] }),
    );
    expect(dip.message).toContain('Dip must be between -90 and 90 (got 120)');
    const code = await apiError(
      api['table.edit']({ table: 'lithology', edits: [{ rowId: 1, column: 'code', text: 'XYZ' }] }),
    );
    expect(code.message).toContain('"XYZ" is not in the lithology list');
    const hole = await apiError(
      api['table.edit']({ table: 'samples', edits: [{ rowId: 2, column: 'hole_id', text: 'NOPE-1' }] }),
    );
    expect(hole.message).toContain('Hole NOPE-1 is not in the project');
    const taken = await apiError(
      api['table.edit']({ table: 'holes', edits: [{ rowId: 1, column: 'hole_id', text: 'EUG-10-034' }] }),
    );
    expect(taken.message).toContain('already used by another hole');
    expect(changeSets()).toBe(before);
    expect(one<{ depth_to: number }>('SELECT depth_to FROM samples WHERE id = 2').depth_to).toBe(66.5);
  });

  it('refuses every edit of a batch when one is refused', async () => {
    const error = await apiError(
      fixture.api['table.edit']({
        table: 'samples',
        edits: [
          { rowId: 2, column: 'comments', text: 'fine' },
          { rowId: 3, column: 'density', text: '99' },
        ],
      }),
    );
    expect(error.message).toContain('Density must be between 0.5 and 8');
    expect(one<{ comments: string | null }>('SELECT comments FROM samples WHERE id = 2').comments).toBeNull();
  });

  it('writes nothing and makes no change set when the value is unchanged', async () => {
    const before = changeSets();
    const result = await fixture.api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'depth_to', text: '66.5' }],
    });
    expect(result.changeSet).toBeNull();
    expect(changeSets()).toBe(before);
  });

  it('renames a hole and moves a sample to another hole, re-validating both holes', async () => {
    const { api } = fixture;
    await api['table.edit']({
      table: 'holes',
      edits: [{ rowId: 1, column: 'hole_id', text: 'EUG-10-033A' }],
    });
    expect(one<{ hole_id: string }>('SELECT hole_id FROM holes WHERE id = 1').hole_id).toBe('EUG-10-033A');
    // Sample 2 (64.5-66.5 m) moved into hole 2 lands inside its logged samples.
    const moved = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'hole_id', text: 'EUG-10-034' }],
    });
    expect((moved.rows.find((row) => row.id === 2) as SamplePageRow).hole_id).toBe('EUG-10-034');
    await expectProblemsCurrent();
  });
});

describe('assay cells', () => {
  it('replaces the preferred result in place, keeping the lab text as typed', async () => {
    const { api } = fixture;
    const result = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 1, column: 'analyte:Zn', text: '<0.01' }],
    });
    const stored = one<Record<string, unknown>>(
      'SELECT seq, value, lab_text, flag, preferred, certificate FROM assay_results WHERE sample = 1 AND analyte = 1',
    );
    expect(stored).toEqual({
      seq: 0,
      value: 0.01,
      lab_text: '<0.01',
      flag: 'bdl',
      preferred: 1,
      certificate: 'VAN10005910',
    });
    const row = result.rows.find((r) => r.id === 1) as SamplePageRow;
    expect(row.results.Zn).toEqual({ lab_text: '<0.01', value: 0.01, flag: 'bdl' });
    const audit = one<{ table_name: string; column_name: string; old_value: string; new_value: string }>(
      'SELECT table_name, column_name, old_value, new_value FROM audit_log WHERE change_set = ?',
      result.changeSet,
    );
    expect(audit.table_name).toBe('assay_results');
    expect(audit.column_name).toBe('analyte:Zn');
    expect(JSON.parse(audit.old_value).lab_text).toBe('0.46');
    expect(JSON.parse(audit.new_value).lab_text).toBe('<0.01');
  });

  it('adds a first result as seq 0, clears it again, and refuses unreadable text', async () => {
    const { api } = fixture;
    await api['table.edit']({ table: 'samples', edits: [{ rowId: 1, column: 'analyte:Zn', text: '' }] });
    expect(
      one<{ n: number }>('SELECT count(*) AS n FROM assay_results WHERE sample = 1 AND analyte = 1').n,
    ).toBe(0);
    await api['table.edit']({ table: 'samples', edits: [{ rowId: 1, column: 'analyte:Zn', text: '12.5' }] });
    expect(
      one<Record<string, unknown>>(
        'SELECT seq, value, lab_text, flag, preferred, method FROM assay_results WHERE sample = 1 AND analyte = 1',
      ),
    ).toEqual({ seq: 0, value: 12.5, lab_text: '12.5', flag: 'value', preferred: 1, method: null });
    const error = await apiError(
      api['table.edit']({ table: 'samples', edits: [{ rowId: 1, column: 'analyte:Zn', text: '1.2.3' }] }),
    );
    expect(error.message).toContain('Zn (%): "1.2.3" is neither a number nor a result code');
  });

  it('flags a percent value over 100 and keeps it', async () => {
    const result = await fixture.api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 1, column: 'analyte:Zn', text: '120' }],
    });
    const row = result.rows.find((r) => r.id === 1) as SamplePageRow;
    expect(row.problems.map((p) => `${p.rule}:${p.column}`)).toEqual(
      expect.arrayContaining(['assay-over-100-percent:analyte:Zn', 'assay-percent-sum:null']),
    );
    await expectProblemsCurrent();
  });
});

describe('missing-value codes in the grid', () => {
  const zn = () =>
    one<Record<string, unknown>>(
      'SELECT value, lab_text, flag FROM assay_results WHERE sample = 1 AND analyte = 1',
    );

  it('stores -999 as no result, flags an impossible limit, and follows the project setting', async () => {
    const { api } = fixture;
    await api['table.edit']({ table: 'samples', edits: [{ rowId: 1, column: 'analyte:Zn', text: '-999' }] });
    expect(zn()).toEqual({ value: null, lab_text: '-999', flag: 'missing' });
    const result = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 1, column: 'analyte:Zn', text: '-5000' }],
    });
    expect(zn()).toEqual({ value: 5000, lab_text: '-5000', flag: 'bdl' });
    const row = result.rows.find((r) => r.id === 1) as SamplePageRow;
    expect(row.problems.map((p) => `${p.rule}:${p.column}`)).toContain('assay-implausible-limit:analyte:Zn');
    await expectProblemsCurrent();
    const before = (await api['settings.list']({})).find((s) => s.key === 'assays.missing_sentinels');
    expect(before).toMatchObject({ value: '', isDefault: true });
    const change = await api['settings.set']({ key: 'assays.missing_sentinels', value: '-5000' });
    expect(change.effect).toBe(
      '1 stored result re-read: 1 now missing-value codes (no result); 1 hole re-validated.',
    );
    expect(zn()).toEqual({ value: null, lab_text: '-5000', flag: 'missing' });
    await expectProblemsCurrent();
    const refused = await apiError(api['settings.set']({ key: 'assays.missing_sentinels', value: '5000' }));
    expect(refused.message).toContain('"5000" is not a negative number');
    expect((await apiError(api['settings.set']({ key: 'no.such', value: '1' }))).message).toContain(
      'There is no project setting "no.such"',
    );
  });
});

describe('project-wide rules after an edit', () => {
  it('re-checks only the sample IDs involved and agrees with a full check', async () => {
    const { api } = fixture;
    const result = await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'sample_id', text: '0712001' }],
    });
    const flagged = result.rows.filter((row) => row.problems.some((p) => p.rule === 'duplicate-sample-id'));
    expect(flagged.map((row) => row.id).sort()).toEqual([1, 2]);
    await expectProblemsCurrent();
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: 2, column: 'sample_id', text: '0712002' }],
    });
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM problems WHERE rule = 'duplicate-sample-id'`).n,
    ).toBe(0);
    await expectProblemsCurrent();
  });

  it('flags a field duplicate whose parent is renamed away, and clears it when renamed back', async () => {
    const { api, project } = fixture;
    const duplicate = project.db
      .prepare(
        `SELECT d.id, p.id AS parent FROM samples d JOIN samples p ON p.sample_id = d.parent_sample_id WHERE d.sample_type = 'duplicate' LIMIT 1`,
      )
      .get() as { id: number; parent: number };
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: duplicate.parent, column: 'sample_id', text: 'GONE' }],
    });
    expect(
      one<{ row_id: number }>(`SELECT row_id FROM problems WHERE rule = 'duplicate-parent-missing'`).row_id,
    ).toBe(duplicate.id);
    await expectProblemsCurrent();
    const original = one<{ parent_sample_id: string }>(
      'SELECT parent_sample_id FROM samples WHERE id = ?',
      duplicate.id,
    );
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: duplicate.parent, column: 'sample_id', text: original.parent_sample_id }],
    });
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM problems WHERE rule = 'duplicate-parent-missing'`).n,
    ).toBe(0);
  });
});
