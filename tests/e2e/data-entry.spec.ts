// Data entry in the project window through the browser host, on a real project file: edit a cell, see a
// bad value refused with its reason, make an overlap and find it flagged and listed, paste a TSV block,
// undo it, add and delete rows, edit lookup lists; then read the SQLite file and find exactly the rows
// expected.
import { expect, test } from './web-host-fixture';
import { cell, filterHole, openView, pasteTsv, readProject, typeInto } from './entry-grid-helpers';

test.describe.configure({ mode: 'serial' });

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

test('edits a collar cell and refuses a dip of 120, keeping the typed text to correct', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  await typeInto(page, cell(page, 0, 'elevation'), '1750.5');
  // Shown to the decimals of the column as imported (display only: the file holds 1750.5).
  await expect(cell(page, 0, 'elevation')).toHaveText('1750.50');
  // Spreadsheet habits: Enter moved down, Tab moves right, Esc cancels, Delete clears.
  await expect(cell(page, 1, 'elevation')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cell(page, 1, 'azimuth')).toBeFocused();
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(cell(page, 1, 'azimuth')).toHaveText('133.5');
  await cell(page, 1, 'program').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 1, 'program')).toHaveText('');

  await typeInto(page, cell(page, 0, 'dip'), '120');
  await expect(page.getByRole('alert')).toContainText('Dip must be between -90 and 90 (got 120)');
  const editor = page.getByLabel('Edit Dip (deg)');
  await expect(editor).toHaveValue('120');
  await page.screenshot(shot('refused-value'));
  await editor.fill('-26');
  await editor.press('Enter');
  await expect(cell(page, 0, 'dip')).toHaveText('-26.0');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot(shot('holes'));
});

test('flags an overlap on the cell, lists it, and opens the row from the Validation view', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await expect(cell(page, 4, 'sample_id')).toHaveText('0712002');
  // A hole that does not exist passes the editor's own check; the server refuses it and the editor
  // reopens with the typed text and the reason.
  await typeInto(page, cell(page, 4, 'hole_id'), 'NOPE-1');
  await expect(page.getByRole('alert')).toContainText('Hole NOPE-1 is not in the project');
  await expect(page.getByLabel('Edit Hole ID')).toHaveValue('NOPE-1');
  await page.keyboard.press('Escape');
  await expect(cell(page, 4, 'hole_id')).toHaveText('EUG-10-033');
  await typeInto(page, cell(page, 4, 'depth_from'), '64');
  const marked = cell(page, 4, 'depth_from');
  await expect(marked).toHaveClass(/cell-error/);
  await expect(marked).toHaveAttribute('title', /overlaps Sample 0712001 .* by 0.5 m/);
  await expect(page.getByRole('contentinfo', { name: 'Project status' })).toContainText('1 error,');
  await page.screenshot(shot('samples'));

  await openView(page, 'Validation');
  await page.getByLabel('Severity').selectOption('error');
  const listed = page.locator('.problem-table tbody tr');
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText('interval-overlap');
  await expect(listed.first()).toContainText('Sample 0712002 (64 m-66.5 m) overlaps Sample 0712001');
  await page.screenshot(shot('validation'));
  await listed.first().click();
  await expect(page.getByLabel('Hole filter')).toHaveValue('EUG-10-033');
  await expect(cell(page, 4, 'depth_from')).toBeFocused();
});

test('pastes a TSV block, lists the bad cell until it is corrected, and undoes the paste', async ({
  page,
  hosted,
}) => {
  await page.goto(hosted.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await expect(cell(page, 5, 'sample_id')).toHaveText('0712003');
  await cell(page, 5, 'density').click();
  await pasteTsv(page, 'abc\tpasted one\r\n2.5\tpasted two\r\n');
  const dialog = page.getByRole('dialog', { name: 'Some pasted cells cannot be used' });
  await expect(dialog).toContainText('Density: "abc" is not a number');
  await page.screenshot(shot('paste-report'));
  expect(
    readProject(hosted.projectPath, `SELECT count(*) AS n FROM samples WHERE comments LIKE 'pasted%'`),
  ).toEqual([{ n: 0 }]);
  await dialog.getByLabel(/^Correct EUG-10-033 sample 0712003 \(.*\) Density$/).fill('2.6');
  await dialog.getByRole('button', { name: 'Apply corrected block' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cell(page, 5, 'density')).toHaveText('2.60');
  await expect(cell(page, 6, 'comments')).toHaveText('pasted two');
  await expect(page.getByRole('status')).toContainText('Pasted 4 cells');

  await cell(page, 6, 'comments').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Paste 4 cells into samples');
  await expect(cell(page, 5, 'density')).toHaveText('2.79');
  await expect(cell(page, 6, 'comments')).toHaveText('');
});

test('pastes past the last row to add lithology intervals in the filtered hole', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'Lithology');
  await filterHole(page, 'EUG-10-034');
  const total = readProject<{ n: number }>(
    hosted.projectPath,
    `SELECT count(*) AS n FROM lithology l JOIN holes h ON h.id = l.hole WHERE h.hole_id = 'EUG-10-034'`,
  )[0]!.n;
  await expect(page.locator('.row-total')).toHaveText(`${total} rows`);
  const last = total - 1;
  await cell(page, last, 'description').click();
  await pasteTsv(page, 'Last logged unit\nnew unit A\nnew unit B\n');
  // The block has only descriptions: the new rows lack depths and a code, so the paste is held.
  const dialog = page.getByRole('dialog', { name: 'Some pasted cells cannot be used' });
  await expect(dialog).toContainText('From is required for a new row');
  await dialog.getByRole('button', { name: 'Cancel paste' }).click();

  await cell(page, last, 'depth_from').click();
  await pasteTsv(page, '190\t191\tPGN\n191\t192.1\tQZT\n');
  await expect(page.locator('.row-total')).toHaveText(`${total + 1} rows`);
  await expect(cell(page, total, 'code')).toHaveText('QZT');
  await page.screenshot(shot('lithology'));
});

test('adds the next interval of a hole and deletes it after confirming', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-035');
  await page.getByRole('button', { name: 'Next interval' }).click();
  const form = page.getByRole('dialog', { name: 'Next interval of EUG-10-035' });
  const from = await form.getByLabel('From (m)').inputValue();
  expect(Number(from)).toBeGreaterThan(0);
  await form.getByLabel('To (m)').fill('231.7');
  await form.getByLabel('Sample ID').fill('E2E-NEXT-1');
  await form.getByLabel('Zn (%)').fill('<0.01');
  await page.screenshot(shot('row-form'));
  await form.getByRole('button', { name: 'Add and start the next' }).click();
  await expect(form.getByLabel('From (m)')).toHaveValue('231.7');
  await form.getByRole('button', { name: 'Close' }).click();
  const added = page.locator('.ag-row .ag-cell[col-id="sample_id"]', { hasText: 'E2E-NEXT-1' });
  await expect(added).toBeVisible();
  const rowIndex = await page
    .locator('.ag-row', { has: page.locator('.ag-cell[col-id="sample_id"]', { hasText: 'E2E-NEXT-1' }) })
    .getAttribute('row-index');
  await page.locator(`.ag-row[row-index="${rowIndex}"] .ag-selection-checkbox input`).check();
  await page.getByRole('button', { name: 'Delete rows' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(
    `Delete 1 sample (EUG-10-035 sample E2E-NEXT-1 (${from}-231.7)), with their 1 assay results?`,
  );
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(added).toHaveCount(0);
});

test('edits lookup lists: adds a code, refuses to delete one in use', async ({ page, hosted }) => {
  await page.goto(hosted.url);
  await openView(page, 'Lookup lists');
  await page.getByLabel('New code', { exact: true }).fill('QV');
  await page.getByLabel('New code description').fill('Quartz vein');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByRole('status')).toContainText('Added QV to Lithology codes.');
  await page.getByRole('button', { name: 'Delete PGN' }).click();
  await expect(page.getByRole('alert')).toContainText(/PGN is used by [\d,]+ rows/);
  await page.screenshot(shot('lookup-lists'));

  // The new code is offered by the Lithology grid's dropdown editor.
  await openView(page, 'Lithology');
  await filterHole(page, 'EUG-10-036');
  await cell(page, 0, 'code').click();
  await page.keyboard.press('F2');
  await page.getByLabel('Choose Lithology').selectOption('QV');
  await page.keyboard.press('Enter');
  await expect(cell(page, 0, 'code')).toHaveText('QV');

  await openView(page, 'Surveys');
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  await page.screenshot(shot('surveys'));
});

test('the project file holds exactly the edits made', async ({ hosted }) => {
  const rows = <T>(sql: string) => readProject<T>(hosted.projectPath, sql);
  expect(
    rows(`SELECT hole_id, elevation, dip, azimuth, program FROM holes WHERE id IN (1, 2) ORDER BY id`),
  ).toEqual([
    {
      hole_id: 'EUG-10-033',
      elevation: 1750.5,
      dip: -26,
      azimuth: 138.5,
      program: '2011 Lower E Zone underground',
    },
    { hole_id: 'EUG-10-034', elevation: 1743.04, dip: -47.3, azimuth: 133.5, program: null },
  ]);
  expect(
    rows(
      `SELECT l.code FROM lithology l JOIN holes h ON h.id = l.hole WHERE h.hole_id = 'EUG-10-036' ORDER BY l.depth_from LIMIT 1`,
    ),
  ).toEqual([{ code: 'QV' }]);
  expect(
    rows(
      `SELECT sample_id, depth_from, depth_to, density, comments FROM samples WHERE id IN (2, 3, 4) ORDER BY id`,
    ),
  ).toEqual([
    { sample_id: '0712002', depth_from: 64, depth_to: 66.5, density: 2.79, comments: null },
    { sample_id: '0712003', depth_from: 66.5, depth_to: 68.5, density: 2.79, comments: null },
    { sample_id: '0712004', depth_from: 68.5, depth_to: 69.8, density: 2.81, comments: null },
  ]);
  expect(rows(`SELECT rule, row_id FROM problems WHERE severity = 'error'`)).toEqual([
    { rule: 'interval-overlap', row_id: 2 },
  ]);
  expect(
    rows(
      `SELECT l.depth_from, l.depth_to, l.code FROM lithology l JOIN holes h ON h.id = l.hole WHERE h.hole_id = 'EUG-10-034' AND l.depth_from >= 190 ORDER BY l.depth_from`,
    ),
  ).toEqual([
    { depth_from: 190, depth_to: 191, code: 'PGN' },
    { depth_from: 191, depth_to: 192.1, code: 'QZT' },
  ]);
  expect(
    rows(`SELECT count(*) AS n FROM samples WHERE sample_id = 'E2E-NEXT-1' OR comments LIKE 'pasted%'`),
  ).toEqual([{ n: 0 }]);
  expect(
    rows(
      `SELECT code, description FROM lookup_codes WHERE list = 'lithology' AND code IN ('QV', 'PGN') ORDER BY code`,
    ),
  ).toEqual([
    { code: 'PGN', description: 'Pelitic gneiss and schist (biotite-sillimanite)' },
    { code: 'QV', description: 'Quartz vein' },
  ]);
  const history = rows<{ source: string; description: string; state: string }>(
    `SELECT source, description, state FROM change_sets WHERE undoable = 1 OR source IN ('undo', 'redo') ORDER BY id`,
  );
  expect(history.map((entry) => `${entry.source}|${entry.state}|${entry.description}`)).toEqual([
    'api|done|Edit Elevation of Hole EUG-10-033',
    'api|done|Edit Program of Hole EUG-10-034',
    'api|done|Edit Dip of Hole EUG-10-033',
    'api|done|Edit From of EUG-10-033 sample 0712002 (64.5-66.5)',
    'paste|undone|Paste 4 cells into samples',
    'undo|done|Undo: Paste 4 cells into samples',
    'paste|done|Paste 6 cells into lithology (1 new rows)',
    'api|done|Add sample to EUG-10-035',
    'api|done|Delete EUG-10-035 sample E2E-NEXT-1 (185.1-231.7)',
    'api|done|Add code QV to Lithology codes',
    'api|done|Edit Lithology of EUG-10-036 MBL 0-24.6',
  ]);
});
