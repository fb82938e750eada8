// The import wizard and the export view in the browser, like a user: drop two files (a comma collar file
// and a semicolon, decimal-comma, Windows-1252 assay file), check what was detected, say what "ND" means,
// dry run (nothing written), import, then export the samples to XLSX, download it and read it back with
// an independent reader (read-excel-file).
import DatabaseConstructor from 'better-sqlite3';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { expect, root, test } from './web-host-fixture';

const fixtures = join(root, 'tests/fixtures/import');

function samplesIn(projectPath: string): number {
  const db = new DatabaseConstructor(projectPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM samples').pluck().get() as number;
  } finally {
    db.close();
  }
}

test('imports files through the wizard, then exports XLSX that reads back the same', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  const status = page.getByRole('contentinfo', { name: 'Project status' });
  await expect(status).toContainText('76 holes');
  const before = samplesIn(hosted.projectPath);

  await page.getByRole('button', { name: 'Import' }).click();
  await page
    .getByLabel('Files to upload')
    .setInputFiles([join(fixtures, 'ruddock-2012-collars.csv'), join(fixtures, 'ruddock-2012-assays.csv')]);
  const fileList = page.getByRole('list', { name: 'Files to import' });
  await expect(fileList).toContainText('ruddock-2012-collars.csv');
  await expect(fileList).toContainText('ruddock-2012-assays.csv');
  await page.getByRole('button', { name: 'ruddock-2012-assays.csv', exact: true }).click();
  await expect(page.getByTestId('detected-dialect')).toContainText(
    'windows-1252, semicolon-separated, decimal comma',
  );
  await expect(page.getByLabel('Column Zn_pct')).toHaveValue('analyte');
  await expect(page.getByLabel('Unit of Zn_pct')).toHaveValue('%');
  await page.getByLabel('Meaning of ND').selectOption('bdl');
  await page.screenshot({ path: 'test-results/screenshots/import-wizard.png', fullPage: true });

  await page.getByRole('button', { name: 'Dry run' }).click();
  const report = page.getByRole('region', { name: 'Dry run report' });
  await expect(report).toContainText('Would import 2 holes, 0 surveys, 10 samples (20 assay results)');
  expect(samplesIn(hosted.projectPath)).toBe(before);

  await page.getByRole('button', { name: 'Import', exact: true }).last().click();
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('Imported 2 holes, 0 surveys, 10 samples (20 assay results)');
  await expect(status).toContainText('78 holes');
  expect(samplesIn(hosted.projectPath)).toBe(before + 10);
  await page.screenshot({ path: 'test-results/screenshots/import-summary.png', fullPage: true });

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByLabel('What to export').selectOption('samples');
  await page.getByRole('button', { name: 'Export', exact: true }).last().click();
  const link = page.getByRole('link', { name: /Download .*samples.*\.xlsx/ });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = join(hosted.directory, 'samples-download.xlsx');
  await download.saveAs(saved);

  const [sheet] = await readXlsxFile(saved);
  expect(sheet!.sheet).toBe('Samples');
  const [header, ...rows] = sheet!.data;
  expect(header?.slice(0, 4)).toEqual(['Hole ID', 'From (m)', 'To (m)', 'Sample ID']);
  expect(rows).toHaveLength(before + 10);
  const zn = header!.indexOf('Zn (%)');
  const comments = header!.indexOf('Comments');
  const imported = rows.find((row) => row[3] === '0714002')!;
  expect(imported[0]).toBe('EUG-12-101');
  expect(imported[1]).toBe(61.5);
  expect(imported[zn]).toBe(5.32);
  expect(imported[comments]).toBe('Sulfure massif, géologue: M. Lévesque');
  expect(rows.find((row) => row[3] === '0714008')![zn]).toBe('ND');
  expect(rows.find((row) => row[3] === '0714006')![zn]).toBe('<0,01');
});
