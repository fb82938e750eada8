// Finding a hole and its strip log in a browser, as a geologist does: run the release preset, find
// EUG-11-109 by typing part of its ID in lower case, open its page, read the strip log's summary (the
// intercept at its published depths), save the figure as SVG and read it, click a sample interval and land
// on its row in the grid, double-click a Hole ID to come back (F2 still edits); then the same on Tom zone
// imported with the CLI, and the messages for a hole with nothing to draw and no survey.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS } from '../helpers/datasets';
import { cell, openView } from './entry-grid-helpers';
import { drillbench, startHost } from './web-host-fixture';

interface Hosted {
  url: string;
  directory: string;
}

const TOM = join(DATASETS, 'tom_zone');

async function host(prepare: (directory: string) => string, use: (hosted: Hosted) => Promise<void>) {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-strip-'));
  const { url, child } = await startHost(prepare(directory));
  await use({ url, directory });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(directory, { recursive: true, force: true });
}

const test = base.extend<object, { demo: Hosted; tom: Hosted }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host((directory) => {
        const path = join(directory, 'demo.drillbench');
        drillbench('demo', path);
        // A collar with nothing else: no survey, no samples, no lithology.
        const collar = join(directory, 'extra-collar.csv');
        writeFileSync(
          collar,
          'hole_id,easting,northing,elevation,azimuth,dip,eoh\nEMPTY-01,368400,5729400,1700,90,-60,120\n',
        );
        drillbench('import', path, '--collars', collar);
        return path;
      }, use),
    { scope: 'worker' },
  ],
  tom: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host((directory) => {
        const path = join(directory, 'tom.drillbench');
        drillbench('new', path, '--name', 'Tom zone');
        drillbench(
          'import',
          path,
          '--collars',
          `${TOM}/collar.csv`,
          '--surveys',
          `${TOM}/survey.csv`,
          '--assays',
          `${TOM}/assay.csv`,
          '--lithology',
          `${TOM}/interpretation.csv`,
        );
        drillbench(
          'intercepts',
          path,
          '--grade',
          'Zn',
          '--cutoff',
          '3',
          '--min-length',
          '2',
          '--max-dilution',
          '3',
          '--including-cutoff',
          '10',
        );
        return path;
      }, use),
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** Types part of a hole ID into the search box and opens the suggestion named `holeId` with the keyboard. */
async function findHole(page: Page, typed: string, holeId: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Find a hole' });
  await search.fill(typed);
  const options = page.getByRole('listbox', { name: 'Matching holes' }).getByRole('option');
  await expect(options.filter({ hasText: holeId })).toHaveCount(1);
  const names = await options.allTextContents();
  for (let step = 0; step < names.indexOf(holeId); step++) await search.press('ArrowDown');
  await expect(options.filter({ hasText: holeId })).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: `Hole ${holeId}` })).toBeVisible();
}

function summary(page: Page) {
  return page.getByRole('list', { name: 'Strip log summary' });
}

/** Saves the strip log as SVG through its button and returns the file's text. */
async function savedSvg(page: Page, directory: string, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const path = join(directory, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('finds EUG-11-109, draws its strip log with the release intercept, and opens a sample from it', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  // Run the release preset first, as a geologist would before looking at the hole.
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Saved presets').selectOption('lower-e-zone-2011');
  // Choosing the preset fills the fields at once.
  await expect(page.getByLabel('Cutoff grade')).toHaveValue('5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Run 1: 21 rows in 15 holes$/ })).toBeVisible();

  await findHole(page, 'g-11-10', 'EUG-11-109');
  const collar = page.getByRole('definition').filter({ hasText: '282.9' });
  await expect(collar).toHaveCount(1);
  await expect(summary(page)).toContainText(
    'Run 1 (Zn + Pb): EUG-11-109 intercept 248.8-258.0 m, 9.2 m at 13.73 % Zn+Pb.',
  );
  await expect(summary(page)).toContainText('Lithology: 23 intervals, 9 codes');
  await expect(summary(page)).toContainText('Samples: 16 intervals drawn; QA/QC: 1 blank, 1 standard.');
  await expect(summary(page)).toContainText('Zn (%): 16 values');
  await expect(summary(page).getByRole('listitem')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Samples and assays' }).locator('tbody tr')).toHaveCount(18);
  await page.screenshot({ path: 'test-results/screenshots/hole-view-eug-11-109.png', fullPage: true });

  // The saved SVG holds what is drawn: the hole, the tracks and the intercept's grade label.
  const whole = await savedSvg(page, demo.directory, 'strip-log-EUG-11-109.svg');
  expect(whole.startsWith('<svg')).toBe(true);
  for (const text of [
    'EUG-11-109',
    'Lithology',
    'Samples',
    'Zn (%)',
    'Pb (%)',
    'Zn+Pb intercepts',
    '13.73 %',
  ])
    expect(whole).toContain(text);

  // Zoomed to the samples, the intervals are tall enough for their codes and sample IDs.
  await page.getByRole('button', { name: 'Zoom to samples' }).click();
  const zoomed = await savedSvg(page, demo.directory, 'strip-log-EUG-11-109.svg');
  for (const text of ['MSUL', 'SMSUL', '0713455', '9.2 m']) expect(zoomed).toContain(text);
  const chart = page.getByRole('img', { name: 'Strip log of EUG-11-109' });
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/strip-log-eug-11-109.png', fullPage: true });

  // A click on sample 0713455 (249.9-251.0 m) opens its row in the samples grid. The zoom shows
  // 238.6-268.0 m over the plot's 544 px (660 px less 92 above and 24 below); the samples track starts
  // at 20.0 % of the width and its boxes fill the next 6.4 %.
  const box = (await chart.boundingBox())!;
  const y = box.y + 92 + ((250.45 - 238.6) / (268.0 - 238.6)) * 544;
  const x = box.x + box.width * 0.232;
  await page.mouse.move(x, y);
  await expect(page.locator('.chart').getByText('Sample 0713455')).toBeVisible();
  await page.mouse.click(x, y);
  await expect(page.getByRole('region', { name: 'Samples and assays' })).toBeVisible();
  await expect(page.getByLabel('Hole filter')).toHaveValue('EUG-11-109');
  await expect(page.locator('.ag-row:has(.ag-cell-focus) [col-id="sample_id"]')).toHaveText('0713455');

  // Double-click on a Hole ID opens the hole; F2 on it still edits.
  await cell(page, 0, 'hole_id').dblclick();
  await expect(page.getByRole('heading', { name: 'Hole EUG-11-109' })).toBeVisible();
  await openView(page, 'Samples and assays');
  await cell(page, 0, 'hole_id').click();
  await page.keyboard.press('F2');
  await expect(page.getByLabel('Edit Hole ID')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Edit Hole ID')).toBeHidden();

  // The Holes grid's Strip log button, and an intercept row's, open the hole.
  await openView(page, 'Holes');
  await page.getByRole('button', { name: 'Strip log of EUG-10-033' }).click();
  await expect(page.getByRole('heading', { name: 'Hole EUG-10-033' })).toBeVisible();
  await expect(summary(page)).toContainText('EUG-10-033 intercept 69.8-78.3 m');
  await expect(summary(page)).toContainText('EUG-10-033 and 136.2-142.6 m');
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByRole('button', { name: 'Strip log of EUG-11-083 at 84.2-100.8' }).click();
  await expect(page.getByRole('heading', { name: 'Hole EUG-11-083' })).toBeVisible();
  await expect(summary(page)).toContainText('EUG-11-083 and 84.2-100.8 m, 16.6 m at 16.70 % Zn+Pb');
  await page.screenshot({ path: 'test-results/screenshots/strip-log-from-intercept.png', fullPage: true });
});

test('says why a hole has no strip log and no survey', async ({ page, demo }) => {
  await page.goto(demo.url);
  await findHole(page, 'empty', 'EMPTY-01');
  await expect(
    page.getByRole('status').filter({ hasText: 'EMPTY-01 has no samples or lithology' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save SVG' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Surveys' })).toContainText(
    'No downhole surveys: desurvey takes the hole as straight along its collar azimuth 90 deg and dip -60 deg.',
  );
  await expect(page.getByRole('region', { name: 'Samples and assays' })).toContainText(
    'No samples in this hole.',
  );
  const search = page.getByRole('combobox', { name: 'Find a hole' });
  await search.fill('zz-none');
  await expect(page.getByRole('status').filter({ hasText: 'No hole ID contains "zz-none".' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/hole-view-empty.png', fullPage: true });
});

test('colours a lithology code in the Lookup lists view, and the strip log draws it so', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  await openView(page, 'Lookup lists');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'MSUL', exact: true }) });
  await expect(row.getByRole('img', { name: 'MSUL colour #a8741a (default)' })).toBeVisible();
  await row.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Colour of MSUL').fill('#123456');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('img', { name: 'MSUL colour #123456' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lookup-colours.png' });

  await findHole(page, '11-109', 'EUG-11-109');
  const lithology = page.getByRole('region', { name: 'Lithology' });
  await lithology.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hole-view-tables.png' });
  const svg = await savedSvg(page, demo.directory, 'strip-log-EUG-11-109.svg');
  expect(svg).toContain('fill="#123456"');
  expect(svg).not.toContain('fill="#a8741a"');
});

test('draws a Tom zone hole with its intercepts and "including" parts, on a log scale', async ({
  page,
  tom,
}) => {
  await page.goto(tom.url);
  await findHole(page, 'trc20-002', 'TRC20-002');
  await expect(summary(page)).toContainText('Lithology: 16 intervals, 4 codes (TSBF, TSPF, TSSX, TSFM).');
  await expect(summary(page)).toContainText('TRC20-002 intercept 44.2-57.9 m, 13.7 m at 9.43 % Zn');
  await expect(summary(page)).toContainText('TRC20-002 including 45.7-48.8 m, 3.0 m at 11.63 % Zn');
  await expect(summary(page)).toContainText('TRC20-002 including 54.9-57.9 m, 3.0 m at 12.36 % Zn');
  // Lithology, samples, three analytes and the run: one summary line each, plus the depth line.
  await expect(summary(page).getByRole('listitem')).toHaveCount(7);
  await page.getByLabel('Log scale').check();
  await expect(summary(page)).toContainText('Ag (ppm, log scale): 50 values');
  await page.getByRole('checkbox', { name: 'Pb' }).uncheck();
  await expect(summary(page).getByRole('listitem')).toHaveCount(6);
  const svg = await savedSvg(page, tom.directory, 'strip-log-TRC20-002.svg');
  for (const text of [
    'TRC20-002',
    'Zn (%) log',
    'Ag (ppm) log',
    'Zn intercepts',
    '9.43 %',
    '11.63 %',
    '12.36 %',
  ])
    expect(svg).toContain(text);
  expect(svg).not.toContain('Pb (%)');
  await page.getByRole('img', { name: 'Strip log of TRC20-002' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/strip-log-trc20-002.png', fullPage: true });
});
