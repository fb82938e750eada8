// Pasting a block copied with its names row, as a person does it: drillbench sees the names, shows where
// each column goes, pastes by those names, and reports a bad cell by the sample it belongs to (not a line
// number of the block); the SQLite file then holds exactly the rows meant.
import { cell, filterHole, openView, pasteTsv, readProject } from './entry-grid-helpers';
import { fresh as test, expect } from './entry-fresh-project';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

test('pastes new samples by their column names and reports the bad cell by sample ID', async ({
  page,
  project,
}) => {
  const added = () =>
    readProject(
      project.projectPath,
      `SELECT h.hole_id, s.depth_from, s.depth_to, s.sample_id, s.comments, r.lab_text
         FROM samples s JOIN holes h ON h.id = s.hole
         LEFT JOIN assay_results r ON r.sample = s.id AND r.analyte = (SELECT id FROM analytes WHERE code = 'Zn')
        WHERE s.sample_id LIKE 'HB-%' ORDER BY s.sample_id`,
    );
  await page.goto(project.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await expect(cell(page, 3, 'sample_id')).toHaveText('0712001');
  const rowsBefore = await page.locator('.row-total').textContent();
  await cell(page, 3, 'comments').click();
  // Copied from a logging sheet: its own column order, a column the project has no place for.
  await pasteTsv(
    page,
    [
      'Sample ID\tFrom (m)\tTo (m)\tCore box\tZn (%)',
      'HB-1\t171\t172.5\t8\t1.2',
      'HB-2\t172.5\t174\t8\t1,4',
      '',
    ].join('\r\n'),
  );
  const ask = page.getByRole('dialog', { name: 'The pasted block starts with column names' });
  await expect(ask).toBeVisible();
  await expect(ask.getByLabel('Column for "Sample ID"')).toHaveValue('sample_id');
  await expect(ask.getByLabel('Column for "From (m)"')).toHaveValue('depth_from');
  await expect(ask.getByLabel('Column for "Zn (%)"')).toHaveValue('analyte:Zn');
  await expect(ask.getByLabel('Column for "Core box"')).toHaveValue('');
  await expect(ask.getByRole('row', { name: /Core box/ })).toContainText(
    'Samples has no column and this project no analyte called "Core box".',
  );
  await ask.getByLabel('As 2 new rows after the last row').check();
  await page.screenshot(shot('paste-header-mapping'));
  await ask.getByRole('button', { name: 'Paste by column names' }).click();

  const report = page.getByRole('dialog', { name: 'Some pasted cells cannot be used' });
  const bad = report.getByRole('row', { name: /HB-2/ });
  await expect(bad).toContainText('New row EUG-10-033 sample HB-2 (172.5-174)');
  await expect(bad).toContainText('Zn (%)');
  await expect(bad).toContainText('"1,4" is neither a number nor a result code');
  await expect(report).not.toContainText('Row 2');
  await page.screenshot(shot('paste-header-report'));
  expect(added()).toEqual([]);
  await report.getByLabel('Correct New row EUG-10-033 sample HB-2 (172.5-174) Zn (%)').fill('1.4');
  await report.getByRole('button', { name: 'Apply corrected block' }).click();
  await expect(report).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Pasted 8 cells and added 2 rows');

  expect(added()).toEqual([
    {
      hole_id: 'EUG-10-033',
      depth_from: 171,
      depth_to: 172.5,
      sample_id: 'HB-1',
      comments: null,
      lab_text: '1.2',
    },
    {
      hole_id: 'EUG-10-033',
      depth_from: 172.5,
      depth_to: 174,
      sample_id: 'HB-2',
      comments: null,
      lab_text: '1.4',
    },
  ]);
  // The focused row was not written over, and the names row went nowhere.
  await expect(cell(page, 3, 'sample_id')).toHaveText('0712001');
  expect(
    readProject(
      project.projectPath,
      `SELECT count(*) AS n FROM samples WHERE sample_id = 'Sample ID' OR comments IN ('Core box', '8')`,
    ),
  ).toEqual([{ n: 0 }]);
  await expect(page.locator('.row-total')).not.toHaveText(rowsBefore ?? '');
});

test('a names row pasted at the focused row: Enter pastes by name, the report names the sample, Esc cancels', async ({
  page,
  project,
}) => {
  await page.goto(project.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await expect(cell(page, 5, 'sample_id')).toHaveText('0712003');
  await cell(page, 5, 'sample_id').click();
  await pasteTsv(page, 'Comments\tDensity\r\nchecked\tabc\r\nchecked too\t2.5\r\n');
  const ask = page.getByRole('dialog', { name: 'The pasted block starts with column names' });
  await expect(ask.getByRole('button', { name: 'Paste by column names' })).toBeFocused();
  await page.keyboard.press('Enter');
  const report = page.getByRole('dialog', { name: 'Some pasted cells cannot be used' });
  await expect(report.getByRole('row', { name: /0712003/ })).toContainText('Density');
  await expect(report.getByRole('row', { name: /0712003/ })).toContainText(/^EUG-10-033 sample 0712003 \(/);
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);
  expect(
    readProject(project.projectPath, `SELECT count(*) AS n FROM samples WHERE comments LIKE 'checked%'`),
  ).toEqual([{ n: 0 }]);
  // The keyboard is back in the grid, where the paste began.
  await expect(cell(page, 5, 'sample_id')).toBeFocused();
});
