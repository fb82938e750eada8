// The Intercepts view in a browser against `drillbench web` on a fresh demo project: run the saved preset
// and see EUG-11-083's two rows with their grades, open a hole's samples from a result row, get a message
// under a bad field, export the report, and cancel a run (jobs paced per hole so Cancel can be pressed).
import { test as base, expect } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { drillbench, startHost } from './web-host-fixture';

interface Hosted {
  url: string;
  projectPath: string;
  directory: string;
}

/** A host whose jobs pause 40 ms after each hole, so a run over all 76 holes lasts long enough to cancel. */
const test = base.extend<object, { paced: Hosted }>({
  paced: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-intercepts-'));
      const projectPath = join(directory, 'demo.drillbench');
      drillbench('demo', projectPath);
      const { url, child } = await startHost(projectPath, { DRILLBENCH_JOB_PACE_MS: '40' });
      await use({ url, projectPath, directory });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

function savedRuns(projectPath: string): number {
  const db = new DatabaseConstructor(projectPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM runs').pluck().get() as number;
  } finally {
    db.close();
  }
}

test('runs the lower-e-zone-2011 preset and shows the release rows', async ({ page, paced }) => {
  await page.goto(paced.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await expect(page.getByRole('heading', { name: 'Significant intercepts' })).toBeVisible();
  // Choosing the preset fills the fields at once.
  await page.getByLabel('Saved presets').selectOption('lower-e-zone-2011');
  await expect(page.getByLabel('Grade expression')).toHaveValue('Zn + Pb');
  await expect(page.getByLabel('Cutoff grade')).toHaveValue('5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByRole('heading', { name: /^Run 1: 21 rows in 15 holes$/ })).toBeVisible();
  const report = page.getByRole('region', { name: 'Report preview' });
  const rows = report.locator('tbody tr');
  await expect(rows).toHaveCount(21);
  const first = rows.filter({ hasText: 'EUG-11-083' });
  await expect(first.locator('td')).toHaveText([
    'EUG-11-083',
    '55.1',
    '66.6',
    '11.5',
    '5.9',
    '11.64',
    '2.34',
    '13.99',
  ]);
  const index = await rows.evaluateAll((list) =>
    list.findIndex((row) => row.textContent?.includes('EUG-11-083')),
  );
  await expect(rows.nth(index + 1).locator('td')).toHaveText([
    'and',
    '84.2',
    '100.8',
    '16.6',
    '8.4',
    '14.43',
    '2.27',
    '16.70',
  ]);
  await expect(report).toContainText('No hole was left out of the calculation.');
  const grid = page.getByLabel('Intercept rows');
  await expect(grid.locator('.ag-row').filter({ hasText: 'EUG-11-083' })).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/intercepts.png', fullPage: true });

  // Export the report beside the project file.
  await page.getByLabel('Export file').fill('release-table');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  await expect(page.getByRole('status', { name: 'Export outcome' })).toContainText(
    'release-table.xlsx (21 rows)',
  );
  expect(existsSync(join(paced.directory, 'release-table.xlsx'))).toBe(true);

  // A result row opens that hole's samples.
  await grid.locator('.ag-row').filter({ hasText: 'EUG-11-083' }).first().click();
  await expect(page.getByRole('region', { name: 'Samples and assays' })).toBeVisible();
  await expect(page.getByLabel('Hole filter')).toHaveValue('EUG-11-083');
  await expect(page.locator('.grid-panel .ag-row').first()).toContainText('EUG-11-083');
  const holes = await page.locator('.grid-panel .ag-row [col-id="hole_id"]').allTextContents();
  expect(holes.length).toBeGreaterThan(5);
  expect(new Set(holes)).toEqual(new Set(['EUG-11-083']));
  await page.screenshot({ path: 'test-results/screenshots/intercepts-hole-samples.png' });

  // Coming back keeps the run on screen.
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await expect(page.getByRole('heading', { name: /^Run 1: 21 rows/ })).toBeVisible();
});

test('names a bad value under its field and runs nothing', async ({ page, paced }) => {
  await page.goto(paced.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Grade expression').fill('Zn + Cu');
  await page.getByLabel('Cutoff grade').fill('abc');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#intercepts-cutoff-error')).toHaveText(
    'The cutoff grade must be a number, not "abc".',
  );
  await expect(page.locator('#intercepts-grade-error')).toContainText('Unknown analyte "Cu" at character 6');
  await expect(page.getByRole('alert').filter({ hasText: 'Some parameters need fixing' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/intercepts-bad-values.png' });
});

test('cancels a run and saves nothing', async ({ page, paced }) => {
  const before = savedRuns(paced.projectPath);
  await page.goto(paced.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Saved presets').selectOption('lower-e-zone-all-holes');
  await expect(page.getByLabel('Cutoff grade')).toHaveValue('5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status', { name: 'Run' })).toContainText(/of 76 holes/);
  await page.screenshot({ path: 'test-results/screenshots/intercepts-running.png' });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled; nothing was saved.' })).toBeVisible();
  await expect(progress).toBeHidden();
  expect(savedRuns(paced.projectPath)).toBe(before);
});
