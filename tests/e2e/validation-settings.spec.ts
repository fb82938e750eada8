// Issue 11 items 3, 4 and 13 in a browser, as a geologist does: on Forrestania (imported with the CLI into
// a project in GDA94 / MGA zone 50) turn gap warnings off in Project settings and see the warnings go,
// filter the Validation view by hole and rule, acknowledge a gap with a note and find the note in the
// audit log; on the demo project (Pb and Zn in %) read the coordinate system in the status bar and change
// it, then drop Forrestania's files (Pb_ppm, Zn_ppm) into the import wizard, see both clashes named by the
// file's own name beside the buttons, convert, dry run and import.
import { test as base, expect, type Page } from '@playwright/test';
import DatabaseConstructor from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS } from '../helpers/datasets';
import { drillbench, startHost } from './web-host-fixture';

interface Hosted {
  url: string;
  projectPath: string;
}

const FORRESTANIA = join(DATASETS, 'forrestania');

async function host(prepare: (directory: string) => string, use: (hosted: Hosted) => Promise<void>) {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-validation-'));
  const projectPath = prepare(directory);
  const { url, child } = await startHost(projectPath);
  await use({ url, projectPath });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(directory, { recursive: true, force: true });
}

const test = base.extend<object, { demo: Hosted; forrestania: Hosted }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host((directory) => {
        const path = join(directory, 'demo.drillbench');
        drillbench('demo', path);
        return path;
      }, use),
    { scope: 'worker' },
  ],
  forrestania: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) =>
      host((directory) => {
        const path = join(directory, 'forrestania.drillbench');
        drillbench('new', path, '--name', 'Forrestania', '--crs', 'EPSG:28350');
        drillbench(
          'import',
          path,
          '--collars',
          `${FORRESTANIA}/collar.csv`,
          '--surveys',
          `${FORRESTANIA}/survey.csv`,
          '--assays',
          `${FORRESTANIA}/assay.csv`,
        );
        return path;
      }, use),
    { scope: 'worker' },
  ],
});

function query<T>(projectPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new DatabaseConstructor(projectPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function setGapWarnings(page: Page, mode: string) {
  await page
    .getByRole('navigation', { name: 'Tables and views' })
    .getByRole('button', { name: 'Project settings' })
    .click();
  const form = page.getByRole('form', { name: 'Gap warnings' });
  await form.getByLabel('Gap warnings').selectOption({ label: mode });
  await form.getByRole('button', { name: 'Save and re-validate' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved; the project was re-validated.');
}

async function openValidation(page: Page) {
  await page
    .getByRole('navigation', { name: 'Tables and views' })
    .getByRole('button', { name: 'Validation' })
    .click();
}

test('gap warnings off in Project settings: the gap warnings go, and come back with the default', async ({
  page,
  forrestania,
}) => {
  await page.goto(forrestania.url);
  const status = page.getByRole('contentinfo', { name: 'Project status' });
  await expect(status).toContainText('4 errors, 70 warnings');
  await openValidation(page);
  await expect(page.getByTestId('validation-summary')).toHaveText(/^4 errors, 70 warnings/);
  await expect(
    page.getByText('Gaps between samples: only inside a sampled run (gaps over 5 m separate runs).'),
  ).toBeVisible();

  await setGapWarnings(page, 'Off');
  await expect(status).toContainText('4 errors, 0 warnings');
  await openValidation(page);
  await expect(page.getByTestId('validation-summary')).toHaveText(/^4 errors, 0 warnings/);
  await expect(page.getByText('Gaps between samples: off.')).toBeVisible();
  expect(query(forrestania.projectPath, "SELECT id FROM problems WHERE rule = 'interval-gap'")).toHaveLength(
    0,
  );

  await setGapWarnings(page, 'Every gap between samples');
  await openValidation(page);
  const every = await page.getByTestId('validation-summary').textContent();
  expect(Number(/(\d+) warnings/.exec(every ?? '')?.[1])).toBeGreaterThan(70);

  await setGapWarnings(page, 'Only inside a sampled run (default)');
  await expect(status).toContainText('4 errors, 70 warnings');
});

test('filters by hole and rule, and a warning acknowledged with a note is hidden and in the audit log', async ({
  page,
  forrestania,
}) => {
  await page.goto(forrestania.url);
  await openValidation(page);
  const problems = page.getByRole('table', { name: 'Problems' });
  const count = page.getByTestId('problem-count');
  await expect(count).toHaveText('74 problems listed.');

  // Part of a hole ID, in lower case: BD050, BD051, BD052, BD052W1, BD053.
  await page.getByLabel('Hole', { exact: true }).fill('bd05');
  await expect(problems.locator('tbody tr').filter({ hasNotText: /BD05/ })).toHaveCount(0);
  await expect(problems.locator('tbody tr')).not.toHaveCount(0);

  await page.getByLabel('Rule').selectOption({ value: 'interval-overlap' });
  await expect(problems.locator('tbody tr')).toHaveCount(0);
  await expect(count).toHaveText('0 problems listed.');
  await page.getByLabel('Rule').selectOption({ value: 'interval-gap' });
  await page.getByLabel('Hole', { exact: true }).fill('BD050');
  // BD050's seven gaps inside sampled runs (five of 5 m between 119.5 m and 152.5 m, two near 200 m).
  const rows = problems.locator('tbody tr');
  const gaps = 7;
  await expect(count).toHaveText('7 problems listed.');
  await expect(rows).toHaveCount(gaps);
  expect(new Set(await problems.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(
    new Set(['interval-gap']),
  );
  expect(new Set(await problems.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(
    new Set(['BD050']),
  );
  const message = (await rows.first().locator('td:nth-child(5)').textContent()) ?? '';
  expect(message).toMatch(/^Gap of [\d.]+ m before sample .*\(BD050 [\d.]+-[\d.]+ m\)/);
  await page.screenshot({ path: 'test-results/screenshots/validation-filtered.png', fullPage: true });

  // Errors cannot be acknowledged: they keep the hole out of calculations until the data is fixed.
  await page.getByLabel('Severity').selectOption('error');
  await page.getByLabel('Rule').selectOption('');
  await page.getByLabel('Hole', { exact: true }).fill('');
  await expect(problems.locator('tbody tr')).toHaveCount(4);
  await expect(problems.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(problems.getByText('fix the data').first()).toBeVisible();
  await page.getByLabel('Severity').selectOption('');
  await page.getByLabel('Rule').selectOption('interval-gap');
  await page.getByLabel('Hole', { exact: true }).fill('BD050');

  const note = 'Core loss in the shear zone, see the drill log';
  await problems.getByRole('button', { name: `Acknowledge: ${message}` }).click();
  await problems.getByLabel('Acknowledgement note').fill(note);
  await problems.getByRole('button', { name: 'Save acknowledgement' }).click();
  await expect(rows).toHaveCount(gaps - 1);
  await expect(problems).not.toContainText(message);
  await expect(page.getByTestId('validation-summary')).toHaveText(
    /^4 errors, 70 warnings \(1 acknowledged\)/,
  );

  await page.getByLabel('Show acknowledged').check();
  await expect(rows).toHaveCount(gaps);
  const acknowledged = rows.filter({ hasText: message });
  await expect(acknowledged).toContainText(note);
  await expect(acknowledged.getByRole('button', { name: 'Withdraw' })).toBeVisible();

  await page.getByText('Acknowledgements in the audit log').click();
  const log = page.getByRole('table', { name: 'Acknowledgements in the audit log' });
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log).toContainText('acknowledged');
  await expect(log).toContainText('BD050');
  await expect(log).toContainText(message);
  await expect(log).toContainText(note);
  await page.screenshot({ path: 'test-results/screenshots/validation-acknowledged.png', fullPage: true });

  // The note is in the project's audit log itself, not only on screen.
  const audited = query<{ new_value: string }>(
    forrestania.projectPath,
    "SELECT new_value FROM audit_log WHERE table_name = 'problem_acknowledgements' AND action = 'insert'",
  );
  expect(audited).toHaveLength(1);
  expect(JSON.parse(audited[0]!.new_value)).toMatchObject({ note, message, hole_id: 'BD050' });
});

test('the coordinate system in the status bar, changed in Project settings', async ({ page, demo }) => {
  await page.goto(demo.url);
  const crs = page.getByTestId('status-crs');
  await expect(crs).toHaveText('EPSG:26911 NAD83 / UTM zone 11N');
  await crs.click();
  const form = page.getByRole('form', { name: 'Coordinate system' });
  await expect(form.getByLabel('EPSG code')).toHaveValue('EPSG:26911');

  await form.getByLabel('EPSG code').fill('UTM 9');
  await form.getByRole('button', { name: 'Save coordinate system' }).click();
  await expect(form.getByRole('alert')).toContainText('EPSG');
  await expect(crs).toHaveText('EPSG:26911 NAD83 / UTM zone 11N');

  await form.getByLabel('EPSG code').fill('EPSG:32609');
  await form.getByRole('button', { name: 'Save coordinate system' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: EPSG:32609 WGS 84 / UTM zone 9N.');
  await expect(crs).toHaveText('EPSG:32609 WGS 84 / UTM zone 9N');
  expect(
    query<{ coordinate_system: string }>(demo.projectPath, 'SELECT coordinate_system FROM project'),
  ).toEqual([{ coordinate_system: 'EPSG:32609' }]);
  await page.reload();
  await expect(crs).toHaveText('EPSG:32609 WGS 84 / UTM zone 9N');
});

test('Forrestania into a project with Pb and Zn in %: both clashes named, converted, dry run then import', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  const status = page.getByRole('contentinfo', { name: 'Project status' });
  await expect(status).toContainText('76 holes');
  await page
    .getByRole('navigation', { name: 'Tables and views' })
    .getByRole('button', { name: 'Import' })
    .click();
  // A geologist's log of one Forrestania hole, in codes the demo's lithology list does not have.
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-lithology-'));
  const lithology = join(directory, 'bd048-lithology.csv');
  writeFileSync(
    lithology,
    'hole_id,depth_from,depth_to,code,description\nBD048,140,150,UMK,Komatiite\nBD048,150,160,BIF,Banded iron formation\n',
  );
  await page
    .getByLabel('Files to upload')
    .setInputFiles([
      join(FORRESTANIA, 'collar.csv'),
      join(FORRESTANIA, 'survey.csv'),
      join(FORRESTANIA, 'assay.csv'),
      lithology,
    ]);
  await expect(page.getByRole('list', { name: 'Files to import' })).toContainText('assay.csv');

  const clashes = page.getByRole('region', { name: 'Units that differ from the project' });
  await expect(clashes.getByLabel('What to do with Pb_ppm')).toBeVisible();
  await expect(clashes.getByLabel('What to do with Zn_ppm')).toBeVisible();
  const actions = page.locator('.import-actions');
  const dryRun = actions.getByRole('button', { name: 'Dry run' });
  const importButton = actions.getByRole('button', { name: 'Import', exact: true });
  // Every clash named at once, by the file's own name (not the temporary path the upload is stored at),
  // beside the buttons it stops.
  await expect(actions).toContainText(
    'Pb_ppm (assay.csv, ppm), Zn_ppm (assay.csv, ppm): the project stores Pb in %, Zn in %.',
  );
  await expect(actions).not.toContainText('/tmp');
  await expect(dryRun).toBeDisabled();
  await expect(importButton).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/import-unit-clash.png', fullPage: true });

  await clashes.getByLabel('What to do with Pb_ppm').selectOption('convert');
  await expect(actions).toContainText('Zn_ppm (assay.csv, ppm): the project stores Zn in %.');
  await expect(actions).not.toContainText('Pb_ppm');
  await clashes.getByLabel('What to do with Zn_ppm').selectOption('convert');
  await expect(dryRun).toBeEnabled();

  const before = query<{ n: number }>(demo.projectPath, 'SELECT count(*) AS n FROM samples')[0]!.n;
  await dryRun.click();
  const report = page.getByRole('region', { name: 'Dry run report' });
  await expect(report).toContainText('Would import 100 holes, 144 surveys, 4,074 samples');
  await expect(report).toContainText('Pb (%, converted from ppm)');
  await expect(report).toContainText('Zn (%, converted from ppm)');
  await expect(report).not.toContainText(/\bAdded\b/);
  await expect(report).toContainText(/Would add 2 codes to the lithology list: (UMK, BIF|BIF, UMK)\./);
  expect(query<{ n: number }>(demo.projectPath, 'SELECT count(*) AS n FROM samples')[0]!.n).toBe(before);
  await page.screenshot({ path: 'test-results/screenshots/import-unit-clash-dry-run.png', fullPage: true });

  await importButton.click();
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('Imported 100 holes, 144 surveys, 4,074 samples');
  await expect(summary).toContainText('Pb (%, converted from ppm)');
  await expect(summary).toContainText(/Added 2 codes to the lithology list: (UMK, BIF|BIF, UMK)\./);
  await expect(status).toContainText('176 holes');

  // BD048 142.51-143.51 m: Zn_ppm 359 is stored as 0.0359 % with the lab's "359" and its unit kept.
  const [zn] = query<{ value: number; lab_text: string; lab_unit: string }>(
    demo.projectPath,
    `SELECT r.value, r.lab_text, r.lab_unit
       FROM assay_results r JOIN samples s ON s.id = r.sample JOIN holes h ON h.id = s.hole
       JOIN analytes a ON a.id = r.analyte
      WHERE h.hole_id = 'BD048' AND s.depth_from BETWEEN 142.5 AND 142.52 AND a.code = 'Zn'`,
  );
  expect(zn).toEqual({ value: 0.0359, lab_text: '359', lab_unit: 'ppm' });
  rmSync(directory, { recursive: true, force: true });
});
