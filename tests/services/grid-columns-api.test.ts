// The grids' column calls through the API router, on real project files: a layout saved in the project
// (read back by another connection, reset, refused when malformed) without disturbing the grid's views;
// the analyte columns a view has no results for (Forrestania's hole BD048 checked against SQL; a view too
// large to read whole); and the decimals each number column was written with.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { ApiCallError } from '../../src/api/result';
import { createRouter } from '../../src/services/api/router';
import { EMPTY_SCAN_BUDGET } from '../../src/services/grid/column-info';
import { gridSession } from '../../src/services/grid/grid-session';
import { runImport } from '../../src/services/import/import-engine';
import { JobRunner } from '../../src/services/jobs/job-runner';
import { closeProject, openProject, type Project } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { demoProject, newProject, tempDirectory } from '../helpers/project-fixtures';

const FORRESTANIA = join(DATASETS, 'forrestania');
const directory = tempDirectory('drillbench-grid-columns-');
const opened: { project: Project; jobs: JobRunner }[] = [];

function client(project: Project): ApiClient {
  const jobs = new JobRunner(project.path, 'tester');
  opened.push({ project, jobs });
  const router = createRouter({ project, osUser: 'tester', source: 'grid', jobs });
  return createApiClient((method, input) => router.dispatch(method, input));
}

afterAll(async () => {
  for (const { project, jobs } of opened) {
    await jobs.close();
    if (project.db.open) closeProject(project);
  }
  directory.remove();
});

let forrestania: Project;
let api: ApiClient;

beforeAll(() => {
  forrestania = newProject(directory.path, 'forrestania');
  const summary = runImport(
    forrestania.db,
    forrestania.settings,
    {
      files: [
        { kind: 'collars', path: join(FORRESTANIA, 'collar.csv') },
        { kind: 'surveys', path: join(FORRESTANIA, 'survey.csv') },
        { kind: 'assays', path: join(FORRESTANIA, 'assay.csv') },
      ],
    },
    { osUser: 'tester', source: 'cli' },
  );
  expect(summary.counts.samples).toBe(4074);
  api = client(forrestania);
});

describe('saved layouts', () => {
  it('saves a grid’s layout in the project file, another connection reads it, and reset forgets it', async () => {
    expect((await api['grid.columns']({ table: 'holes' })).layout).toBeNull();
    const layout = {
      columns: [
        { id: 'hole_id', width: 110 },
        { id: 'northing', width: 150, decimals: 2 },
        { id: 'easting', visible: false },
      ],
      showEmptyAnalytes: true,
    };
    const saved = await api['grid.saveLayout']({ table: 'holes', layout });
    expect(saved.layout).toEqual(layout);

    const other = openProject(forrestania.path);
    try {
      const otherApi = client(other);
      expect((await otherApi['grid.columns']({ table: 'holes' })).layout).toEqual(layout);
      expect((await otherApi['grid.columns']({ table: 'surveys' })).layout).toBeNull();
    } finally {
      closeProject(other);
    }

    const reset = await api['grid.resetLayout']({ table: 'holes' });
    expect(reset.layout).toBeNull();
    expect((await api['grid.columns']({ table: 'holes' })).layout).toBeNull();
  });

  it('refuses a malformed layout, naming what is wrong', async () => {
    const attempts = [
      { table: 'holes', layout: { columns: [{ id: 'easting', width: 5 }] } },
      { table: 'holes', layout: { columns: [{ id: 'easting', decimals: 7 }] } },
      { table: 'holes', layout: { columns: [{ id: 'easting', colour: 'red' }] } },
      { table: 'rocks', layout: { columns: [] } },
    ];
    for (const input of attempts) {
      const error = await api['grid.saveLayout'](input as never).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(ApiCallError);
      expect((error as ApiCallError).error.code).toBe('invalid-input');
    }
    expect((await api['grid.columns']({ table: 'holes' })).layout).toBeNull();
  });

  it('leaves the grid’s views as they are: saving a layout is not a change to the data', async () => {
    const view = { table: 'samples' as const, sort: [{ column: 'depth_to', direction: 'desc' as const }] };
    await api['table.page']({ ...view, offset: 0, limit: 10 });
    const session = gridSession(forrestania);
    const before = session.views.get(forrestania.db, view);
    const generation = session.generation;
    await api['grid.saveLayout']({ table: 'samples', layout: { columns: [{ id: 'depth_to', width: 90 }] } });
    expect(session.views.get(forrestania.db, view)).toBe(before);
    expect(session.generation).toBe(generation);
    // Nor is it in the audit log or on the undo stack.
    expect((await api['edit.history']({})).undo).toBeNull();
  });
});

describe('empty analyte columns', () => {
  it('lists the analytes hole BD048 has no results for, as SQL counts them', async () => {
    const withResults = forrestania.db
      .prepare(
        `SELECT DISTINCT a.code FROM assay_results r JOIN analytes a ON a.id = r.analyte
           JOIN samples s ON s.id = r.sample JOIN holes h ON h.id = s.hole
          WHERE h.hole_id = 'BD048' AND r.preferred = 1 AND r.flag IN ('value', 'bdl', 'odl', 'invalid')`,
      )
      .pluck()
      .all() as string[];
    const all = forrestania.db.prepare('SELECT code FROM analytes ORDER BY sort_order, code').pluck().all();
    const answer = await api['table.emptyAnalytes']({ table: 'samples', holeId: 'BD048' });
    expect(answer.complete).toBe(true);
    expect(answer.empty).toEqual(all.filter((code) => !withResults.includes(code as string)));
    expect(answer.empty).toContain('Ag');
    expect(answer.empty).not.toContain('Ni');

    // The whole project: every analyte has results somewhere.
    expect((await api['table.emptyAnalytes']({ table: 'samples' })).empty).toEqual([]);
    // Other grids have no analyte columns.
    expect(await api['table.emptyAnalytes']({ table: 'holes' })).toEqual({ empty: [], complete: true });
  });

  it('counts a filter, and sees a result the grid adds', async () => {
    const view = {
      table: 'samples' as const,
      holeId: 'BD048',
      filters: [{ column: 'depth_from', op: 'lessThan' as const, value: 144 }],
    };
    const page = await api['table.page']({ ...view, offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect((await api['table.emptyAnalytes'](view)).empty).toContain('Ag');
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: page.rows[0]!.id, column: 'analyte:Ag', text: '0.5' }],
    });
    expect((await api['table.emptyAnalytes'](view)).empty).not.toContain('Ag');
    await api['edit.undo']({});
  });

  it('in a view too large to read whole, hides only analytes with no result in the project', async () => {
    const demo = demoProject(directory.path, 'large');
    const demoApi = client(demo);
    const db = demo.db;
    // A project of more samples than the scan reads, with results for Zn only past that point, for Pb
    // everywhere, and an analyte (Cu) with no results at all.
    db.transaction(() => {
      const hole = db.prepare('SELECT id FROM holes ORDER BY id LIMIT 1').pluck().get() as number;
      const insert = db.prepare('INSERT INTO samples (hole, depth_from, depth_to) VALUES (?, ?, ?)');
      for (let i = 0; i < EMPTY_SCAN_BUDGET + 500; i++) insert.run(hole, 1000 + i, 1001 + i);
      db.prepare("INSERT INTO analytes (code, unit) VALUES ('Cu', '%')").run();
    })();
    const samples = db.prepare('SELECT count(*) FROM samples').pluck().get() as number;
    expect(samples).toBeGreaterThan(EMPTY_SCAN_BUDGET);
    const view = { table: 'samples' as const, sort: [{ column: 'depth_from', direction: 'desc' as const }] };
    await demoApi['table.page']({ ...view, offset: 0, limit: 10 });
    const answer = await demoApi['table.emptyAnalytes'](view);
    expect(answer.complete).toBe(false);
    // Zn and Pb have results in the project (past the rows read), so they stay shown; Cu has none.
    expect(answer.empty).toEqual(['Cu']);
  });
});

describe('decimals written', () => {
  it('reads Forrestania’s float32 depths, dips and azimuths as the numbers meant', async () => {
    const samples = await api['grid.columns']({ table: 'samples' });
    expect(samples.written).toMatchObject({ depth_from: 2, depth_to: 2, density: 0 });
    const surveys = await api['grid.columns']({ table: 'surveys' });
    expect(surveys.written).toMatchObject({ depth: 2, dip: 2, azimuth: 3 });
    // The shifted local coordinates carry every binary digit: shown to 6 decimals unless set.
    const holes = await api['grid.columns']({ table: 'holes' });
    expect(holes.written).toMatchObject({ easting: 6, northing: 6, elevation: 0 });
  });
});
