// The Intercepts view as a new user finds it in the browser (issue 11 items 2 and 8): choosing a preset
// fills the fields at once; the results grid speaks in people's words; the report and the results
// download as CSV and XLSX (read back here), with true thickness left empty when no plane is set and the
// message beside the buttons, in view; the Export view's filter lists name columns as the grids do; and
// in the desktop app (its bridge stood in for) an export goes where the save dialog says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
// Each test on a fresh demo: the release's 21 intercepts must not depend on what other specs edited.
import { expect, fresh as test } from './entry-fresh-project';

/** Runs the release preset without its plane, so no true thickness can be estimated. */
async function runWithoutPlane(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Saved presets').selectOption('lower-e-zone-2011');
  await expect(page.getByLabel('Grade expression')).toHaveValue('Zn + Pb');
  await page.getByRole('checkbox', { name: 'True thickness on a plane' }).uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Run \d+: 21 rows in 15 holes$/ })).toBeVisible();
}

/** Clicks an export button and returns the downloaded file's path and suggested name. */
async function download(
  page: Page,
  button: string,
  directory: string,
): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(directory, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

test('choosing a preset fills the fields at once', async ({ page, project: hosted }) => {
  await page.goto(hosted.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  const presets = page.getByLabel('Saved presets');
  await expect(presets).toHaveValue('');
  await expect(presets.locator('option', { hasText: 'lower-e-zone-2011' })).toHaveCount(1);
  await presets.selectOption('lower-e-zone-2011');
  // No other click: the preset is in the fields.
  await expect(page.getByLabel('Grade expression')).toHaveValue('Zn + Pb');
  await expect(page.getByLabel('Cutoff grade')).toHaveValue('5');
  await expect(page.getByLabel('Minimum length')).toHaveValue('0.5');
  await expect(page.getByLabel('Max. internal dilution')).toHaveValue('1.5');
  await expect(page.getByLabel('Plane dip')).toHaveValue('28.5');
  await expect(page.locator('.preset-note')).toHaveText('from preset lower-e-zone-2011');
  // Another preset replaces them, again at once.
  await presets.selectOption('lower-e-zone-all-holes');
  await expect(page.getByLabel('Holes', { exact: true })).toHaveValue('');
  await expect(page.locator('.preset-note')).toHaveText('from preset lower-e-zone-all-holes');
  // An edit leaves the preset's values behind; Reload brings them back.
  await page.getByLabel('Cutoff grade').fill('8');
  await expect(page.locator('.preset-note')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Cutoff grade')).toHaveValue('5');
});

test('downloads the report and results as CSV and XLSX, true thickness empty without a plane', async ({
  page,
  project: hosted,
}) => {
  await runWithoutPlane(page, hosted.url);

  // The grid's headers in people's words, with units.
  const headers = await page.getByLabel('Intercept rows').locator('.ag-header-cell-text').allTextContents();
  expect(headers.filter((text) => text !== '')).toEqual([
    'Hole',
    'Kind',
    'From (m)',
    'To (m)',
    'Length (m)',
    'True thickness (m)',
    'Angle to plane (deg)',
    'Zn+Pb (%)',
    'Zn (%)',
    'Pb (%)',
  ]);

  const report = await download(page, 'Export CSV', hosted.directory);
  expect(report.name).toMatch(/intercepts-run-\d+-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(report.path, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('\ufeffDrill Hole #,From,To,Interval (m),Estimated True Thickness,Zn %,Pb %,Zn+Pb %');
  expect(lines[1]).toBe('EUG-10-033,69.8,78.3,8.5,,10.75,2.08,12.83');
  expect(text).not.toContain("'-");
  // The outcome is beside the button that caused it, in view.
  const outcome = page.getByRole('status', { name: 'Export outcome' });
  await expect(outcome).toContainText(`Exported 21 rows to ${report.name}.`);
  await expect(outcome).toBeInViewport();
  await expect(outcome.getByRole('link', { name: `Download ${report.name}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/intercepts-export-downloaded.png' });

  const workbook = await download(page, 'Export XLSX', hosted.directory);
  const [sheet] = await readXlsxFile(workbook.path);
  const rows = sheet!.data;
  const header = rows.findIndex((row) => row[0] === 'Drill Hole #');
  expect(rows[header]?.[4]).toBe('Estimated True Thickness');
  expect(rows[header + 1]).toEqual(['EUG-10-033', 69.8, 78.3, 8.5, null, 10.75, 2.08, 12.83]);

  await page.getByLabel('Export content').selectOption('results');
  const results = await download(page, 'Export CSV', hosted.directory);
  const resultLines = readFileSync(results.path, 'utf8').split('\r\n');
  // The results file keeps its machine-readable names (docs/compositing.md).
  expect(resultLines[0]).toBe('\ufeffhole_id,kind,from,to,length,true_thickness,angle_to_plane,grade,Zn,Pb');
  expect(resultLines[1]).toMatch(/^EUG-10-033,intercept,69\.8\d*,78\.3\d*,8\.5\d*,,,/);
});

test('the Export view lists columns in people words to filter and sort by', async ({
  page,
  project: hosted,
}) => {
  await page.goto(hosted.url);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByLabel('What to export').selectOption('samples');
  const filter = await page.getByLabel('Filter column').locator('option').allTextContents();
  expect(filter).toEqual([
    '(none)',
    'Hole ID',
    'From (m)',
    'To (m)',
    'Sample ID',
    'Sample type',
    'Duplicate of',
    'Standard',
    'Density (g/cm3)',
    'Comments',
  ]);
  const sort = await page.getByLabel('Sort column').locator('option').allTextContents();
  expect(sort).toContain('From (m)');
  // The choice still reaches the API by the column's name: export samples of From over 250 m.
  await page.getByLabel('Filter column').selectOption({ label: 'From (m)' });
  await page.getByLabel('Filter operator').selectOption('greaterThan');
  await page.getByLabel('Filter value').fill('250');
  await page.getByRole('radio', { name: 'CSV' }).check();
  await page.getByRole('button', { name: 'Export', exact: true }).last().click();
  const link = page.getByRole('link', { name: /Download .*samples.*\.csv/ });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(hosted.directory, 'deep-samples.csv');
  await file.saveAs(path);
  const [, ...rows] = readFileSync(path, 'utf8').trim().split('\r\n');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(Number(row.split(',')[1])).toBeGreaterThan(250);
});

test('in the desktop app an export goes to the file chosen in the save dialog', async ({
  page,
  project: hosted,
}) => {
  // The preload's desktop bridge, stood in for; the save dialog answered through the API call it makes.
  await page.addInitScript(() => {
    (window as unknown as { drillbenchDesktop: unknown }).drillbenchDesktop = {
      onEvent: () => () => undefined,
      pathForFile: () => '',
    };
  });
  const chosen = join(hosted.directory, 'release-from-dialog.csv');
  const asked: unknown[] = [];
  await page.route('**/api/app.chooseExportFile', async (route) => {
    asked.push(route.request().postDataJSON());
    await route.fulfill({ json: { ok: true, value: { path: chosen } } });
  });
  await page.goto(hosted.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Saved presets').selectOption('lower-e-zone-2011');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Run \d+: 21 rows in 15 holes$/ })).toBeVisible();
  // No path field in the desktop app: the dialog asks.
  await expect(page.getByLabel('Export file')).toHaveCount(0);
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByRole('status', { name: 'Export outcome' })).toHaveText(`Wrote ${chosen} (21 rows).`);
  expect(asked).toEqual([
    { format: 'csv', suggestedName: expect.stringMatching(/^intercepts-run-\d+-report$/) },
  ]);
  expect(existsSync(chosen)).toBe(true);
  expect(readFileSync(chosen, 'utf8').split('\r\n')[1]).toBe('EUG-10-033,69.8,78.3,8.5,6.8,10.75,2.08,12.83');
  expect(downloaded).toBe(false);
});
