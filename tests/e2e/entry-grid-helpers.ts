// Helpers for driving the editable grids like a user: find a cell, type into it, paste a TSV block with a
// real paste event, and read the project file afterwards.
import type { Locator, Page } from '@playwright/test';
import DatabaseConstructor from 'better-sqlite3';

export function cell(page: Page, rowIndex: number, column: string): Locator {
  return page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${column}"]`);
}

export async function openView(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Tables and views' })
    .getByRole('button', { name: label, exact: true })
    .click();
}

export async function filterHole(page: Page, holeId: string): Promise<void> {
  const input = page.getByLabel('Hole filter');
  await input.fill(holeId);
  await input.press('Enter');
}

/** Clicks a cell, types as a user would (typing starts the edit) and presses a key to leave it. */
export async function typeInto(
  page: Page,
  target: Locator,
  text: string,
  leaveWith = 'Enter',
): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
  await page.keyboard.press(leaveWith);
}

/** Pastes a TSV block at the focused cell through a real DOM paste event carrying a DataTransfer. */
export async function pasteTsv(page: Page, tsv: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
  }, tsv);
}

/** Reads the project file directly, as another program would. */
export function readProject<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new DatabaseConstructor(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
