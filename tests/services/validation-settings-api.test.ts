// The Validation view's calls on the demo project (issue 11): gap warnings as a project setting that
// re-validates as a job, the list filtered by part of a hole ID and by rule, and warnings acknowledged
// with a note that survives re-validation, lapses when the data changes, and is kept in the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { apiError } from '../entry/entry-fixture';
import { demoProject, tempDirectory } from '../helpers/project-fixtures';

let directory: ReturnType<typeof tempDirectory>;
let session: ApiSession;
let api: ApiClient;

beforeEach(() => {
  directory = tempDirectory();
  session = openApiSession(demoProject(directory.path), 'api', 'geologist');
  api = createApiClient((method, input) => session.router.dispatch(method, input));
});
afterEach(async () => {
  await session.close();
  directory.remove();
});

// The demo's QA/QC batches (issue 10) bring warnings of their own: these tests count the others.
async function warningsBesidesQaqc(): Promise<number> {
  const { counts } = await api['validation.summary']({});
  return counts
    .filter((count) => count.severity === 'warning' && !count.rule.startsWith('qaqc-'))
    .reduce((sum, count) => sum + count.count, 0);
}

async function setGaps(change: Parameters<ApiClient['validation.setGapSettings']>[0]) {
  const result = await api['validation.setGapSettings'](change);
  if (result.job) {
    const done = await session.jobs.wait(result.job.id);
    expect(done.state).toBe('done');
  }
  return result;
}

describe('gap warnings as a project setting', () => {
  it('warns only inside sampled runs by default, so the demo keeps only its two dogleg warnings', async () => {
    expect(await api['validation.gapSettings']({})).toEqual({
      mode: 'inside-runs',
      runBreak: 5,
      defaultMode: 'inside-runs',
      defaultRunBreak: 5,
      lengthUnit: 'm',
    });
    const summary = await api['validation.summary']({});
    expect(
      summary.counts.filter((c) => !c.rule.startsWith('qaqc-')).map((c) => `${c.rule}:${c.count}`),
    ).toEqual(['survey-dogleg:2']);
  });

  it('re-validates as a job when changed, and audits the change', async () => {
    const all = await setGaps({ mode: 'all' });
    expect(all.changed).toBe(true);
    expect(all.settings.mode).toBe('all');
    expect(await warningsBesidesQaqc()).toBe(57);
    // A run break longer than the demo's breaks between runs joins them: every gap is inside a run.
    await setGaps({ mode: 'inside-runs', runBreak: 200 });
    expect(await warningsBesidesQaqc()).toBe(57);
    await setGaps({ mode: 'off' });
    expect(await warningsBesidesQaqc()).toBe(2);
    const unchanged = await api['validation.setGapSettings']({ mode: 'off' });
    expect(unchanged).toMatchObject({ changed: false, job: null });
    const audit = session.project.db
      .prepare(
        `SELECT l.column_name, l.old_value, l.new_value, c.os_user FROM audit_log l JOIN change_sets c ON c.id = l.change_set
          WHERE l.table_name = 'project_settings' ORDER BY l.id`,
      )
      .all();
    expect(audit).toEqual([
      {
        column_name: 'validation.sample_gaps',
        old_value: 'inside-runs',
        new_value: 'all',
        os_user: 'geologist',
      },
      {
        column_name: 'validation.sample_gaps',
        old_value: 'all',
        new_value: 'inside-runs',
        os_user: 'geologist',
      },
      { column_name: 'validation.sample_run_break', old_value: '5', new_value: '200', os_user: 'geologist' },
      {
        column_name: 'validation.sample_gaps',
        old_value: 'inside-runs',
        new_value: 'off',
        os_user: 'geologist',
      },
    ]);
    expect((await apiError(api['validation.setGapSettings']({ runBreak: -1 }))).code).toBe('invalid-input');
  });

  it('is one of the named project settings (drillbench settings), which re-validates the same way', async () => {
    const listed = (await api['settings.list']({})).find(
      (setting) => setting.key === 'validation.sample_gaps',
    );
    expect(listed).toMatchObject({ value: 'inside-runs', isDefault: true, default: 'inside-runs' });
    const change = await api['settings.set']({ key: 'validation.sample_gaps', value: 'ALL' });
    expect(change).toMatchObject({
      value: 'all',
      effect: 'The project was re-validated with the new value.',
    });
    expect((await api['validation.gapSettings']({})).mode).toBe('all');
    expect(await warningsBesidesQaqc()).toBe(57);
    const refused = await apiError(
      api['settings.set']({ key: 'validation.sample_gaps', value: 'sometimes' }),
    );
    expect(refused.message).toBe('validation.sample_gaps: Give off, inside-runs, all (got "sometimes").');
    expect((await api['validation.gapSettings']({})).mode).toBe('all');
  });
});

describe('the problem list', () => {
  it('filters by part of a hole ID in any case, and by rule', async () => {
    await setGaps({ mode: 'all' });
    const hole = await api['validation.list']({ hole: 'eug-10-03' });
    expect(new Set(hole.rows.map((row) => row.hole_id))).toEqual(
      new Set(['EUG-10-033', 'EUG-10-034', 'EUG-10-035', 'EUG-10-036', 'EUG-10-037']),
    );
    const rule = await api['validation.list']({ rule: 'survey-dogleg' });
    expect(rule.rows.map((row) => row.hole_id)).toEqual(['EUG-11-038', 'EUG-11-038']);
    expect((await api['validation.list']({ rule: 'interval-gap', hole: '038' })).total).toBe(1);
    expect((await api['validation.list']({ hole: '%' })).total).toBe(0);
  });
});

describe('acknowledging a warning', () => {
  async function firstDogleg() {
    const { rows } = await api['validation.list']({ rule: 'survey-dogleg' });
    return rows[0]!;
  }

  it('keeps who, when and the note, hides it on request, and survives re-validation', async () => {
    const warning = await firstDogleg();
    const summary = await api['validation.acknowledge']({
      problemId: warning.id,
      note: 'Real bend: the hole was wedged at 100 m (driller log 2011-06-14).',
    });
    expect(summary).toMatchObject({ acknowledged: 1 });
    expect(await warningsBesidesQaqc()).toBe(2);
    const listed = (await api['validation.list']({ rule: 'survey-dogleg' })).rows;
    expect(listed[0]?.acknowledgement).toMatchObject({
      note: 'Real bend: the hole was wedged at 100 m (driller log 2011-06-14).',
      os_user: 'geologist',
    });
    expect(listed[1]?.acknowledgement).toBeNull();
    const shown = await api['validation.list']({ rule: 'survey-dogleg', acknowledged: 'hide' });
    expect(shown.rows.map((r) => r.id)).toEqual([listed[1]!.id]);
    expect((await api['validation.list']({ acknowledged: 'only' })).total).toBe(1);

    await api['validation.run']({});
    const again = (await api['validation.list']({ rule: 'survey-dogleg' })).rows;
    expect(again[0]?.acknowledgement?.note).toMatch(/^Real bend/);
    expect((await api['validation.summary']({})).acknowledged).toBe(1);
  });

  it('lapses when the row the warning is about is changed, even back again by undo', async () => {
    const warning = await firstDogleg();
    await api['validation.acknowledge']({ problemId: warning.id, note: 'Checked against the gyro.' });
    const { id, azimuth } = session.project.db
      .prepare('SELECT id, azimuth FROM surveys WHERE id = ?')
      .get(warning.row_id) as { id: number; azimuth: number };
    // A corrected azimuth: the warning is no longer the one accepted, whatever its rounded words say.
    await api['table.edit']({
      table: 'surveys',
      edits: [{ rowId: id, column: 'azimuth', text: String(azimuth + 1) }],
    });
    const changed = (await api['validation.list']({ rule: 'survey-dogleg' })).rows;
    expect(changed.every((row) => row.acknowledgement === null)).toBe(true);
    expect((await api['validation.summary']({})).acknowledged).toBe(0);
    await api['edit.undo']({});
    // The warning reads as before, but the row was written since: someone should look at it again.
    const restored = (await api['validation.list']({ rule: 'survey-dogleg' })).rows;
    expect(restored.find((row) => row.row_id === id)?.message).toBe(warning.message);
    expect(restored.find((row) => row.row_id === id)?.acknowledgement).toBeNull();
    expect((await api['validation.summary']({})).acknowledged).toBe(0);
  });

  it('is kept in the audit log, with its withdrawal', async () => {
    const warning = await firstDogleg();
    await api['validation.acknowledge']({ problemId: warning.id, note: 'Known wedge.' });
    const acknowledged = (await api['validation.list']({ rule: 'survey-dogleg' })).rows[0]!.acknowledgement!;
    await api['validation.withdrawAcknowledgement']({ id: acknowledged.id });
    expect((await api['validation.list']({ rule: 'survey-dogleg' })).rows[0]?.acknowledgement).toBeNull();
    const log = await api['validation.acknowledgementLog']({});
    expect(log.map((event) => [event.action, event.note, event.hole_id, event.os_user])).toEqual([
      ['withdrawn', 'Known wedge.', 'EUG-11-038', 'geologist'],
      ['acknowledged', 'Known wedge.', 'EUG-11-038', 'geologist'],
    ]);
    expect(log[1]?.message).toBe(warning.message);
  });

  it('refuses errors, an empty note, a warning acknowledged already and a problem no longer stored', async () => {
    const db = session.project.db;
    // Make an error: a sample whose From is past its To.
    const sample = db
      .prepare("SELECT id FROM samples WHERE sample_type = 'regular' LIMIT 1")
      .pluck()
      .get() as number;
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: sample, column: 'depth_from', text: '999' }],
    });
    const [error] = (await api['validation.list']({ severity: 'error' })).rows;
    const refused = await apiError(api['validation.acknowledge']({ problemId: error!.id, note: 'fine' }));
    expect(refused).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('Only warnings can be acknowledged'),
    });
    const warning = await firstDogleg();
    expect((await apiError(api['validation.acknowledge']({ problemId: warning.id, note: '  ' }))).code).toBe(
      'invalid-input',
    );
    await api['validation.acknowledge']({ problemId: warning.id, note: 'ok' });
    expect(
      (await apiError(api['validation.acknowledge']({ problemId: warning.id, note: 'twice' }))).code,
    ).toBe('conflict');
    expect((await apiError(api['validation.acknowledge']({ problemId: 999_999, note: 'gone' }))).code).toBe(
      'not-found',
    );
  });
});
