// Requests and results of data entry in the grids: cell edits, added and deleted rows, pastes, undo and
// redo, lookup lists, and the status bar's counts that every write returns.
import type { DataTable } from '../domain/model';
import type { PageRow } from './types';

export interface ProjectStatus {
  counts: { holes: number; surveys: number; samples: number; assayResults: number; lithology: number };
  problems: { errors: number; warnings: number };
}

/** What every write returns: its change set (null when nothing changed) and the new status. */
export interface WriteResult {
  changeSet: number | null;
  status: ProjectStatus;
}

export interface EditResult extends WriteResult {
  /** The edited rows and every other row of their holes whose problems changed, as the grid shows them. */
  rows: PageRow[];
}

export interface InsertResult extends WriteResult {
  ids: number[];
  rows: PageRow[];
}

export interface DeletePreview {
  rows: number;
  /** Names of the first rows, for the confirmation ("Sample S001, Sample S002 and 3 more"). */
  labels: string[];
  /** Rows deleted with them. */
  dependents: { surveys: number; samples: number; assayResults: number; lithology: number };
}

export interface DeleteResult extends WriteResult {
  deleted: number;
}

/** Suggested values for the next interval of a hole: From is the hole's deepest To. */
export interface NextInterval {
  hole_id: string;
  depth_from: number | null;
  depth_to: number | null;
}

export interface PasteBadCell {
  /** Row and column of the cell within the pasted block, 0-based. */
  row: number;
  col: number;
  /** The grid column it was meant for ('' when the block is wider than the grid). */
  column: string;
  /**
   * The row as a person names it: "EUG-10-033 sample 0712003 (64.5-66.5)", "Hole DH-12", hole and depths
   * for surveys and lithology; a row the paste would add starts "New row".
   */
  label: string;
  text: string;
  message: string;
}

export interface PasteResult extends WriteResult {
  applied: boolean;
  /** Cells that will be (check) or were (apply) written, and rows added. */
  cells: number;
  newRows: number;
  /** The first bad cells (at most 1,000) and how many there are in all. */
  bad: PasteBadCell[];
  badTotal: number;
}

export interface ReplayResult extends WriteResult {
  /** The change set taken back (undo) or re-applied (redo). */
  replayed: { id: number; description: string };
  tables: DataTable[];
}

export interface HistoryEntry {
  id: number;
  at: string;
  description: string;
}

export interface EditHistory {
  undo: HistoryEntry | null;
  redo: HistoryEntry | null;
}

export interface LookupCodeUse {
  code: string;
  description: string | null;
  /** Rows using the code, over every column that draws from the list. */
  uses: number;
  /** The colour stored with the code ('#rrggbb'), or null for the default. */
  colour: string | null;
  /** The colour it is drawn with: the stored one or the default (domain/lithology-colours.ts). */
  shownColour: string;
}

export interface LookupListInfo {
  list: string;
  label: string;
  usedBy: { table: DataTable; column: string; label: string }[];
  codes: LookupCodeUse[];
}

export interface LocateResult {
  /** The row's position in the view, or null when the view does not hold it. */
  index: number | null;
  total: number;
}
