// Where typing starts in the new-row form and what the form holds for the row after the one just added,
// so a logger can enter row after row with the keyboard: the same field every time, and the values that
// repeat (the hole, the next From, a drill pad) already filled in.
import type { DataTable } from '../model';

/** The field a logger types first in each table once the hole is known. */
export const START_FIELD: Record<DataTable, string> = {
  // A new hole starts from its name.
  holes: 'hole_id',
  // Survey stations come one depth at a time down the hole.
  surveys: 'depth',
  // From and To follow on from the last sample; the ticket on the next bag is what changes.
  samples: 'sample_id',
  // Units vary in length: From follows on, the logger types where the unit ends.
  lithology: 'depth_to',
};

/**
 * The field focus goes to when the form opens and after each row: the table's start field, or Hole ID
 * while a child row has no hole yet (the form cannot add a row without one).
 */
export function startField(table: DataTable, values: Readonly<Record<string, string>>): string {
  if (table !== 'holes' && (values.hole_id ?? '').trim() === '') return 'hole_id';
  return START_FIELD[table];
}

/** Values of the holes form kept for the next hole: holes drilled from one pad share these. */
const HOLE_CARRIED = ['hole_type', 'station', 'program'] as const;

function roundDepth(value: number): string {
  return String(Number(value.toFixed(6)));
}

/**
 * The values the form starts the next row with after `added` was added. Intervals follow on (From is the
 * last To, To keeps the last length); a sample goes back to a regular one, because blanks, standards and
 * duplicates are single inserts; everything measured or named is left for the logger to type.
 */
export function nextRowValues(
  table: DataTable,
  added: Readonly<Record<string, string>>,
): Record<string, string> {
  const next: Record<string, string> = {};
  const keep = (key: string) => {
    const value = added[key];
    if (value !== undefined && value.trim() !== '') next[key] = value;
  };
  if (table === 'holes') {
    HOLE_CARRIED.forEach(keep);
    return next;
  }
  keep('hole_id');
  if (table === 'surveys') {
    keep('method');
    return next;
  }
  const from = Number(added.depth_from);
  const to = Number(added.depth_to);
  if ((added.depth_to ?? '').trim() !== '' && Number.isFinite(to)) {
    next.depth_from = roundDepth(to);
    const length = to - from;
    if ((added.depth_from ?? '').trim() !== '' && Number.isFinite(length) && length > 0)
      next.depth_to = roundDepth(to + length);
  }
  if (table === 'samples') next.sample_type = 'regular';
  if (table === 'lithology') keep('code');
  return next;
}

/** A short name of an added row for the form's "Added ..." line. */
export function addedRowLabel(table: DataTable, values: Readonly<Record<string, string>>): string {
  const hole = values.hole_id ?? '';
  const interval =
    values.depth_from !== undefined && values.depth_to !== undefined
      ? ` ${values.depth_from}-${values.depth_to}`
      : '';
  switch (table) {
    case 'holes':
      return `hole ${hole}`;
    case 'surveys':
      return `survey of ${hole} at ${values.depth ?? ''}`;
    case 'samples':
      return `sample ${values.sample_id ?? '(no sample ID)'} of ${hole}${interval}`;
    case 'lithology':
      return `${values.code ?? ''} of ${hole}${interval}`;
  }
}
