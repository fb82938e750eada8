// Logging by keyboard, as a person does it: open the row form from its button, type, press Enter for the
// next row, Esc to finish; then read the SQLite file and find exactly the rows typed. Each test gets a
// fresh demo project, so what it reads is what it did.
import type { Page } from '@playwright/test';
import { cell, filterHole, openView, readProject } from './entry-grid-helpers';
import { fresh as test, expect } from './entry-fresh-project';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Presses a toolbar button from the keyboard: focus it (as Tab would) and press Enter. */
async function pressButton(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

test('logs three sample intervals by keyboard: focus stays in Sample ID, Esc closes', async ({
  page,
  project,
}) => {
  await page.goto(project.url);
  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-035');
  await expect(cell(page, 0, 'sample_id')).toHaveText('0712054');
  await pressButton(page, 'Next interval');
  const form = page.getByRole('dialog', { name: 'Next interval of EUG-10-035' });
  const sampleId = form.getByLabel('Sample ID');
  const from = form.getByLabel('From (m)');
  await expect(from).toHaveValue('185.1');
  await expect(sampleId).toBeFocused();
  await page.keyboard.type('UW0001');
  await page.keyboard.press('Enter');
  // The form moves on to the next interval and stays the place typing goes.
  await expect(from).toHaveValue('186.7');
  await expect(sampleId).toBeFocused();
  await expect(sampleId).toHaveValue('');
  await page.keyboard.type('UW0002');
  await page.keyboard.press('Enter');
  await expect(from).toHaveValue('188.3');
  await expect(sampleId).toBeFocused();
  await page.keyboard.type('UW0003');
  await page.keyboard.press('Enter');
  await expect(from).toHaveValue('189.9');
  await expect(sampleId).toBeFocused();
  // Typed but not entered: Esc gives it up.
  await page.keyboard.type('UW0004');
  await page.screenshot(shot('keyboard-next-interval'));
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  // Keys typed after closing reach the grid, not a hidden form.
  await expect(page.locator('.ag-cell-focus')).toHaveCount(1);

  const rows = readProject(
    project.projectPath,
    `SELECT s.sample_id, s.depth_from, s.depth_to, s.sample_type FROM samples s JOIN holes h ON h.id = s.hole
      WHERE h.hole_id = 'EUG-10-035' AND s.depth_from >= 185.1 ORDER BY s.depth_from`,
  );
  expect(rows).toEqual([
    { sample_id: 'UW0001', depth_from: 185.1, depth_to: 186.7, sample_type: 'regular' },
    { sample_id: 'UW0002', depth_from: 186.7, depth_to: 188.3, sample_type: 'regular' },
    { sample_id: 'UW0003', depth_from: 188.3, depth_to: 189.9, sample_type: 'regular' },
  ]);
  expect(
    readProject(project.projectPath, `SELECT description FROM change_sets WHERE undoable = 1 ORDER BY id`),
  ).toEqual([
    { description: 'Add sample to EUG-10-035' },
    { description: 'Add sample to EUG-10-035' },
    { description: 'Add sample to EUG-10-035' },
  ]);
});

test('Tab and Shift+Tab stay inside the row form; the grid gets no keys while it is open', async ({
  page,
  project,
}) => {
  await page.goto(project.url);
  await openView(page, 'Lithology');
  await filterHole(page, 'EUG-10-036');
  await cell(page, 0, 'description').click();
  await pressButton(page, 'Next interval');
  const form = page.getByRole('dialog', { name: 'Next interval of EUG-10-036' });
  const to = form.getByLabel('To (m)');
  await expect(to).toBeFocused();
  // Shift+Tab from the first field walks back through the form, never out of it.
  const fields = await form.locator('input, select, button').count();
  for (let step = 0; step < fields + 2; step++) {
    await page.keyboard.press('Shift+Tab');
    await expect(form.locator(':focus')).toHaveCount(1);
  }
  for (let step = 0; step < fields + 2; step++) {
    await page.keyboard.press('Tab');
    await expect(form.locator(':focus')).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  expect(
    readProject(project.projectPath, `SELECT count(*) AS n FROM change_sets WHERE undoable = 1`),
  ).toEqual([{ n: 0 }]);
});

test('adds two holes by keyboard, each starting in Hole ID, and Esc closes the form', async ({
  page,
  project,
}) => {
  await page.goto(project.url);
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  await pressButton(page, 'Add hole');
  const form = page.getByRole('dialog', { name: 'Add a hole' });
  const holeId = form.getByLabel('Hole ID');
  await expect(holeId).toBeFocused();
  await page.keyboard.type('KB-001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5000');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Added hole KB-001');
  await expect(holeId).toBeFocused();
  await expect(holeId).toHaveValue('');
  await page.keyboard.type('KB-002');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Added hole KB-002');
  await expect(holeId).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);

  expect(
    readProject(
      project.projectPath,
      `SELECT hole_id, easting FROM holes WHERE hole_id LIKE 'KB-%' OR id > 76 ORDER BY id`,
    ),
  ).toEqual([
    { hole_id: 'KB-001', easting: 5000 },
    { hole_id: 'KB-002', easting: null },
  ]);
  expect(
    readProject(project.projectPath, `SELECT description FROM change_sets WHERE undoable = 1 ORDER BY id`),
  ).toEqual([{ description: 'Add hole KB-001' }, { description: 'Add hole KB-002' }]);
});
