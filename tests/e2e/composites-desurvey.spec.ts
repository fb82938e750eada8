// The Composites and Desurvey views in a browser, as a geologist uses them (issue 10 item 5): fill the
// form, Run and watch the progress, read the grid's headers, download the composites as CSV and XLSX and
// read them, open one on the hole's strip log and the run on the section, save and choose a preset,
// reopen an earlier run; cancel a long run on Tom zone (nothing saved); desurvey the demo and download the stations. Jobs on these hosts
// pause after each hole (DRILLBENCH_JOB_PACE_MS) so the progress bar and Cancel can be seen and pressed.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import readXlsxFile from 'read-excel-file/node';
import { DATASETS } from '../helpers/datasets';
import { drillbench, startHost } from './web-host-fixture';

interface Hosted {
  url: string;
  projectPath: string;
  directory: string;
}

async function host(
  prepare: (directory: string) => string,
  paceMs: number,
  use: (hosted: Hosted) => Promise<void>,
): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-runs-'));
  const projectPath = prepare(directory);
  const { url, child } = await startHost(projectPath, { DRILLBENCH_JOB_PACE_MS: String(paceMs) });
  await use({ url, projectPath, directory });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(directory, { recursive: true, force: true });
}

const TOM = join(DATASETS, 'tom_zone');

const test = base.extend<object, { demo: Hosted; tom: Hosted }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host(
        (directory) => {
          const path = join(directory, 'demo.drillbench');
          drillbench('demo', path);
          return path;
        },
        30,
        use,
      ),
    { scope: 'worker' },
  ],
  tom: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host(
        (directory) => {
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
          return path;
        },
        60,
        use,
      ),
    { scope: 'worker', timeout: 120_000 },
  ],
});

function savedRuns(projectPath: string, kind: string): number {
  const db = new DatabaseConstructor(projectPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM runs WHERE kind = ?').pluck().get(kind) as number;
  } finally {
    db.close();
  }
}

async function gridHeaders(page: Page, grid: string): Promise<string[]> {
  const texts = await page.getByLabel(grid).locator('.ag-header-cell-text').allTextContents();
  return texts.filter((text) => text !== '');
}

async function download(page: Page, button: string, directory: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(directory, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('runs composites with progress, downloads them, draws them on the strip log and reopens a run', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  await page.getByRole('button', { name: 'Composites' }).click();
  await expect(page.getByRole('heading', { name: 'Fixed-length composites' })).toBeVisible();

  // A missing length is named under its field and nothing runs.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#composites-length-error')).toHaveText('Give the composite length.');
  await page.getByLabel('Analytes').fill('Zn, Cu');
  await page.getByLabel('Composite length').fill('2');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#composites-analytes-error')).toContainText(
    'Cu is not an analyte of this project',
  );
  expect(savedRuns(demo.projectPath, 'composites')).toBe(0);

  // Every hole, so the run takes long enough to watch it.
  await page.getByLabel('Analytes').fill('Zn, Pb');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Run' })).toContainText(/of 76 holes/);
  await page.screenshot({ path: 'test-results/screenshots/composites-running.png' });
  await expect(page.getByRole('heading', { name: /^Run 1: [\d,]+ composites in \d+ holes$/ })).toBeVisible();
  expect(await gridHeaders(page, 'Composite rows')).toEqual([
    'Hole',
    'From (m)',
    'To (m)',
    'Length (m)',
    'Sampled length (m)',
    'Zn (%)',
    'Pb (%)',
    'Zn length (m)',
    'Pb length (m)',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/composites-results.png', fullPage: true });

  const csv = await download(page, 'Export CSV', demo.directory);
  const text = readFileSync(csv, 'utf8');
  // A byte-order mark first, so Excel reads the file as UTF-8; then the machine-readable names.
  expect(text.startsWith('\ufeffhole_id,')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('hole_id,from,to,length,sampled_length,Zn,Pb,Zn_length,Pb_length');
  const runRows = Number(
    /Run 1: ([\d,]+) composites/
      .exec(await page.getByRole('heading', { name: /^Run 1:/ }).innerText())![1]!
      .replace(/,/g, ''),
  );
  expect(lines).toHaveLength(runRows + 1);
  const first = lines.find((line) => line.startsWith('EUG-11-083,'))!.split(',');
  // Anchored at the collar: every piece starts on the 2 m grid.
  const [from, to, length] = first.slice(1, 4).map(Number);
  expect(from! % 2).toBe(0);
  expect([to, length]).toEqual([from! + 2, 2]);
  await expect(page.getByRole('status', { name: 'Export outcome' })).toBeInViewport();

  const xlsx = await download(page, 'Export XLSX', demo.directory);
  const [sheet] = await readXlsxFile(xlsx);
  expect(sheet!.sheet).toBe('Composites');
  expect(sheet!.data[0]).toEqual([
    'hole_id',
    'from',
    'to',
    'length',
    'sampled_length',
    'Zn',
    'Pb',
    'Zn_length',
    'Pb_length',
  ]);
  expect(sheet!.data).toHaveLength(runRows + 1);

  // A composite on the hole's strip log.
  const button = page.getByRole('button', { name: /^Strip log of / }).first();
  const hole = /^Strip log of (\S+) at /.exec((await button.getAttribute('aria-label')) ?? '')![1]!;
  await button.click();
  await expect(page.getByRole('heading', { name: `Hole ${hole}` })).toBeVisible();
  await expect(page.getByLabel('Run drawn')).toHaveValue('1');
  await expect(page.getByRole('list', { name: 'Strip log summary' })).toContainText(
    new RegExp(`Run 1 \\(composites\\): \\d+ composites in ${hole}`),
  );
  await page.screenshot({ path: 'test-results/screenshots/composites-strip-log.png', fullPage: true });

  // The same run on the section (the demo's first saved line), coloured by an analyte.
  await page.getByRole('button', { name: 'Composites' }).click();
  await expect(page.getByRole('heading', { name: /^Run 1:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show on section' }).click();
  await expect(page.getByRole('heading', { name: 'Section', exact: true })).toBeVisible();
  await expect(page.getByLabel('Run', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Section summary')).toContainText(
    /[1-9]\d* composite bars from run 1, coloured by Zn/,
  );
  await page.screenshot({ path: 'test-results/screenshots/composites-section.png', fullPage: true });

  // Back: the run is still on screen. Save the form as a preset, run another, choose the preset.
  await page.getByRole('button', { name: 'Composites' }).click();
  await expect(page.getByRole('heading', { name: /^Run 1:/ })).toBeVisible();
  await page.getByLabel('Preset name').fill('zn-pb-2m');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.locator('.preset-message')).toHaveText('Saved preset zn-pb-2m.');
  await page.getByLabel('Composite length').fill('5');
  await page.getByLabel('Holes').fill('EUG-11-083');
  await page.getByRole('checkbox', { name: 'Restart at lithology boundaries' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Run 2: [\d,]+ composites in 1 hole$/ })).toBeVisible();
  expect(await gridHeaders(page, 'Composite rows')).toContain('Domain');
  await page.getByLabel('Saved presets').selectOption('zn-pb-2m');
  await expect(page.getByLabel('Composite length')).toHaveValue('2');
  await expect(page.getByLabel('Holes')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Restart at lithology boundaries' })).not.toBeChecked();

  // The earlier run reopens with its parameters.
  await page.getByLabel('Earlier runs').selectOption('2');
  await expect(page.getByLabel('Composite length')).toHaveValue('5');
  await page.getByLabel('Earlier runs').selectOption('1');
  await expect(page.getByRole('heading', { name: /^Run 1:/ })).toBeVisible();
  await expect(page.getByLabel('Composite length')).toHaveValue('2');
});

test('desurveys the demo and downloads the stations', async ({ page, demo }) => {
  await page.goto(demo.url);
  await page.getByRole('button', { name: 'Desurvey' }).click();
  await page.getByLabel('Station every').fill('-5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#desurvey-step-error')).toHaveText('The station step must be more than zero.');
  await page.getByLabel('Station every').fill('25');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Run \d+: [\d,]+ stations in 76 holes$/ })).toBeVisible();
  expect(await gridHeaders(page, 'Desurvey stations')).toEqual([
    'Hole',
    'Depth (m)',
    'Easting (m)',
    'Northing (m)',
    'Elevation (m)',
  ]);
  const csv = await download(page, 'Export CSV', demo.directory);
  const text = readFileSync(csv, 'utf8');
  expect(text.startsWith('\ufeffhole_id,')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('hole_id,depth,x,y,z');
  const collar = lines
    .find((line) => line.startsWith('EUG-11-109,0,'))!
    .split(',')
    .map(Number);
  expect(collar.slice(2).every((value) => Number.isFinite(value))).toBe(true);
  const deeper = lines.find((line) => line.startsWith('EUG-11-109,25,'));
  expect(deeper).toBeDefined();
  await page.screenshot({ path: 'test-results/screenshots/desurvey-results.png', fullPage: true });

  // A station's row opens the hole's surveys.
  await page.getByLabel('Desurvey stations').locator('.ag-row').first().click();
  await expect(page.getByRole('region', { name: 'Surveys' })).toBeVisible();
});

test('cancels a long composite run on Tom zone and saves nothing', async ({ page, tom }) => {
  await page.goto(tom.url);
  await page.getByRole('button', { name: 'Composites' }).click();
  await page.getByLabel('Composite length').fill('1');
  await page.getByRole('checkbox', { name: 'Restart at lithology boundaries' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status', { name: 'Run' })).toContainText(/of 2\d\d holes/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled; nothing was saved.' })).toBeVisible();
  await expect(progress).toBeHidden();
  expect(savedRuns(tom.projectPath, 'composites')).toBe(0);
  await page.screenshot({ path: 'test-results/screenshots/composites-cancelled.png' });
});
