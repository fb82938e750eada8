// Editable lookup lists (lithology codes, hole types, survey methods): add a code, rename it (every row
// using it follows, audited), describe it, or delete it when no row uses it. Each is an undoable change.
import type { LookupListInfo } from '../../api/entry-types';
import { codeColours, normaliseColour } from '../../domain/lithology-colours';
import type { DataTable } from '../../domain/model';
import {
  codeUseCounts,
  LOOKUP_COLUMNS,
  lookupCode,
  lookupCodes,
  lookupNames,
  nextSortOrder,
  rowsUsingCode,
} from '../../storage/lookup-store';
import type { Database } from '../../storage/project-db';
import type { WriteTracker } from '../../storage/row-writes';
import { StorageError } from '../../storage/storage-error';
import { runAction, type EntryEnv } from './entry-transaction';

const TABLE_LABELS: Record<DataTable, string> = {
  holes: 'Holes',
  surveys: 'Surveys',
  samples: 'Samples',
  lithology: 'Lithology',
};

const LIST_LABELS: Record<string, string> = {
  lithology: 'Lithology codes',
  hole_type: 'Hole types',
  survey_method: 'Survey methods',
};

export function lookupLists(db: Database): LookupListInfo[] {
  return lookupNames(db).map((list) => {
    const uses = codeUseCounts(db, list);
    const rows = lookupCodes(db, list);
    const colours = codeColours(rows);
    return {
      list,
      label: LIST_LABELS[list] ?? list,
      usedBy: LOOKUP_COLUMNS.filter((column) => column.list === list).map(({ table, column, label }) => ({
        table,
        column,
        label,
      })),
      codes: rows.map((row) => ({
        code: row.code,
        description: row.description,
        uses: uses.get(row.code) ?? 0,
        colour: row.colour,
        shownColour: colours.get(row.code)!,
      })),
    };
  });
}

function checkedCode(code: string): string {
  const text = code.trim();
  if (text === '') throw new StorageError('refused', 'A code cannot be empty.');
  if (/[\t\r\n]/.test(text)) throw new StorageError('refused', 'A code cannot hold tabs or line breaks.');
  return text;
}

function usesOf(db: Database, list: string, code: string): number {
  return codeUseCounts(db, list).get(code) ?? 0;
}

export function addCode(env: EntryEnv, list: string, code: string, description: string | null): WriteTracker {
  const text = checkedCode(code);
  if (lookupCode(env.db, list, text)) {
    throw new StorageError('exists', `${text} is already in the ${LIST_LABELS[list] ?? list} list.`);
  }
  return runAction(env, { description: `Add code ${text} to ${LIST_LABELS[list] ?? list}` }, (writer) => {
    writer.restore('lookup_codes', {
      list,
      code: text,
      description,
      sort_order: nextSortOrder(env.db, list),
    });
  }).tracker;
}

/** A colour as stored: '#rrggbb' in lower case, or null for the default. */
function checkedColour(colour: string | null): string | null {
  if (colour === null || colour.trim() === '') return null;
  const stored = normaliseColour(colour);
  if (!stored) {
    throw new StorageError(
      'refused',
      `"${colour}" is not a colour; give it as #rrggbb (e.g. #a8741a), or leave it empty for the default.`,
    );
  }
  return stored;
}

/** Renames a code and every row using it, and/or changes its description or colour. */
export function updateCode(
  env: EntryEnv,
  list: string,
  code: string,
  changes: { newCode?: string; description?: string | null; colour?: string | null },
): WriteTracker {
  const { db } = env;
  const before = lookupCode(db, list, code);
  if (!before)
    throw new StorageError('not-found', `${code} is not in the ${LIST_LABELS[list] ?? list} list.`);
  const newCode = changes.newCode === undefined ? code : checkedCode(changes.newCode);
  if (newCode !== code && lookupCode(db, list, newCode)) {
    throw new StorageError(
      'exists',
      `${newCode} is already in the list; delete it first or pick another code.`,
    );
  }
  const description = changes.description === undefined ? before.description : changes.description;
  const colour = changes.colour === undefined ? before.colour : checkedColour(changes.colour);
  const what =
    newCode !== code
      ? `Rename code ${code} to ${newCode}`
      : description === before.description && colour !== before.colour
        ? `Colour code ${code}`
        : `Describe code ${code}`;
  return runAction(env, { description: `${what} in ${LIST_LABELS[list] ?? list}` }, (writer) => {
    writer.replace('lookup_codes', { ...before }, { ...before, code: newCode, description, colour }, 'code');
    if (newCode === code) return;
    for (const column of LOOKUP_COLUMNS.filter((entry) => entry.list === list)) {
      for (const id of rowsUsingCode(db, column, code))
        writer.update(column.table, id, column.column, newCode);
    }
  }).tracker;
}

/** Deletes an unused code; a code still in use is refused with the number of rows using it. */
export function deleteCode(env: EntryEnv, list: string, code: string): WriteTracker {
  const { db } = env;
  const row = lookupCode(db, list, code);
  if (!row) throw new StorageError('not-found', `${code} is not in the ${LIST_LABELS[list] ?? list} list.`);
  const uses = usesOf(db, list, code);
  if (uses > 0) {
    const tables = [
      ...new Set(
        LOOKUP_COLUMNS.filter((entry) => entry.list === list).map((entry) => TABLE_LABELS[entry.table]),
      ),
    ];
    throw new StorageError(
      'refused',
      `${code} is used by ${uses.toLocaleString('en')} row${uses === 1 ? '' : 's'} of ${tables.join(' and ')}; change those rows to another code (or rename ${code} instead), then delete it.`,
    );
  }
  return runAction(
    env,
    { description: `Delete code ${code} from ${LIST_LABELS[list] ?? list}` },
    (writer) => {
      writer.remove('lookup_codes', { ...row });
    },
  ).tracker;
}
