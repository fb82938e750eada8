// Reads the shared real data sets for tests (plain comma-separated files, no quoted commas in the
// columns used here). Tests may do I/O; src/domain may not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS } from '../helpers/datasets';

export function readCsv(relativePath: string): Record<string, string>[] {
  const text = readFileSync(join(DATASETS, relativePath), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines.shift() ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** Rows grouped by a key column, groups in first-seen order. */
export function groupBy(rows: Record<string, string>[], key: string): Map<string, Record<string, string>[]> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const k = row[key] ?? '';
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
