// Pasting from Excel or LibreOffice into a grid. AG Grid's clipboard is an Enterprise feature, so the view
// listens for the DOM paste event itself, reads the block a slice at a time (yielding to the browser
// between slices, so 100,000 cells do not freeze the window), and sends it in one call: the server checks
// every cell and applies the block in one transaction, or lists the bad cells and applies nothing. A block
// whose first row names its columns can instead be pasted by those names (the user confirms the mapping).
import type { PasteResult } from '../../api/entry-types';
import type { DateOrder } from '../../domain/date-input';
import { rowsByHeader, type PasteHeaderMapping } from '../../domain/entry/paste-header';
import { TsvBlockReader } from '../../domain/entry/tsv-block';
import { api } from '../api/api-client';
import type { ViewQuery } from './entry-datasource';

export interface PasteTarget {
  view: ViewQuery;
  startIndex: number;
  anchorRowId: number | null;
  /** Editable grid columns from the focused one rightwards. */
  columns: string[];
  /** How the user's locale writes dates, so pasted dates are read as meant. */
  dateOrder?: DateOrder;
}

export interface PendingPaste extends PasteTarget {
  rows: string[][];
  result: PasteResult;
  /** The line of the copied block the first row sent came from (2 below a names row). */
  firstLine: number;
}

/** Where the rows of a block pasted by its column names go. */
export type HeaderPlacement = 'focused' | 'end';

/** A block whose first row names its columns, waiting for the user to confirm the mapping. */
export interface HeaderPaste {
  /** The block as read, names row included. */
  rows: string[][];
  mapping: PasteHeaderMapping;
  /** From the focused row down, or null when no cell is focused. */
  atFocus: PasteTarget | null;
  /** As new rows after the last row of the view. */
  atEnd: PasteTarget;
}

/** The target and rows of a block pasted by its names: `targets[i]` is pasted column i's grid column. */
export function pasteByHeader(
  paste: HeaderPaste,
  targets: readonly (string | null)[],
  placement: HeaderPlacement,
): { target: PasteTarget; rows: string[][] } {
  const { columns, rows } = rowsByHeader(targets, paste.rows);
  const place = placement === 'focused' && paste.atFocus ? paste.atFocus : paste.atEnd;
  return { target: { ...place, columns }, rows };
}

const ROWS_PER_SLICE = 2000;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads a pasted block between frames, reporting progress as a share of the text read. */
export async function readBlock(text: string, onProgress: (share: number) => void): Promise<string[][]> {
  const reader = new TsvBlockReader(text);
  const rows: string[][] = [];
  while (!reader.done) {
    const slice = reader.read(ROWS_PER_SLICE);
    if (slice.length === 0) break;
    for (const row of slice) rows.push(row);
    onProgress(reader.progress);
    await nextFrame();
  }
  return rows;
}

export type PasteMode = 'apply' | 'apply-good';

/** Sends the block; with bad cells and mode 'apply' nothing is written and they come back listed. */
export function sendPaste(target: PasteTarget, rows: string[][], mode: PasteMode): Promise<PasteResult> {
  const { view, startIndex, anchorRowId, columns, dateOrder } = target;
  return api['table.paste']({ view, startIndex, anchorRowId, columns, rows, mode, dateOrder });
}
