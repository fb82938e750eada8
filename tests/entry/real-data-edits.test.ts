// Data entry on a real, messy data set (Copper Creek: overlapping and gapped intervals, below-detection
// codes): every edit keeps the problems exactly as a full `drillbench validate` finds them, and undoing
// everything brings back the data and the problems as imported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/api/client';
import { createRouter } from '../../src/services/api/router';
import { runImport } from '../../src/services/import/import-engine';
import { JobRunner } from '../../src/services/jobs/job-runner';
import { validateProject } from '../../src/services/validation/validate-project';
import { closeProject, createProject, type Project } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { freshStatus, problemSnapshot } from './entry-fixture';

const DATA = join(DATASETS, 'copper_creek');

let directory: string;
let project: Project;
let api: ApiClient;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-copper-'));
  project = createProject(
    join(directory, 'copper.drillbench'),
    { name: 'Copper Creek', length_unit: 'm', dip_convention: 'negative-down' },
    'tester',
  );
  runImport(
    project.db,
    project.settings,
    {
      files: [
        { kind: 'collars', path: join(DATA, 'collar.csv') },
        { kind: 'surveys', path: join(DATA, 'survey.csv') },
        { kind: 'assays', path: join(DATA, 'assay.csv') },
        { kind: 'lithology', path: join(DATA, 'lithology.csv') },
      ],
    },
    { osUser: 'tester', source: 'import' },
  );
  const router = createRouter({
    project,
    osUser: 'tester',
    source: 'grid',
    jobs: new JobRunner(project.path, 'tester'),
  });
  api = createApiClient((method, input) => router.dispatch(method, input));
});

afterAll(() => {
  closeProject(project);
  rmSync(directory, { recursive: true, force: true });
});

const all = (sql: string) => project.db.prepare(sql).all();

async function expectCurrent(): Promise<void> {
  expect(await api['project.status']({})).toEqual(freshStatus(project));
  const kept = problemSnapshot(project);
  validateProject(project.db, project.settings.length_unit);
  expect(kept).toEqual(problemSnapshot(project));
}

describe('edits on Copper Creek', () => {
  it('keeps the problems exact through fixes, pastes and deletes, and undo restores the import', async () => {
    const samplesBefore = all('SELECT * FROM samples ORDER BY id');
    const resultsBefore = all('SELECT * FROM assay_results ORDER BY sample, analyte, seq');
    const problemsBefore = problemSnapshot(project);
    const overlaps = project.db
      .prepare(
        `SELECT row_id FROM problems WHERE rule = 'interval-overlap' AND table_name = 'samples' ORDER BY row_id LIMIT 3`,
      )
      .pluck()
      .all() as number[];
    expect(overlaps.length).toBe(3);

    // Fix the first overlap by starting the sample where the one before it ends.
    const [first] = overlaps;
    const previous = project.db
      .prepare(
        `SELECT p.depth_to FROM samples s JOIN samples p ON p.hole = s.hole AND p.depth_from < s.depth_from AND p.id <> s.id
          WHERE s.id = ? ORDER BY p.depth_from DESC LIMIT 1`,
      )
      .pluck()
      .get(first) as number;
    await api['table.edit']({
      table: 'samples',
      edits: [{ rowId: first!, column: 'depth_from', text: String(previous) }],
    });
    await expectCurrent();

    // Paste results over the second's hole, from its first row, sorted as the grid shows them.
    const hole = project.db
      .prepare('SELECT h.hole_id FROM samples s JOIN holes h ON h.id = s.hole WHERE s.id = ?')
      .pluck()
      .get(overlaps[1]) as string;
    const view = { table: 'samples' as const, holeId: hole };
    const page = await api['table.page']({ ...view, offset: 0, limit: 3 });
    const pasted = await api['table.paste']({
      view,
      startIndex: 0,
      anchorRowId: page.rows[0]!.id,
      columns: ['depth_to', 'analyte:Cu'],
      rows: [
        ['1000', '<0.005'],
        ['', '0.42'],
      ],
      mode: 'apply',
    });
    expect(pasted.applied).toBe(true);
    await expectCurrent();

    // Delete the third overlapping sample and a whole hole.
    await api['table.delete']({ table: 'samples', rowIds: [overlaps[2]!] });
    const holeRow = project.db.prepare(`SELECT id FROM holes WHERE hole_id = ?`).pluck().get(hole) as number;
    await api['table.delete']({ table: 'holes', rowIds: [holeRow] });
    await expectCurrent();

    for (let step = 0; step < 4; step++) await api['edit.undo']({});
    expect(all('SELECT * FROM samples ORDER BY id')).toEqual(samplesBefore);
    expect(all('SELECT * FROM assay_results ORDER BY sample, analyte, seq')).toEqual(resultsBefore);
    expect(problemSnapshot(project)).toEqual(problemsBefore);
    await expectCurrent();
  });
});
