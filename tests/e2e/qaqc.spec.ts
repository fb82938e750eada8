// The QA/QC view in a browser against `drillbench web`: on the demo, pick a standard and analyte, read
// the summary of what is drawn, open a failure's sample in the grid, save the chart as SVG, and change
// the standards table; on tom_zone (no inserts), a clear message instead of empty panels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openView } from './entry-grid-helpers';
import { drillbench, expect, startHost, test } from './web-host-fixture';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('charts a standard, lists its failures and opens one in the grid', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'QA/QC');
  await expect(page.getByTestId('qaqc-summary')).toHaveText(
    '64 standards, 64 blanks and 63 field duplicates inserted; 5 failures, 454 warnings on the samples of their batches.',
  );
  await page.getByRole('combobox', { name: 'Analyte' }).selectOption('Zn');
  await page.getByRole('combobox', { name: 'Standard' }).selectOption('CDN-ME-4');
  await expect(page.getByTestId('control-chart-summary')).toContainText(
    '32 results of CDN-ME-4 Zn: 30 within 2 SD, 0 beyond 2 SD, 2 failures.',
  );
  await expect(page.getByTestId('control-chart-summary')).toContainText(
    'In batch order: certificates by number',
  );
  await expect(page.getByTestId('blanks-summary')).toContainText(
    '64 blanks: 1 above 0.05 % (5 x the detection limit 0.01 %).',
  );
  await expect(page.getByTestId('duplicates-summary')).toContainText('63 pairs; 57 counted for precision');
  const failures = page.getByRole('region', { name: 'Zn failures' }).locator('tbody tr');
  await expect(failures).toHaveCount(4);
  await expect(failures.nth(2)).toContainText('VAN11000293');
  await expect(failures.nth(2)).toContainText('one of two results in a row beyond 2 SD');
  await page.screenshot(shot('qaqc-control-chart'));

  // Save SVG: the file holds the chart's title, its lines and legend as text.
  const figure = page.getByRole('figure', { name: 'Control chart: CDN-ME-4 Zn' });
  const download = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'Save SVG' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('control-chart-CDN-ME-4-Zn.svg');
  const svg = readFileSync((await saved.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  for (const text of [
    'CDN-ME-4 - Zn',
    'Certified 15.12',
    '+3 SD 15.72',
    '-2 SD 14.72',
    'Failures (2)',
    'VAN11000293',
  ])
    expect(svg).toContain(text);

  // The duplicates and ranked HARD plots, then the failing standard opened in the grid.
  await page.getByRole('figure', { name: 'Ranked HARD: Zn' }).scrollIntoViewIfNeeded();
  await page.screenshot(shot('qaqc-blanks-duplicates'));
  await failures.nth(2).click();
  await expect(page.getByLabel('Hole filter')).toHaveValue('EUG-11-083');
  const focused = page.locator('.ag-cell-focus');
  await expect(focused).toHaveAttribute('col-id', 'analyte:Zn');
  await expect(page.locator('.ag-row:has(.ag-cell-focus)').first()).toContainText('0712959');
  await expect(focused).toHaveClass(/cell-warning/);
  await page.screenshot(shot('qaqc-failure-in-grid'));
});

test('the standards table is a lookup: changing an SD re-judges the standards', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'QA/QC');
  // Other specs share this project: read the status bar's warnings before the change.
  const status = page.getByRole('contentinfo', { name: 'Project status' });
  await expect(status).toContainText('warnings');
  const warnings = async () =>
    Number(/([\d,]+) warnings/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
  const before = await warnings();
  await page.getByRole('button', { name: 'Standards table (4)' }).click();
  const table = page.getByRole('table', { name: 'Standards table' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  const row = table.locator('tbody tr').filter({ hasText: 'CDN-ME-4' }).filter({ hasText: 'Zn' });
  await row.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('SD', { exact: true }).fill('0.5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved CDN-ME-4 Zn.' })).toBeVisible();
  // With 0.5 % the drifting pair is inside 2 SD: three failures left.
  await expect(page.getByTestId('qaqc-summary')).toContainText('3 failures, 269 warnings');
  // The status bar follows: 454 - 269 = 185 QA/QC warnings fewer.
  await expect(status).toContainText(`${(before - 185).toLocaleString('en')} warnings`);
  await page.getByRole('combobox', { name: 'Standard' }).selectOption('CDN-ME-4');
  await expect(page.getByTestId('control-chart-summary')).toContainText('0 failures');
  await page.screenshot(shot('qaqc-standards-table'));
});

const tomZone = base.extend<object, { tomZone: { url: string } }>({
  tomZone: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-qaqc-'));
      const projectPath = join(directory, 'tom_zone.drillbench');
      const data = join(import.meta.dirname, '../../../shared/datasets/tom_zone');
      drillbench('new', projectPath, '--name', 'Tom zone');
      drillbench(
        'import',
        projectPath,
        '--collars',
        join(data, 'collar.csv'),
        '--surveys',
        join(data, 'survey.csv'),
        '--assays',
        join(data, 'assay.csv'),
      );
      const { url, child } = await startHost(projectPath);
      await use({ url });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

tomZone('says plainly that tom_zone has no QA/QC inserts', async ({ page, tomZone: hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'QA/QC');
  await expect(page.getByTestId('qaqc-summary')).toHaveText(
    '0 standards, 0 blanks and 0 field duplicates inserted; 0 failures, 0 warnings on the samples of their batches.',
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'This project has no QA/QC inserts' }),
  ).toBeVisible();
  await expect(page.locator('.chart')).toHaveCount(0);
  await page.screenshot(shot('qaqc-tom-zone'));
});
