// Turns parsed cell values into audited row writes: field values (hole references resolved, hole IDs kept
// unique) and lab results (a new result goes in with seq 0, a corrected one replaces the preferred
// result in place). The same code serves typed edits, added rows and pastes.
import type { DateOrder } from '../../domain/date-input';
import type { CellContext, CellParse, ResultValue } from '../../domain/entry/grid-cells';
import { fieldOfColumn, parseCell } from '../../domain/entry/grid-cells';
import type { DataTable } from '../../domain/model';
import { analyteKeys, lookupSets, resultsOf, type AnalyteKey } from '../../storage/entry-queries';
import type { Database } from '../../storage/project-db';
import type { RowWriter } from '../../storage/row-writes';
import { getSetting } from '../../storage/settings-store';
import { StorageError } from '../../storage/storage-error';
import { projectMissingSentinels } from '../settings/project-settings';
import { HoleIndex } from './hole-index';

export interface EntryContext extends CellContext {
  analyteKeys: Map<string, AnalyteKey>;
  /** Hole row ids by hole ID, kept current as holes are added or renamed within one action. */
  holes: HoleIndex;
}

export function entryContext(db: Database, dateOrder?: DateOrder): EntryContext {
  const analytes = analyteKeys(db);
  return {
    lookups: lookupSets(db),
    dateOrder,
    analytes,
    analyteKeys: analytes,
    negativeIsBelowDetection: getSetting(db, 'assays.negative_is_below_detection') !== 'false',
    missingSentinels: projectMissingSentinels(db),
    holes: new HoleIndex(db),
  };
}

export type CheckedCell =
  { ok: true; parse: Extract<CellParse, { ok: true }>; holeRef?: number } | { ok: false; message: string };

/** The by-itself checks of one cell, plus the ones that need the project: the hole exists, IDs unique. */
export function checkCell(
  table: DataTable,
  column: string,
  text: string,
  context: EntryContext,
  rowHoleId?: string,
): CheckedCell {
  const parse = parseCell(table, column, text, context);
  if (!parse.ok) return parse;
  if (parse.kind === 'field' && parse.field.kind === 'hole-ref') {
    const holeRef = context.holes.rowId(String(parse.value));
    if (holeRef === undefined) {
      return {
        ok: false,
        message: `Hole ${String(parse.value)} is not in the project; add it in the Holes table first, or check the hole ID.`,
      };
    }
    return { ok: true, parse, holeRef };
  }
  if (table === 'holes' && parse.kind === 'field' && parse.field.key === 'hole_id') {
    const taken = context.holes.rowId(String(parse.value)) !== undefined && String(parse.value) !== rowHoleId;
    if (taken) {
      return {
        ok: false,
        message: `Hole ID ${String(parse.value)} is already used by another hole; hole IDs must be unique.`,
      };
    }
  }
  return { ok: true, parse };
}

/** Writes one checked cell of an existing row. */
export function writeCell(
  writer: RowWriter,
  db: Database,
  table: DataTable,
  rowId: number,
  cell: Extract<CheckedCell, { ok: true }>,
  context: EntryContext,
): void {
  const { parse } = cell;
  if (parse.kind === 'result') {
    const analyte = context.analyteKeys.get(parse.analyte.code)!;
    writeResult(writer, db, rowId, analyte, parse.result);
    return;
  }
  const value = parse.field.kind === 'hole-ref' ? cell.holeRef! : parse.value;
  writer.update(table, rowId, parse.field.key, value);
  if (table === 'holes' && parse.field.key === 'hole_id') context.holes.set(String(value), rowId);
}

/** Sets the preferred result of a sample and analyte from typed lab text (null clears it). */
export function writeResult(
  writer: RowWriter,
  db: Database,
  sample: number,
  analyte: AnalyteKey,
  result: ResultValue | null,
): void {
  const results = resultsOf(db, sample, analyte.id);
  const preferred = results.find((row) => row.preferred === 1);
  if (result === null) {
    if (!preferred) return;
    if (results.length > 1) {
      throw new StorageError(
        'refused',
        `This sample has ${results.length} ${analyte.code} results (re-assays); clearing the preferred one would change which result calculations use. Type the corrected value instead.`,
      );
    }
    writer.removeResult(preferred);
    return;
  }
  if (preferred) {
    if (preferred.lab_text === result.lab_text) return;
    writer.replace('assay_results', preferred, { ...preferred, ...result }, `analyte:${analyte.code}`);
    return;
  }
  const seq = results.length === 0 ? 0 : Math.max(...results.map((row) => row.seq as number)) + 1;
  writer.insertResult({
    sample,
    analyte: analyte.id,
    seq,
    value: result.value,
    lab_text: result.lab_text,
    flag: result.flag,
    method: null,
    lab: null,
    certificate: null,
    preferred: 1,
  });
}

/** The label of a column for messages: "Dip", "Cu (%)". */
export function columnLabel(table: DataTable, column: string, context: CellContext): string {
  const field = fieldOfColumn(table, column);
  if (field) return field.label;
  const code = column.startsWith('analyte:') ? column.slice('analyte:'.length) : column;
  const analyte = context.analytes.get(code);
  return analyte ? `${analyte.code} (${analyte.unit})` : column;
}
