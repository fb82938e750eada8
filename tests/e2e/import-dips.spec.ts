// The import wizard asks for the dip sign when the holes disagree (issue 9, item 4): three holes dip
// negative and two positive, so nothing is pre-selected and Dry run waits for the choice. The project's
// missing-value codes are edited in the same place.
import { join } from 'node:path';
import { expect, root, test } from './web-host-fixture';

const fixtures = join(root, 'tests/fixtures/import');

test('makes the dip sign a required choice when the holes disagree', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Files to upload').setInputFiles([join(fixtures, 'mixed-dips-collars.csv')]);
  await expect(page.getByRole('list', { name: 'Files to import' })).toContainText('mixed-dips-collars.csv');
  const dips = page.getByLabel('Dip convention of the files');
  await expect(dips).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Dip hints' })).toContainText(
    '3 holes with negative dips (UG-13-001, UG-13-002, UG-13-003), 2 holes with positive dips (UG-13-004, UG-13-005): too mixed to tell which sign is down',
  );
  const dryRun = page.getByRole('button', { name: 'Dry run' });
  await expect(dryRun).toBeDisabled();
  await expect(
    page.getByText('Choose how the files sign dips: the holes in mixed-dips-collars.csv disagree'),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/import-dip-choice.png', fullPage: true });

  await dips.selectOption('negative-down');
  await expect(dryRun).toBeEnabled();
  await dryRun.click();
  const report = page.getByRole('region', { name: 'Dry run report' });
  await expect(report).toContainText('Would import 5 holes');
  await expect(report).toContainText('given with the import');

  const codes = page.getByLabel("Project's own missing-value codes");
  await codes.fill('-1, -99.9');
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'No stored result has these texts.' }),
  ).toBeVisible();
});
