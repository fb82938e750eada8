// A hole for its one-page view and strip log: the collar, surveys, samples (wide, with their results and
// problems) and lithology, each read through the grids' own page queries so the view shows exactly what
// the grids hold, plus the colour of each lithology code it uses.
import type { HoleSearchResult, HoleViewData, LithologyStyle } from '../../api/hole-types';
import type { HolePageRow, LithologyPageRow, SamplePageRow, SurveyPageRow } from '../../api/types';
import { codeColours, defaultCodeColour } from '../../domain/lithology-colours';
import type { DataTable, LengthUnit } from '../../domain/model';
import { findHoleRowId, searchHoleIds } from '../../storage/hole-view-queries';
import { lookupCodes } from '../../storage/lookup-store';
import type { Database } from '../../storage/project-db';
import { listAnalytes } from '../../storage/project-queries';
import { readRowsByIds, readViewIds } from '../../storage/table-pages';
import { StorageError } from '../../storage/storage-error';

export function searchHoles(db: Database, text: string, limit: number): HoleSearchResult {
  const wanted = text.trim();
  if (wanted === '') return { holeIds: [], total: 0 };
  return searchHoleIds(db, wanted, limit);
}

/** The hole for an ID typed in any case; refused with what to do when there is none. */
export function findHole(db: Database, typed: string): HolePageRow {
  const rowId = findHoleRowId(db, typed.trim());
  const [collar] =
    rowId === undefined ? [] : (readRowsByIds(db, 'holes', [rowId]) as unknown as HolePageRow[]);
  if (!collar) {
    throw new StorageError(
      'not-found',
      `There is no hole "${typed.trim()}" in this project; search for it by part of its ID.`,
    );
  }
  return collar;
}

function rowsOf<Row>(db: Database, table: DataTable, holeId: string): Row[] {
  const ids = readViewIds(db, { table, holeId });
  return readRowsByIds(db, table, Array.from(ids)) as unknown as Row[];
}

/** Colours of the lithology codes in use: the list's (stored or default), then defaults for unlisted ones. */
function lithologyStyles(db: Database, used: readonly string[]): Record<string, LithologyStyle> {
  const listed = lookupCodes(db, 'lithology');
  const colours = codeColours(listed);
  const descriptions = new Map(listed.map((row) => [row.code, row.description]));
  const styles: Record<string, LithologyStyle> = {};
  let unlisted = listed.length;
  for (const code of used) {
    if (styles[code]) continue;
    styles[code] = {
      colour: colours.get(code) ?? defaultCodeColour(code, null, unlisted++),
      description: descriptions.get(code) ?? null,
    };
  }
  return styles;
}

export function holeView(db: Database, typedHoleId: string, lengthUnit: LengthUnit): HoleViewData {
  const collar = findHole(db, typedHoleId);
  const holeId = collar.hole_id;
  const lithology = rowsOf<LithologyPageRow>(db, 'lithology', holeId);
  return {
    holeId,
    lengthUnit,
    collar,
    surveys: rowsOf<SurveyPageRow>(db, 'surveys', holeId),
    samples: rowsOf<SamplePageRow>(db, 'samples', holeId),
    lithology,
    lithologyCodes: lithologyStyles(
      db,
      lithology.map((row) => row.code),
    ),
    analytes: listAnalytes(db),
  };
}
