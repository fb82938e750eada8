// The Plan and Section views in a browser against `drillbench web`: the demo with its 2011 intercept run
// (every trace drawn, EUG-11-109's intercept on the Lower E zone section where the desurvey puts it, a
// section line drawn with the mouse, zoom at one scale, Save SVG), Tom zone, and the projects with
// nothing, one hole, or holes without surveys or coordinates, which get a message instead of a blank panel.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { DEMO_SECTION_LINES } from '../../src/domain/demo/demo-sections';
import { buildHolePath, pointAt } from '../../src/domain/desurvey/minimum-curvature';
import { projectOnSection, sectionFrame } from '../../src/domain/sections/section-geometry';
import { DATASETS } from '../helpers/datasets';
import { drillbench, startHost } from './web-host-fixture';

/** Serves a project made by `prepare` (CLI commands before the host holds the file) for one test. */
async function hosted(
  page: Page,
  name: string,
  prepare: (path: string) => void,
  use: (path: string) => Promise<void>,
) {
  const directory = mkdtempSync(join(tmpdir(), `drillbench-e2e-${name}-`));
  const projectPath = join(directory, `${name}.drillbench`);
  prepare(projectPath);
  const { url, child } = await startHost(projectPath);
  try {
    await page.goto(url);
    await use(projectPath);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Where the desurvey puts the middle of an interval on the demo's Lower E zone section. */
function expectedOnSection(projectPath: string, holeId: string, from: number, to: number) {
  const db = new DatabaseConstructor(projectPath, { readonly: true });
  try {
    const hole = db.prepare('SELECT * FROM holes WHERE hole_id = ?').get(holeId) as Record<string, number>;
    const surveys = db
      .prepare('SELECT depth, azimuth, dip FROM surveys WHERE hole = ? ORDER BY depth')
      .all(hole.id) as {
      depth: number;
      azimuth: number;
      dip: number;
    }[];
    const path = buildHolePath(
      holeId,
      { x: hole.easting!, y: hole.northing!, z: hole.elevation!, azimuth: null, dip: null, eoh: hole.eoh! },
      surveys,
    );
    const middle = pointAt(path, (from + to) / 2);
    return projectOnSection(sectionFrame(DEMO_SECTION_LINES[0]!.line), middle.x, middle.y, middle.z);
  } finally {
    db.close();
  }
}

async function savedSvg(page: Page, figure: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('figure', { name: figure }).getByRole('button', { name: 'Save SVG' }).click();
  const file = await download;
  return readFileSync((await file.path())!, 'utf8');
}

/** The "1 pixel = a m across, b m up" readout as numbers. */
async function scale(page: Page, summary: string): Promise<[number, number]> {
  const text = (await page.getByLabel(summary).textContent()) ?? '';
  const match = /1 pixel = ([\d.]+) m across, ([\d.]+) m up/.exec(text);
  if (!match) throw new Error(`no scale readout in: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

test('the demo: plan, the Lower E zone section with the 2011 intercepts, a section drawn with the mouse', async ({
  page,
}) => {
  await hosted(
    page,
    'demo',
    (path) => {
      drillbench('demo', path);
      drillbench('intercepts', path, '--preset', 'lower-e-zone-2011');
    },
    async (projectPath) => {
      await page.getByRole('button', { name: 'Plan', exact: true }).click();
      const plan = page.getByLabel('Plan summary');
      await expect(plan).toContainText(
        '76 of 76 holes drawn (76 traces); 21 pierce points from run 1, coloured by Zn+Pb x length',
      );
      await expect(plan).toContainText(/1 pixel = [\d.]+ m across/);
      const [across, up] = await scale(page, 'Plan summary');
      expect(across).toBeCloseTo(up, 6);
      await page.screenshot({ path: 'test-results/screenshots/plan-demo.png', fullPage: true });
      const svg = await savedSvg(page, 'Plan');
      expect(svg).toContain('EUG-11-109');
      expect(svg).toContain('Zn+Pb x length (% m)');

      // Zoom in with the wheel: both axes keep one scale.
      const canvas = page.getByRole('figure', { name: 'Plan' }).locator('canvas').first();
      const boxOf = (await canvas.boundingBox())!;
      await page.mouse.move(boxOf.x + boxOf.width * 0.45, boxOf.y + boxOf.height * 0.5);
      await page.mouse.wheel(0, -400);
      await expect.poll(async () => (await scale(page, 'Plan summary'))[0]).toBeLessThan(across);
      const [zoomedAcross, zoomedUp] = await scale(page, 'Plan summary');
      expect(zoomedAcross).toBeCloseTo(zoomedUp, 6);

      // Draw a section line with two clicks and open it.
      await page.getByRole('button', { name: 'Draw section line' }).click();
      await page.mouse.click(boxOf.x + boxOf.width * 0.3, boxOf.y + boxOf.height * 0.45);
      await page.mouse.click(boxOf.x + boxOf.width * 0.6, boxOf.y + boxOf.height * 0.55);
      const aEasting = Number(await page.getByLabel('A easting').inputValue());
      const bEasting = Number(await page.getByLabel('B easting').inputValue());
      expect(aEasting).toBeGreaterThan(368000);
      expect(bEasting).toBeGreaterThan(aEasting);
      await page.getByLabel('Half-width').fill('60');
      await page.getByLabel('Half-width').press('Enter');
      await page.screenshot({ path: 'test-results/screenshots/plan-demo-section-line.png', fullPage: true });
      await page.getByRole('button', { name: 'Open section' }).click();
      await expect(page.getByLabel('Section summary')).toContainText(
        /\d+ traces drawn of \d+ holes within 60 m/,
      );
      await page.screenshot({ path: 'test-results/screenshots/section-demo-drawn.png', fullPage: true });

      // The saved Lower E zone section shows every 2011 intercept, EUG-11-109's where the desurvey puts it.
      await page.getByLabel('Saved sections').selectOption('Lower E zone 2011');
      const section = page.getByLabel('Section summary');
      await expect(section).toContainText('21 intercept bars from run 1, coloured by Zn+Pb');
      await expect(section).toContainText(
        'True-thickness plane 28.5 to 315, apparent dip 27.1 deg on this section.',
      );
      const row = section.getByRole('listitem').filter({ hasText: 'EUG-11-109 248.8-258.0 m' });
      await expect(row).toContainText('9.2 m @ 13.73 % Zn+Pb');
      const [, along, elevation] = /at ([\d.]+) m along and ([\d.]+) m elevation/.exec(
        (await row.textContent())!,
      )!;
      const expected = expectedOnSection(projectPath, 'EUG-11-109', 248.8, 258.0);
      expect(Math.abs(Number(along) - expected.along)).toBeLessThan(0.5);
      expect(Math.abs(Number(elevation) - expected.elevation)).toBeLessThan(0.5);
      await expect(section.getByRole('listitem')).toHaveCount(21);
      await page.screenshot({ path: 'test-results/screenshots/section-demo-lower-e.png', fullPage: true });
      const sectionSvg = await savedSvg(page, 'Section');
      for (const text of ['EUG-11-109', '9.2 m @ 13.73 % Zn+Pb', 'Lower E zone 2011', 'Elevation (m)'])
        expect(sectionSvg).toContain(text);

      // Twice the vertical scale.
      await page.getByLabel('Vertical exaggeration').selectOption('2');
      await expect
        .poll(async () => {
          const [a, u] = await scale(page, 'Section summary');
          // The readout rounds to three figures.
          return Math.abs(a / u - 2) < 0.02;
        })
        .toBe(true);
      await page.screenshot({
        path: 'test-results/screenshots/section-demo-exaggerated.png',
        fullPage: true,
      });
    },
  );
});

test('Tom zone: every hole on the plan, a section drawn on it', async ({ page }) => {
  await hosted(
    page,
    'tom-zone',
    (path) => {
      drillbench('new', path, '--name', 'Tom zone');
      drillbench(
        'import',
        path,
        '--collars',
        `${DATASETS}/tom_zone/collar.csv`,
        '--surveys',
        `${DATASETS}/tom_zone/survey.csv`,
        '--assays',
        `${DATASETS}/tom_zone/assay.csv`,
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
        '--plane',
        '60/200',
      );
    },
    async (projectPath) => {
      const db = new DatabaseConstructor(projectPath, { readonly: true });
      const rows = db.prepare('SELECT result_rows FROM runs').pluck().get() as number;
      db.close();
      await page.getByRole('button', { name: 'Plan', exact: true }).click();
      const plan = page.getByLabel('Plan summary');
      await expect(plan).toContainText('273 of 273 holes drawn (273 traces)');
      await expect(plan).toContainText(/\d+ pierce points from run 1/);
      const pierces = Number(/(\d+) pierce points/.exec((await plan.textContent())!)![1]);
      expect(pierces).toBeGreaterThan(20);
      expect(pierces).toBeLessThanOrEqual(rows);
      await page.screenshot({ path: 'test-results/screenshots/plan-tom-zone.png', fullPage: true });
      const canvas = page.getByRole('figure', { name: 'Plan' }).locator('canvas').first();
      const box = (await canvas.boundingBox())!;
      await page.getByRole('button', { name: 'Draw section line' }).click();
      await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.5);
      await page.mouse.click(box.x + box.width * 0.65, box.y + box.height * 0.5);
      await page.getByLabel('Half-width').fill('100');
      await page.getByLabel('Half-width').press('Enter');
      await page.getByRole('button', { name: 'Open section' }).click();
      await expect(page.getByLabel('Section summary')).toContainText(/[1-9]\d* traces drawn/);
      await page.screenshot({ path: 'test-results/screenshots/section-tom-zone.png', fullPage: true });
    },
  );
});

test('an empty project says so instead of drawing a blank panel', async ({ page }) => {
  await hosted(
    page,
    'empty',
    (path) => drillbench('new', path, '--name', 'empty'),
    async () => {
      await page.getByRole('button', { name: 'Plan', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'This project has no holes yet' }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save SVG' })).toBeDisabled();
      await page.getByRole('button', { name: 'Section', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'This project has no holes yet' }),
      ).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/section-empty.png', fullPage: true });
    },
  );
});

test('one hole without a survey is drawn straight and said so; a hole without coordinates is named', async ({
  page,
}) => {
  await hosted(
    page,
    'single',
    (path) => {
      drillbench('new', path, '--name', 'single');
      const csv = join(path, '..', 'collar.csv');
      writeFileSync(
        csv,
        'hole_id,easting,northing,elevation,azimuth,dip,eoh\nDH001,1000,2000,300,90,-60,120\nDH002,,,,0,-90,50\n',
      );
      drillbench('import', path, '--collars', csv);
    },
    async () => {
      await page.getByRole('button', { name: 'Plan', exact: true }).click();
      const plan = page.getByLabel('Plan summary');
      await expect(plan).toContainText('1 of 2 holes drawn (1 trace)');
      await expect(plan).toContainText('No survey, drawn straight along the collar azimuth and dip: DH001.');
      await expect(plan).toContainText('Only one hole can be drawn in this project.');
      await plan.getByText('1 hole is not drawn').click();
      await expect(plan).toContainText('DH002: no collar easting and northing');
      await page.screenshot({ path: 'test-results/screenshots/plan-single-hole.png', fullPage: true });
      await page.getByRole('button', { name: 'Section', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Draw a section line on the Plan' }),
      ).toBeVisible();
    },
  );
});
