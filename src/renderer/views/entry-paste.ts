// Pasting from Excel or LibreOffice into a grid. AG Grid's clipboard is an Enterprise feature, so the view
// listens for the DOM paste event itself, reads the block a slice at a time (yielding to the browser
// between slices, so 100,000 cells do not freeze the window), and sends it in one call: the server checks
// every cell and applies the block in one transaction, or lists the bad cells and applies nothing.
import type { PasteResult } from '../../api/entry-types';
import type { DateOrder } from '../../domain/date-input';
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
