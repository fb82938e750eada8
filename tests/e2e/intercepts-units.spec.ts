// The Intercepts view on a project whose Zn is in % and Pb in ppm, as a user imported it: Zn + Pb is
// refused under Grade unit until a unit is chosen, then Pb is converted and the report says so.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { drillbench, startHost } from './web-host-fixture';

const test = base.extend<object, { mixed: { url: string } }>({
  mixed: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-units-'));
      const projectPath = join(directory, 'mixed.drillbench');
      const collars = join(directory, 'collar.csv');
      const assays = join(directory, 'assay.csv');
      writeFileSync(collars, 'hole_ID,x,y,z\nMIX-1,1000,2000,300\n');
      writeFileSync(
        assays,
        'hole_ID,depth_from,depth_to,Zn_pct,Pb_ppm\nMIX-1,0,1,4.99,500\nMIX-1,1,2,4.9,50\n',
      );
      drillbench('new', projectPath);
      drillbench('import', projectPath, '--collars', collars, '--assays', assays);
      const { url, child } = await startHost(projectPath);
      await use({ url });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('asks for a grade unit when the analytes differ, then converts Pb ppm into %', async ({
  page,
  mixed,
}) => {
  await page.goto(mixed.url);
  await page.getByRole('button', { name: 'Intercepts' }).click();
  await page.getByLabel('Grade expression').fill('Zn + Pb');
  await page.getByLabel('Cutoff grade').fill('5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#intercepts-gradeUnit-error')).toContainText(
    'The analytes of Zn + Pb are in different units (Zn %, Pb ppm); declare the unit of the grade',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'Some parameters need fixing' })).toBeVisible();

  await page.getByLabel('Grade unit').selectOption('%');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const report = page.getByRole('region', { name: 'Report preview' });
  await expect(report.locator('thead th').last()).toHaveText('Zn+Pb %');
  // 4.99 % + 500 ppm / 10,000 = 5.04 %, not 504.99.
  await expect(report.locator('tbody tr').first().locator('td')).toHaveText([
    'MIX-1',
    '0.0',
    '1.0',
    '1.0',
    '-',
    '4.99',
    '500.00',
    '5.04',
  ]);
  await expect(report.locator('.report-statement')).toContainText(
    'each of its analytes was converted to %: Pb from ppm (÷ 10,000)',
  );
  await page.screenshot({ path: 'test-results/screenshots/intercepts-grade-unit.png' });
});
