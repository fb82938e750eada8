// Undo per view, as a person meets it: an edit in Holes, then one in Samples, back to Holes and Ctrl+Z
// takes back the Holes edit (the button said which before anything changed), the Samples edit stays;
// in Samples, Ctrl+Z then takes back the Samples edit.
import { cell, filterHole, openView, readProject, typeInto } from './entry-grid-helpers';
import { fresh as test, expect } from './entry-fresh-project';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

test('Ctrl+Z in Holes undoes the Holes edit, not the later Samples edit', async ({ page, project }) => {
  const holeProgram = () =>
    readProject(project.projectPath, `SELECT program FROM holes WHERE hole_id = 'EUG-10-033'`);
  const sampleComment = () =>
    readProject(project.projectPath, `SELECT comments FROM samples WHERE sample_id = '0712002'`);
  await page.goto(project.url);
  await expect(cell(page, 0, 'hole_id')).toHaveText('EUG-10-033');
  await typeInto(page, cell(page, 0, 'program'), 'Holes edit');
  await expect(cell(page, 0, 'program')).toHaveText('Holes edit');

  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await expect(cell(page, 4, 'sample_id')).toHaveText('0712002');
  await typeInto(page, cell(page, 4, 'comments'), 'Samples edit');
  await expect(cell(page, 4, 'comments')).toHaveText('Samples edit');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute(
    'title',
    'Undo the last change to Samples and assays: Edit Comments of EUG-10-033 sample 0712002 (64.5-66.5) (Ctrl+Z)',
  );

  await openView(page, 'Holes');
  await expect(cell(page, 0, 'program')).toHaveText('Holes edit');
  await expect(undo).toHaveAttribute(
    'title',
    'Undo the last change to Holes: Edit Program of Hole EUG-10-033 (Ctrl+Z)',
  );
  await page.screenshot(shot('undo-in-holes'));
  await cell(page, 3, 'hole_id').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toHaveText('Undone: Edit Program of Hole EUG-10-033.');
  await expect(cell(page, 0, 'program')).toHaveText('2011 Lower E Zone underground');
  expect(holeProgram()).toEqual([{ program: '2011 Lower E Zone underground' }]);
  expect(sampleComment()).toEqual([{ comments: 'Samples edit' }]);
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAttribute('title', 'Nothing to undo in Holes');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toHaveAttribute(
    'title',
    'Redo in Holes: Edit Program of Hole EUG-10-033 (Ctrl+Y)',
  );

  await openView(page, 'Samples and assays');
  await filterHole(page, 'EUG-10-033');
  await cell(page, 6, 'sample_id').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Edit Comments of EUG-10-033 sample 0712002');
  await expect(cell(page, 4, 'comments')).toHaveText('');
  expect(sampleComment()).toEqual([{ comments: null }]);
  expect(holeProgram()).toEqual([{ program: '2011 Lower E Zone underground' }]);
});
