// A large table in the browser: 300,000 synthetic samples imported into a temporary project, sorted by an
// analyte and by a depth, filtered by hole and by a column filter, scrolled to the very end, and edited
// there; the project file then holds exactly that edit.
import { test as base, expect } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticProject } from '../../bench/synthetic-project';
import { cell, filterHole, openView, readProject } from './entry-grid-helpers';
import { drillbench, startHost } from './web-host-fixture';

const HOLES = 3000;
const SAMPLES_PER_HOLE = 100;

interface LargeProject {
  url: string;
  projectPath: string;
}

const test = base.extend<object, { large: LargeProject }>({
  large: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-large-'));
      const files = await writeSyntheticProject(directory, {
        holes: HOLES,
        samplesPerHole: SAMPLES_PER_HOLE,
        seed: 7,
      });
      const projectPath = join(directory, 'large.drillbench');
      drillbench('new', projectPath, '--name', 'large');
      drillbench(
        'import',
        projectPath,
        '--collars',
        files.collars,
        '--surveys',
        files.surveys,
        '--assays',
        files.assays,
      );
      const { url, child } = await startHost(projectPath);
      await use({ url, projectPath });
      await stop(child);
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

test('sorts, filters and scrolls 300,000 samples, and edits the last row', async ({ page, large }) => {
  const total = HOLES * SAMPLES_PER_HOLE;
  await page.goto(large.url);
  await openView(page, 'Samples and assays');
  await expect(page.locator('.row-total')).toHaveText(`${total.toLocaleString('en')} rows`);

  // Sort by copper, highest first: the top row holds the project's largest Cu result.
  const [highest] = readProject<{ lab_text: string }>(
    large.projectPath,
    `SELECT r.lab_text FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE a.code = 'Cu' ORDER BY r.value DESC LIMIT 1`,
  );
  const cuHeader = page.getByRole('columnheader', { name: 'Cu (%)' });
  await cuHeader.click();
  await cuHeader.click();
  await expect(cuHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(cell(page, 0, 'analyte:Cu')).toHaveText(highest!.lab_text);
  await page.screenshot({ path: 'test-results/screenshots/large-sorted.png' });

  // The hole filter narrows the sorted view to one hole's 100 samples.
  await filterHole(page, 'SY01500');
  await expect(page.locator('.row-total')).toHaveText('100 rows');
  await expect(cell(page, 0, 'hole_id')).toHaveText('SY01500');
  await filterHole(page, '');
  await expect(page.locator('.row-total')).toHaveText(`${total.toLocaleString('en')} rows`);

  // A column filter: sample IDs starting S00012 (S0001200 to S0001299), sorted by To, deepest first.
  await page.getByRole('columnheader', { name: 'Cu (%)' }).click();
  const toHeader = page.getByRole('columnheader', { name: 'To (m)' });
  await toHeader.click();
  await toHeader.click();
  await page.locator('.ag-header-cell[col-id="sample_id"] .ag-header-cell-filter-button').click();
  const filter = page.locator('.ag-filter');
  await filter.locator('select, .ag-picker-field').first().click();
  await page.getByRole('option', { name: 'Begins with' }).click();
  await filter.getByRole('textbox').first().fill('S00012');
  await filter.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.row-total')).toHaveText('100 rows');
  const [deepest] = readProject<{ sample_id: string }>(
    large.projectPath,
    `SELECT sample_id FROM samples WHERE sample_id LIKE 'S00012%' ORDER BY depth_to DESC, id LIMIT 1`,
  );
  await expect(cell(page, 0, 'sample_id')).toHaveText(deepest!.sample_id);
  // The filter stays open after Apply, as AG Grid does with Apply and Reset buttons.
  await filter.getByRole('button', { name: 'Reset' }).click();
  await page.keyboard.press('Escape');
  await expect(filter).toHaveCount(0);
  await expect(page.locator('.row-total')).toHaveText(`${total.toLocaleString('en')} rows`);

  // Jump to the very end of the sorted 300,000 rows (Ctrl+Down, as in a spreadsheet) and edit the last one.
  await cell(page, 0, 'comments').click();
  await page.keyboard.press('Control+ArrowDown');
  const last = cell(page, total - 1, 'comments');
  await expect(last).toBeVisible({ timeout: 15_000 });
  const lastSample = await cell(page, total - 1, 'sample_id').textContent();
  // The jump left the last cell focused: typing starts the edit.
  await expect(last).toHaveClass(/ag-cell-focus/);
  await page.keyboard.type('checked at the bottom');
  await page.keyboard.press('Enter');
  await expect(last).toHaveText('checked at the bottom');
  await page.screenshot({ path: 'test-results/screenshots/large-bottom.png' });

  const [shallowest] = readProject<{ sample_id: string }>(
    large.projectPath,
    `SELECT sample_id FROM samples ORDER BY depth_to ASC, id DESC LIMIT 1`,
  );
  expect(lastSample).toBe(shallowest!.sample_id);
  expect(
    readProject(large.projectPath, `SELECT sample_id, comments FROM samples WHERE comments IS NOT NULL`),
  ).toEqual([{ sample_id: lastSample, comments: 'checked at the bottom' }]);
});
