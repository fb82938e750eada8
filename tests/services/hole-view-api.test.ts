// Finding a hole and reading it for its page and strip log, through the API router on real project
// files: the demo (after running the release preset) and Tom zone imported from its CSV files. The rows
// are those the grids show; a run's results in one hole are those of its CSV file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { createRouter } from '../../src/services/api/router';
import { runKind } from '../../src/services/compositing/run-verify';
import { JobRunner } from '../../src/services/jobs/job-runner';
import { readRowsByIds, readViewIds } from '../../src/storage/table-pages';
import type { Project } from '../../src/storage/project-db';
import { importDataset, type DatasetProject } from '../compositing/dataset-project';
import { apiError, openDemoFixture, type EntryFixture } from '../entry/entry-fixture';
import { DATASETS } from '../helpers/datasets';

const control = { osUser: 'tester', source: 'cli' };

function clientOf(project: Project): ApiClient {
  const router = createRouter({
    project,
    osUser: 'tester',
    source: 'api',
    jobs: new JobRunner(project.path, 'tester'),
  });
  return createApiClient((method, input) => router.dispatch(method, input));
}

describe('on the demo project', () => {
  let fixture: EntryFixture;
  let runId: number;
  let compositesId: number;
  beforeAll(() => {
    fixture = openDemoFixture();
    runId = runKind(fixture.project, 'intercepts', { preset: 'lower-e-zone-2011' }, control).run.id;
    compositesId = runKind(fixture.project, 'composites', { params: { length: 2 } }, control).run.id;
  });
  afterAll(() => fixture.close());

  it('finds holes by part of their ID in any case, the exact one first', async () => {
    const { api } = fixture;
    const found = await api['holes.search']({ text: 'eug-11-10', limit: 20 });
    expect(found.total).toBe(10);
    expect(found.holeIds).toEqual(Array.from({ length: 10 }, (_, i) => `EUG-11-10${i}`));
    const exact = await api['holes.search']({ text: '11-109', limit: 3 });
    expect(exact.holeIds).toEqual(['EUG-11-109']);
    expect((await api['holes.search']({ text: 'eug-11-109', limit: 5 })).holeIds[0]).toBe('EUG-11-109');
    const limited = await api['holes.search']({ text: 'EUG', limit: 5 });
    expect(limited.holeIds).toHaveLength(5);
    expect(limited.total).toBe(76);
    // LIKE wildcards typed by the user are plain characters.
    expect(await api['holes.search']({ text: '%', limit: 5 })).toEqual({ holeIds: [], total: 0 });
    expect(await api['holes.search']({ text: '  ', limit: 5 })).toEqual({ holeIds: [], total: 0 });
  });

  it('reads a hole with the rows its grids show, in any case of its ID', async () => {
    const { api, project } = fixture;
    const hole = await api['holes.view']({ holeId: 'eug-11-109' });
    expect(hole.holeId).toBe('EUG-11-109');
    expect(hole.lengthUnit).toBe('m');
    expect(hole.collar).toMatchObject({ hole_id: 'EUG-11-109', eoh: 282.9, station: 'DS-07', problems: [] });
    const grid = (table: 'surveys' | 'samples' | 'lithology') =>
      readRowsByIds(project.db, table, Array.from(readViewIds(project.db, { table, holeId: 'EUG-11-109' })));
    expect(hole.surveys).toEqual(grid('surveys'));
    expect(hole.samples).toEqual(grid('samples'));
    expect(hole.lithology).toEqual(grid('lithology'));
    expect(hole.samples).toHaveLength(18);
    expect(hole.samples.filter((s) => s.sample_type === 'blank')).toHaveLength(1);
    expect(hole.samples.find((s) => s.sample_id === '0713455')?.results.Zn).toMatchObject({ flag: 'value' });
    expect(hole.lithology).toHaveLength(23);
    expect(Object.keys(hole.lithologyCodes).sort()).toEqual(
      [...new Set(hole.lithology.map((row) => row.code))].sort(),
    );
    expect(hole.lithologyCodes.MSUL).toEqual({
      colour: '#a8741a',
      description: 'Massive sulphide: sphalerite, galena, pyrrhotite, pyrite',
    });
    expect(hole.analytes.map((a) => a.code)).toEqual(['Zn', 'Pb']);
  });

  it('refuses a hole that is not there, saying what to do', async () => {
    const error = await apiError(fixture.api['holes.view']({ holeId: 'EUG-99-999' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      'There is no hole "EUG-99-999" in this project; search for it by part of its ID.',
    );
  });

  it("gives a run's intercepts in one hole at full precision, as the release table reads them", async () => {
    const { api } = fixture;
    const results = await api['runs.hole']({ id: runId, holeId: 'EUG-11-109' });
    expect(results.holeId).toBe('EUG-11-109');
    expect(results.read).toBe(true);
    expect(results.leftOut).toBeNull();
    expect(results.grade).toEqual({ expression: 'Zn + Pb', label: 'Zn+Pb', unit: '%' });
    expect(results.analytes).toEqual([
      { code: 'Zn', unit: '%' },
      { code: 'Pb', unit: '%' },
    ]);
    expect(results.intervals).toHaveLength(1);
    const [intercept] = results.intervals;
    expect(intercept!.kind).toBe('intercept');
    expect(intercept!.from).toBeCloseTo(248.8, 9);
    expect(intercept!.to).toBeCloseTo(258.0, 9);
    expect(intercept!.grade!.toFixed(2)).toBe('13.73');
    expect(intercept!.values.map((v) => v!.toFixed(2))).toEqual(['11.80', '1.93']);
    expect(intercept!.trueThickness!.toFixed(1)).toBe('4.0');
    // The angle between hole and plane the thickness was measured at, well above the 15 degrees flagged.
    expect(intercept!.angleToPlane).toBeGreaterThan(15);

    // A second intercept in a hole is an "and", as in the release.
    const two = await api['runs.hole']({ id: runId, holeId: 'EUG-11-083' });
    expect(two.intervals.map((i) => [i.kind, i.from.toFixed(1), i.to.toFixed(1)])).toEqual([
      ['intercept', '55.1', '66.6'],
      ['and', '84.2', '100.8'],
    ]);
    // The same rows as the run's own result pages.
    const page = await api['runs.get']({ id: runId, offset: 0, limit: 100 });
    const fromColumn = page.columns.indexOf('from');
    expect(page.rows.filter((row) => row[0] === 'EUG-11-083').map((row) => row[fromColumn])).toEqual(
      two.intervals.map((i) => i.from),
    );
  });

  it('tells a hole the run did not read (not among its holes) from the holes it read', async () => {
    const { api } = fixture;
    const { run } = await api['runs.get']({ id: runId, offset: 0, limit: 1 });
    const chosen = (run.params as { holes: string[] }).holes;
    expect(chosen).toHaveLength(15);
    const all = (await api['holes.search']({ text: 'EUG', limit: 200 })).holeIds;
    const outside = all.find((holeId) => !chosen.includes(holeId))!;
    expect(await api['runs.hole']({ id: runId, holeId: outside })).toMatchObject({
      holeId: outside,
      intervals: [],
      read: false,
      leftOut: null,
    });
  });

  it("gives a composites run's composites in one hole, one per 2 m", async () => {
    const results = await fixture.api['runs.hole']({ id: compositesId, holeId: 'EUG-11-109' });
    expect(results.grade).toBeNull();
    expect(results.read).toBe(true);
    expect(results.intervals.length).toBeGreaterThan(5);
    for (const composite of results.intervals) {
      expect(composite.kind).toBe('composite');
      expect(composite.length).toBeLessThanOrEqual(2 + 1e-9);
    }
    expect(results.analytes.map((a) => a.code)).toEqual(['Zn', 'Pb']);
  });

  it('refuses a run number that is not there', async () => {
    const error = await apiError(fixture.api['runs.hole']({ id: 999, holeId: 'EUG-11-109' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('There is no run 999');
  });

  it('stores a lithology colour, refuses a bad one with the form to use, and undoes it', async () => {
    const { api } = fixture;
    const colourOf = async (code: string) =>
      (await api['lookups.lists']({}))
        .find((l) => l.list === 'lithology')!
        .codes.find((c) => c.code === code)!;
    expect(await colourOf('QZT')).toMatchObject({ colour: null, shownColour: '#f7e9a0' });
    await api['lookups.update']({ list: 'lithology', code: 'QZT', colour: '#FFEE00' });
    const uses = fixture.project.db
      .prepare("SELECT count(*) FROM lithology WHERE code = 'QZT'")
      .pluck()
      .get() as number;
    expect(await colourOf('QZT')).toMatchObject({ colour: '#ffee00', shownColour: '#ffee00', uses });
    expect((await api['holes.view']({ holeId: 'EUG-11-109' })).lithologyCodes.QZT?.colour).toBe('#ffee00');
    const error = await apiError(api['lookups.update']({ list: 'lithology', code: 'QZT', colour: 'yellow' }));
    expect(error.message).toBe(
      '"yellow" is not a colour; give it as #rrggbb (e.g. #a8741a), or leave it empty for the default.',
    );
    const history = await api['edit.history']({});
    expect(history.undo?.description).toBe('Colour code QZT in Lithology codes');
    await api['edit.undo']({});
    expect(await colourOf('QZT')).toMatchObject({ colour: null, shownColour: '#f7e9a0' });
    await api['lookups.update']({ list: 'lithology', code: 'QZT', colour: '#102030' });
    await api['lookups.update']({ list: 'lithology', code: 'QZT', colour: null });
    expect(await colourOf('QZT')).toMatchObject({ colour: null });
  });
});

describe('on Tom zone imported from its CSV files', () => {
  let data: DatasetProject;
  let api: ApiClient;
  let runId: number;
  beforeAll(() => {
    data = importDataset([
      { kind: 'collars', path: `${DATASETS}/tom_zone/collar.csv` },
      { kind: 'surveys', path: `${DATASETS}/tom_zone/survey.csv` },
      { kind: 'assays', path: `${DATASETS}/tom_zone/assay.csv` },
      { kind: 'lithology', path: `${DATASETS}/tom_zone/interpretation.csv` },
    ]);
    api = clientOf(data.project);
    runId = runKind(
      data.project,
      'intercepts',
      {
        params: {
          grade: 'Zn',
          cutoff: 3,
          minLength: 2,
          maxDilution: 3,
          including: { cutoff: 10, minLength: 1, maxDilution: 0 },
        },
      },
      control,
    ).run.id;
  });
  afterAll(() => data.close());

  it('finds TRC20-002 typed in lower case and reads its 50 samples and 16 logged units', async () => {
    expect((await api['holes.search']({ text: 'trc20-00', limit: 20 })).holeIds[0]).toBe('TRC20-001');
    const hole = await api['holes.view']({ holeId: 'trc20-002' });
    expect(hole.holeId).toBe('TRC20-002');
    expect(hole.samples).toHaveLength(50);
    expect(hole.lithology).toHaveLength(16);
    expect(hole.surveys.length).toBeGreaterThan(1);
    expect(hole.analytes.map((a) => a.code).sort()).toEqual(['Ag', 'Pb', 'Zn']);
    // Colours from the facies named in the descriptions.
    expect(hole.lithologyCodes.TSBF?.colour).toBe('#3a3a3a');
    expect(hole.lithologyCodes.TSPF?.colour).toBe('#f4a6c0');
    expect(hole.lithologyCodes.TSSX?.colour).toBe('#a8741a');
  });

  it('says a hole was read when the run found no intercept in it', async () => {
    const { holeIds } = await api['holes.search']({ text: 'MP20-001', limit: 1 });
    const results = await api['runs.hole']({ id: runId, holeId: holeIds[0]! });
    expect(results.read).toBe(true);
    expect(results.intervals).toEqual([]);
  });

  it('gives the intercept of TRC20-002 and its two "including" parts', async () => {
    const results = await api['runs.hole']({ id: runId, holeId: 'TRC20-002' });
    expect(
      results.intervals.map((i) => [i.kind, i.from.toFixed(1), i.to.toFixed(1), i.grade!.toFixed(2)]),
    ).toEqual([
      ['intercept', '44.2', '57.9', '9.43'],
      ['including', '45.7', '48.8', '11.63'],
      ['including', '54.9', '57.9', '12.36'],
    ]);
  });
});
