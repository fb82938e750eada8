// The project window opens on a real project through the browser host: status bar, holes grid,
// samples shown wide with analyte columns, and the Validation view.
import { expect, test } from './web-host-fixture';

test('opens the demo project and shows its tables and problems', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  const status = page.getByRole('contentinfo', { name: 'Project status' });
  await expect(status).toContainText('76 holes');
  await expect(status).toContainText('0 errors');
  await expect(page.locator('.ag-row').first()).toBeVisible();
  await expect(page.locator('.ag-row[row-index="0"]')).toContainText('EUG-10-033');
  await page.screenshot({ path: 'test-results/screenshots/holes.png' });

  await page.getByRole('button', { name: 'Samples and assays' }).click();
  await expect(page.getByRole('columnheader', { name: 'Zn (%)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/samples.png' });

  await page.getByRole('button', { name: 'Validation' }).click();
  await expect(page.getByRole('heading', { name: 'Validation' })).toBeVisible();
  await expect(page.locator('.problem-table tbody tr').first()).toContainText('warning');
  await page.screenshot({ path: 'test-results/screenshots/validation.png' });
});
