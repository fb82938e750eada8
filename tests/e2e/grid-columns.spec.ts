// Grid columns in the browser, as a person uses them: headers sized to fit with the full name on hover;
// a column resized, moved and hidden, the page reloaded and all three remembered by the project file;
// the column chooser bringing a hidden column back; a hole filter hiding the analytes that hole has no
// results for; and numbers from a single-precision source (Forrestania's 142.50999) shown as 142.51 while
// the file keeps every digit.
import type { Locator, Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS } from '../helpers/datasets';
import { cell, filterHole, openView, readProject } from './entry-grid-helpers';
import { drillbench, expect, startHost, test as base } from './web-host-fixture';

const FORRESTANIA = join(DATASETS, 'forrestania');

interface Project {
  url: string;
  projectPath: string;
}

const test = base.extend<object, { forrestania: Project }>({
  forrestania: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-columns-'));
      const projectPath = join(directory, 'forrestania.drillbench');
      drillbench('new', projectPath, '--name', 'Forrestania');
      drillbench(
        'import',
        projectPath,
        '--collars',
        join(FORRESTANIA, 'collar.csv'),
        '--surveys',
        join(FORRESTANIA, 'survey.csv'),
        '--assays',
        join(FORRESTANIA, 'assay.csv'),
      );
      const { url, child } = await startHost(projectPath);
      await use({ url, projectPath });
      await stop(child);
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test.describe.configure({ mode: 'serial' });

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

function header(page: Page, column: string): Locator {
  return page.locator(`.ag-header-cell[col-id="${column}"]`);
}

/** The column ids of the header, left to right. */
async function headerOrder(page: Page): Promise<string[]> {
  return page.locator('.ag-header-cell').evaluateAll((cells) =>
    cells
      .map((c) => ({ id: c.getAttribute('col-id') ?? '', left: c.getBoundingClientRect().left }))
      .sort((a, b) => a.left - b.left)
      .map((c) => c.id),
  );
}

async function width(page: Page, column: string): Promise<number> {
  return (await header(page, column).boundingBox())?.width ?? 0;
}

async function chooser(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  return page.getByRole('dialog', { name: 'Columns' });
}

async function headerMenu(page: Page, column: string): Promise<Locator> {
  await header(page, column).locator('.ag-header-cell-text').click({ button: 'right' });
  return page.getByRole('menu');
}

/** What the saved layout of a grid says, read from the project file. */
function savedLayout(
  path: string,
  grid: string,
): { columns: { id: string; width?: number; decimals?: number }[] } | null {
  const rows = readProject<{ layout: string }>(path, 'SELECT layout FROM grid_layouts WHERE grid = ?', grid);
  return rows[0]
    ? (JSON.parse(rows[0].layout) as { columns: { id: string; width?: number; decimals?: number }[] })
    : null;
}

test('sizes headers to fit, with the full name and unit on hover', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  await expect(header(page, 'elevation')).toHaveAttribute('title', 'Elevation, m');
  await expect(header(page, 'eoh')).toHaveAttribute('title', /End of hole, m \(end of hole/);
  // Every header's text fits its column: nothing is cut to "Elevation…".
  const cut = await page
    .locator('.ag-header-cell .ag-header-cell-text')
    .evaluateAll((labels) =>
      labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((l) => l.textContent),
    );
  expect(cut).toEqual([]);

  await openView(page, 'Samples and assays');
  await expect(header(page, 'analyte:Zn')).toHaveAttribute('title', 'Zn — zinc, % (aqua regia, ICP-ES)');
  await expect(header(page, 'depth_from')).toHaveAttribute('title', 'From, m');
});

test('remembers a resized, a moved and a hidden column after a reload, and shows it again', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');

  // Resize Northing by dragging its right edge 90 px.
  const before = await width(page, 'northing');
  const edge = await header(page, 'northing').locator('.ag-header-cell-resize').boundingBox();
  if (!edge) throw new Error('no resize handle on Northing');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 45, edge.y + edge.height / 2, { steps: 5 });
  await page.mouse.move(edge.x + 90, edge.y + edge.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => width(page, 'northing')).toBeGreaterThan(before + 60);
  const resized = await width(page, 'northing');

  // Move Elevation in front of Easting by dragging its header.
  const from = await header(page, 'elevation').locator('.ag-header-cell-text').boundingBox();
  const to = await header(page, 'easting').boundingBox();
  if (!from || !to) throw new Error('headers not found');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x - 20, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + 5, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const order = await headerOrder(page);
      return order.indexOf('elevation') < order.indexOf('easting');
    })
    .toBe(true);

  // Hide Station / pad from the column chooser.
  const panel = await chooser(page);
  await panel.getByLabel('Find a column').fill('station');
  await panel.getByRole('checkbox', { name: 'Station / pad' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(header(page, 'station')).toHaveCount(0);

  // The layout is in the project file, not in the browser.
  await expect
    .poll(() => savedLayout(hosted.projectPath, 'holes')?.columns.find((c) => c.id === 'station'))
    .toMatchObject({ visible: false });

  await page.reload();
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  const order = await headerOrder(page);
  expect(order.indexOf('elevation')).toBeLessThan(order.indexOf('easting'));
  expect(Math.abs((await width(page, 'northing')) - resized)).toBeLessThanOrEqual(1);
  await expect(header(page, 'station')).toHaveCount(0);
  await page.screenshot(shot('columns-remembered'));

  // The chooser lists the hidden column, unticked; ticking it shows it again.
  const again = await chooser(page);
  const station = again.getByRole('checkbox', { name: 'Station / pad' });
  await expect(station).not.toBeChecked();
  await station.check();
  await page.keyboard.press('Escape');
  await expect(header(page, 'station')).toBeVisible();

  // Reset puts the default order back.
  await (await chooser(page)).getByRole('button', { name: 'Reset columns' }).click();
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => {
      const reset = await headerOrder(page);
      return reset.indexOf('easting') < reset.indexOf('elevation');
    })
    .toBe(true);
});

test('a hole filter hides the analytes that hole has no results for; a column shown stays shown', async ({
  page,
  forrestania,
}) => {
  const withResults = readProject<{ code: string }>(
    forrestania.projectPath,
    `SELECT DISTINCT a.code FROM assay_results r JOIN analytes a ON a.id = r.analyte
       JOIN samples s ON s.id = r.sample JOIN holes h ON h.id = s.hole
      WHERE h.hole_id = 'BD048' AND r.preferred = 1 AND r.flag IN ('value', 'bdl', 'odl', 'invalid')`,
  ).map((row) => row.code);
  const all = readProject<{ code: string }>(forrestania.projectPath, 'SELECT code FROM analytes').map(
    (row) => row.code,
  );
  const empty = all.filter((code) => !withResults.includes(code));
  expect(withResults).toContain('Ni');
  expect(empty).toContain('Ag');

  await page.goto(forrestania.url);
  await openView(page, 'Samples and assays');
  await expect(header(page, 'analyte:Ag')).toHaveCount(1);
  await filterHole(page, 'BD048');
  await expect(cell(page, 0, 'depth_from')).toHaveText('142.51');
  await expect(
    page.getByText(`${empty.length} analyte columns with no results in this view are hidden.`),
  ).toBeVisible();
  await expect(header(page, 'analyte:Ag')).toHaveCount(0);
  await expect(header(page, 'analyte:Ni')).toBeVisible();
  await page.screenshot(shot('empty-analytes-hidden'));

  // The user shows Ag from the chooser: it stays shown on this hole and the next.
  const panel = await chooser(page);
  const ag = panel.getByRole('checkbox', { name: /^Ag \(ppm\)/ });
  await expect(ag).not.toBeChecked();
  await expect(panel.getByText('no results in this view').first()).toBeVisible();
  await ag.check();
  await page.keyboard.press('Escape');
  await expect(header(page, 'analyte:Ag')).toBeVisible();
  await filterHole(page, 'BD049');
  await expect(cell(page, 0, 'hole_id')).toHaveText('BD049');
  await expect(header(page, 'analyte:Ag')).toBeVisible();

  // "Show them" shows every empty analyte column; "Hide them" hides them again.
  await filterHole(page, 'BD048');
  await page.getByRole('button', { name: 'Show them' }).click();
  await expect(header(page, 'analyte:Al')).toBeVisible();
  await page.getByRole('button', { name: 'Hide them' }).click();
  await expect(header(page, 'analyte:Al')).toHaveCount(0);
});

test('shows 142.50999 as 142.51, edits the full value, and rounds a column as set', async ({
  page,
  forrestania,
}) => {
  const stored = readProject<{ depth_from: number }>(
    forrestania.projectPath,
    `SELECT depth_from FROM samples s JOIN holes h ON h.id = s.hole WHERE h.hole_id = 'BD048'
      ORDER BY depth_from LIMIT 1`,
  );
  expect(stored[0]?.depth_from).toBe(142.50999);

  await page.goto(forrestania.url);
  await openView(page, 'Surveys');
  await filterHole(page, 'BD048');
  await expect(cell(page, 0, 'dip')).toHaveText('-60.55');

  await openView(page, 'Samples and assays');
  await filterHole(page, 'BD048');
  const from = cell(page, 0, 'depth_from');
  await expect(from).toHaveText('142.51');
  await expect(cell(page, 0, 'depth_to')).toHaveText('143.51');
  // Editing starts from the stored value, every digit of it; Esc leaves it untouched.
  await from.dblclick();
  await expect(page.getByLabel('Edit From (m)')).toHaveValue('142.50999');
  await page.keyboard.press('Escape');

  // One decimal, from the header's menu; remembered after a reload.
  await (await headerMenu(page, 'depth_from')).getByRole('menuitemradio', { name: '1 decimal' }).click();
  await expect(from).toHaveText('142.5');
  await expect(cell(page, 4, 'depth_from')).toHaveText('144.4');
  // Saved a moment later: wait for it in the file before reloading.
  await expect
    .poll(() => savedLayout(forrestania.projectPath, 'samples')?.columns.find((c) => c.id === 'depth_from'))
    .toMatchObject({ decimals: 1 });
  await page.reload();
  await openView(page, 'Samples and assays');
  await filterHole(page, 'BD048');
  await expect(cell(page, 0, 'depth_from')).toHaveText('142.5');
  await page.screenshot(shot('column-decimals'));

  // Decimals of an analyte column from the chooser: Au's 0.005 shows as 0.01; Pt keeps the lab's text.
  const panel = await chooser(page);
  await panel.getByLabel('Decimals of Au (ppm)').selectOption('2');
  await page.keyboard.press('Escape');
  await expect(cell(page, 0, 'analyte:Au')).toHaveText('0.01');
  await expect(cell(page, 0, 'analyte:Pt')).toHaveText('0.013');

  await (await headerMenu(page, 'depth_from')).getByRole('menuitemradio', { name: 'As imported' }).click();
  await expect(cell(page, 0, 'depth_from')).toHaveText('142.51');

  // Display only: the file still holds the full values.
  const after = readProject<{ depth_from: number }>(
    forrestania.projectPath,
    `SELECT depth_from FROM samples s JOIN holes h ON h.id = s.hole WHERE h.hole_id = 'BD048'
      ORDER BY depth_from LIMIT 1`,
  );
  expect(after[0]?.depth_from).toBe(142.50999);
});
