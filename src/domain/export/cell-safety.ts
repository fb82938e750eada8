// Keeps exported text from being run as a spreadsheet formula (CSV/formula injection): text starting
// with = + - @, a tab or a carriage return gets a leading apostrophe, unless it is a plain number such
// as "-0.005", which spreadsheets read as a number, not a formula.
import { parseNumber } from '../table-fields';

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutraliseText(text: string): string {
  if (text.length === 0 || !DANGEROUS_FIRST.has(text.charAt(0))) return text;
  if (parseNumber(text) !== null && text.trim() === text) return text;
  return `'${text}`;
}

export type CellValue = string | number | boolean | null | undefined;

/** One CSV field: numbers as written by JavaScript, text neutralised and quoted when needed. */
export function csvField(value: CellValue, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = neutraliseText(value);
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly CellValue[], delimiter = ','): string {
  return values.map((value) => csvField(value, delimiter)).join(delimiter);
}
