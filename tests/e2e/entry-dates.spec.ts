// Dates typed the way the user's locale writes them: a day-first browser (en-GB) types 03/12/2010 (3
// December) into a hole's Started cell and a date into the new-hole form, sees the hint, has a date in
// the other order and one that does not exist refused with the reason; the file holds ISO dates.
import { cell, readProject, typeInto } from './entry-grid-helpers';
import { fresh as test, expect } from './entry-fresh-project';

test.describe('in a day-first locale', () => {
  test.use({ locale: 'en-GB' });

  test('takes 03/12/2010 as 3 December, stores 2010-12-03, and refuses 11/24/2010 and 31/11/2010', async ({
    page,
    project,
  }) => {
    await page.goto(project.url);
    await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
    const started = cell(page, 0, 'started_on');
    await started.scrollIntoViewIfNeeded();
    await expect(page.locator('.ag-header-cell[col-id="started_on"]')).toHaveAttribute(
      'title',
      'Started: Type the date as day/month/year, e.g. 24/11/2010, or 2010-11-24; it is kept as 2010-11-24.',
    );
    // 3 December, where a month-first reading would make it 12 March.
    await typeInto(page, started, '03/12/2010');
    await expect(started).toHaveText('2010-12-03');

    await typeInto(page, cell(page, 1, 'started_on'), '11/24/2010');
    await expect(page.getByRole('alert')).toContainText(
      'Started: "11/24/2010" is not a date: 24 is not a month (dates are read as day/month/year here).',
    );
    const editor = page.getByLabel('Edit Started');
    await expect(editor).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await editor.fill('31/11/2010');
    await editor.press('Enter');
    await expect(page.getByRole('alert')).toContainText('November 2010 has 30 days');
    await editor.fill('30/11/2010');
    await editor.press('Enter');
    await expect(cell(page, 1, 'started_on')).toHaveText('2010-11-30');

    await page.getByRole('button', { name: 'Add hole', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Add a hole' });
    await expect(form).toContainText('day/month/year, e.g. 24/11/2010');
    await page.keyboard.type('DATE-1');
    await form.getByLabel('Completed').fill('5/6/2011');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('status')).toContainText('Added hole DATE-1');
    await page.keyboard.press('Escape');

    expect(
      readProject(
        project.projectPath,
        `SELECT hole_id, started_on, completed_on FROM holes WHERE id IN (1, 2) OR hole_id = 'DATE-1' ORDER BY id`,
      ),
    ).toEqual([
      { hole_id: 'EUG-10-033', started_on: '2010-12-03', completed_on: expect.any(String) },
      { hole_id: 'EUG-10-034', started_on: '2010-11-30', completed_on: expect.any(String) },
      { hole_id: 'DATE-1', started_on: null, completed_on: '2011-06-05' },
    ]);
  });
});

test.describe('in a month-first locale', () => {
  test.use({ locale: 'en-US' });

  test('takes 12/3/2010 as 3 December', async ({ page, project }) => {
    await page.goto(project.url);
    await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
    const started = cell(page, 0, 'started_on');
    await started.scrollIntoViewIfNeeded();
    await typeInto(page, started, '12/3/2010');
    await expect(started).toHaveText('2010-12-03');
    expect(readProject(project.projectPath, `SELECT started_on FROM holes WHERE id = 1`)).toEqual([
      { started_on: '2010-12-03' },
    ]);
  });
});
