// Grid speed on the 1M-sample synthetic project, through the API router as the app calls it: 100-row pages
// of views sorted by a non-key column with a filter, at random offsets, and single-cell edits with their
// validation and commit; the column calls the grid makes when it opens (saved layout and decimals) and
// after the first page of each view (analyte columns with no results). Runs on a copy, so the shared
// project stays as the import left it.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiInput } from '../../src/api/contract';
import { createRouter } from '../../src/services/api/router';
import { JobRunner } from '../../src/services/jobs/job-runner';
import { closeProject, openProject } from '../../src/storage/project-db';
import { percentile, type Benchmark, type Figure } from '../bench-types';
import { seededRandom } from '../synthetic-project';

const VIEWS = 12;
const PAGES_PER_VIEW = 50;
const EDITS = 400;
const GOAL_MS = 10;

type View = Omit<ApiInput<'table.page'>, 'offset' | 'limit'>;

function randomView(random: () => number, holes: number): View {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sort = [
    {
      column: pick(['depth_to', 'depth_from', 'sample_id', 'analyte:Cu', 'analyte:Au']),
      direction: pick(['asc', 'desc'] as const),
    },
  ];
  const kind = pick(['cu', 'au', 'depth', 'sample', 'hole'] as const);
  switch (kind) {
    case 'cu':
      return {
        table: 'samples',
        sort,
        filters: [{ column: 'analyte:Cu', op: 'greaterThan', value: 0.5 + random() * 2 }],
      };
    case 'au':
      return {
        table: 'samples',
        sort,
        filters: [{ column: 'analyte:Au', op: 'greaterThan', value: 0.5 + random() * 3 }],
      };
    case 'depth': {
      const from = Math.floor(random() * 120);
      return {
        table: 'samples',
        sort,
        filters: [{ column: 'depth_from', op: 'between', value: from, valueTo: from + 20 }],
      };
    }
    case 'sample':
      return {
        table: 'samples',
        sort,
        filters: [
          {
            column: 'sample_id',
            op: 'startsWith',
            value: `S0${String(Math.floor(random() * 100)).padStart(2, '0')}`,
          },
        ],
      };
    case 'hole':
      return {
        table: 'samples',
        sort,
        holeId: `SY${String(1 + Math.floor(random() * holes)).padStart(5, '0')}`,
      };
  }
}

function describeView(view: View): string {
  const filter = view.filters?.[0];
  const what = filter
    ? `${filter.column} ${filter.op} ${JSON.stringify(filter.value)}`
    : `hole ${view.holeId}`;
  return `sort ${view.sort?.[0]?.column} ${view.sort?.[0]?.direction}, ${what}`;
}

function figures(label: string, times: readonly number[]): Figure[] {
  return [
    { label: `${label} p50`, value: percentile(times, 50), unit: 'ms' },
    { label: `${label} p95`, value: percentile(times, 95), unit: 'ms' },
    { label: `${label} max`, value: Math.max(...times), unit: 'ms' },
  ];
}

export const gridBenchmark: Benchmark = {
  name: 'Grid pages and cell edits on 1M samples',
  async run(context) {
    const path = join(context.workDir, 'grid-benchmark.drillbench');
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    copyFileSync(context.projectPath, path);
    // A write-ahead log left by a process that did not close the file holds committed pages too.
    if (existsSync(`${context.projectPath}-wal`)) copyFileSync(`${context.projectPath}-wal`, `${path}-wal`);
    const project = openProject(path);
    const jobs = new JobRunner(path, 'bench');
    const router = createRouter({ project, osUser: 'bench', source: 'grid', jobs });
    const call = async (method: string, input: unknown): Promise<{ ms: number; value: unknown }> => {
      const start = process.hrtime.bigint();
      const result = await router.dispatch(method, input);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return { ms, value: result.value };
    };
    try {
      const random = seededRandom(2024);
      const holes = project.db.prepare('SELECT count(*) FROM holes').pluck().get() as number;
      const samples = project.db.prepare('SELECT max(id) FROM samples').pluck().get() as number;

      // What the samples grid asks when it opens, before its first page: the saved layout and the
      // decimals its number columns were written with (read from the first 10,000 rows).
      const opening = (await call('grid.columns', { table: 'samples' })).ms;

      const cold: number[] = [];
      const warm: number[] = [];
      const empties: number[] = [];
      for (let v = 0; v < VIEWS; v++) {
        const view = randomView(random, holes);
        const first = await call('table.page', { ...view, offset: 0, limit: 100 });
        cold.push(first.ms);
        // The grid asks which analyte columns are empty once the first page is shown.
        empties.push((await call('table.emptyAnalytes', view)).ms);
        const total = (first.value as { total: number }).total;
        for (let p = 0; p < PAGES_PER_VIEW; p++) {
          const offset = Math.floor(random() * Math.max(1, total - 100));
          warm.push((await call('table.page', { ...view, offset, limit: 100 })).ms);
        }
        context.log(`  ${describeView(view)}: ${total} rows, first page ${first.ms.toFixed(0)} ms`);
      }

      // Realistic single-cell edits of random samples: a To moved a little, a lab result, a sample ID,
      // a density. Each is checked, audited, re-validated (hole and sample IDs) and committed.
      const read = project.db.prepare('SELECT depth_from, depth_to FROM samples WHERE id = ?');
      const edits: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const rowId = 1 + Math.floor(random() * samples);
        const row = read.get(rowId) as { depth_from: number; depth_to: number };
        const edit = [
          { column: 'depth_to', text: String(Math.round((row.depth_to - 0.05) * 100) / 100) },
          { column: 'analyte:Cu', text: (random() * 3).toFixed(3) },
          { column: 'sample_id', text: `BENCH${i}` },
          { column: 'density', text: (2.5 + random()).toFixed(2) },
        ][i % 4]!;
        edits.push((await call('table.edit', { table: 'samples', edits: [{ rowId, ...edit }] })).ms);
      }

      // Judged over every page fetch, the first page of each new view included.
      const pagesMet = percentile([...warm, ...cold], 95) <= GOAL_MS;
      const editsMet = percentile(edits, 95) <= GOAL_MS;
      return {
        name: this.name,
        figures: [
          ...figures('100-row page at a random offset of a sorted, filtered view', warm),
          ...figures('first page of a new sort and filter (builds the view)', cold),
          ...figures('all page fetches together', [...warm, ...cold]),
          ...figures('single-cell edit with validation and commit', edits),
          ...figures('analyte columns with no results in a new view (after its first page)', empties),
          {
            label: 'saved layout and column decimals when the samples grid opens',
            value: opening,
            unit: 'ms',
          },
        ],
        goal: {
          description: `p95 at most ${GOAL_MS} ms for a 100-row page of a sorted, filtered view (every fetch, the first page of each new view included) and for a single-cell edit`,
          met: pagesMet && editsMet,
        },
        notes: [
          `${VIEWS} random views (sort by To, From, sample ID, Cu or Au; filter on Cu, Au, a From range, a sample ID prefix or a hole), ${PAGES_PER_VIEW} pages each at random offsets; ${EDITS} edits of random samples cycling To, Cu, sample ID and density. Timed through the API router, in process (no HTTP or IPC).`,
          `A view is built once, when its sort or filter is first asked for: one SQL query collects the ordered row ids (a sort of up to 1M rows), after which every page at any offset reads 100 rows by primary key. That first page is the "new sort and filter" figure, one fetch in ${PAGES_PER_VIEW + 1} here: it is inside the p95 judged above but far above 10 ms itself, so a user waits a moment after choosing a new sort or filter on a million rows, never while scrolling.`,
          "The column calls are separate from the pages: the saved layout and the column decimals when a grid opens (the decimals from the first 10,000 rows of the table, once per session), and the empty-analyte check after the first page of each view, reading the view's samples a chunk of 2,000 at a time until every analyte is seen (one chunk here).",
          'No new index on samples or assay results: indexes on sort columns would not make the first page of a filtered sort cheap (the filter still scans) and each costs the 1M import seconds; the only index added (migration 0120) is partial on parent sample IDs, which regular samples do not have.',
        ],
      };
    } finally {
      await jobs.close();
      closeProject(project);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
  },
};
