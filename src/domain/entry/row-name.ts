// How a person names a row in messages: a hole by its ID, a sample by its hole, sample ID and depths, a
// survey or lithology interval by its hole and depths. One wording for stored rows (change descriptions,
// delete questions) and for rows still in a pasted block (the paste report).
import type { DataTable } from '../model';

/** What names a row; missing parts are null or absent. */
export interface RowNameParts {
  hole_id?: string | null;
  sample_id?: string | null;
  depth_from?: number | string | null;
  depth_to?: number | string | null;
  depth?: number | string | null;
  code?: string | null;
}

const shown = (value: unknown) =>
  value === null || value === undefined || value === '' ? '?' : String(value);

/** "Hole DH-12", "DH-12 sample S001 (10-11)", "DH-12 survey at 30", "DH-12 GRN 10-11". */
export function rowName(table: DataTable, parts: RowNameParts): string {
  const hole = shown(parts.hole_id);
  if (table === 'holes') return `Hole ${hole}`;
  if (table === 'surveys') return `${hole} survey at ${shown(parts.depth)}`;
  if (table === 'lithology') {
    const code = parts.code ? `${parts.code} ` : '';
    return `${hole} ${code}${shown(parts.depth_from)}-${shown(parts.depth_to)}`;
  }
  const name = parts.sample_id ? `sample ${parts.sample_id}` : 'sample';
  const blank = (value: unknown) => value === null || value === undefined || value === '';
  const depths =
    blank(parts.depth_from) && blank(parts.depth_to)
      ? ''
      : ` (${shown(parts.depth_from)}-${shown(parts.depth_to)})`;
  return `${hole} ${name}${depths}`;
}
