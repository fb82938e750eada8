// The ordered row ids of each view a grid shows (a table with its sort, filters and hole): built with
// one query when the view is first asked for, then every page at any offset is a slice of ids read by
// primary key, so scrolling or jumping anywhere in a million rows costs the same. The grid's own edits
// keep the order (an edited row stays where it is, as in a spreadsheet, until the user sorts again);
// added rows go after the row they follow, deleted rows drop out; anything else rebuilds the view.
import type { DataTable } from '../../domain/model';
import type { Database } from '../../storage/project-db';
import type { RowTable, WriteTracker } from '../../storage/row-writes';
import { readViewIds, type ViewQuery } from '../../storage/table-pages';

export interface ViewSnapshot {
  key: string;
  table: DataTable;
  ids: Int32Array;
}

export interface Placement {
  /** New rows go right after this row in every view holding it (else at the end). */
  afterRowId?: number;
  /** Rows put back by an undo or redo: rebuild the views, so they return to their sorted places. */
  rebuild?: boolean;
}

export function viewKey(query: ViewQuery): string {
  return JSON.stringify([query.table, query.sort ?? [], query.filters ?? [], query.holeId ?? null]);
}

export class ViewSnapshots {
  /** Most recently used last (a Map keeps insertion order). */
  private readonly views = new Map<string, ViewSnapshot>();

  constructor(private readonly capacity = 8) {}

  get(db: Database, query: ViewQuery): ViewSnapshot {
    const key = viewKey(query);
    let view = this.views.get(key);
    if (view) {
      this.views.delete(key);
    } else {
      view = { key, table: query.table, ids: readViewIds(db, query) };
      while (this.views.size >= this.capacity) {
        const oldest = this.views.keys().next().value;
        if (oldest === undefined) break;
        this.views.delete(oldest);
      }
    }
    this.views.set(key, view);
    return view;
  }

  clear(): void {
    this.views.clear();
  }

  /** Brings the views up to date with the grid's own writes. */
  applyWrites(tracker: WriteTracker, placement: Placement = {}): void {
    for (const [key, view] of this.views) {
      const table = view.table as RowTable;
      const inserted = tracker.insertedIds.get(table) ?? [];
      const deleted = tracker.deletedIds.get(table) ?? [];
      if (placement.rebuild && (inserted.length > 0 || deleted.length > 0)) {
        this.views.delete(key);
        continue;
      }
      if (inserted.length === 0 && deleted.length === 0) continue;
      view.ids = spliced(view.ids, inserted, deleted, placement.afterRowId);
    }
  }
}

function spliced(
  ids: Int32Array,
  inserted: readonly number[],
  deleted: readonly number[],
  after?: number,
): Int32Array {
  const gone = new Set(deleted);
  const kept = gone.size > 0 ? ids.filter((id) => !gone.has(id)) : ids;
  const added = inserted.filter((id) => !gone.has(id));
  if (added.length === 0) return kept;
  const at = after === undefined ? -1 : kept.indexOf(after);
  const position = at === -1 ? kept.length : at + 1;
  const result = new Int32Array(kept.length + added.length);
  result.set(kept.subarray(0, position), 0);
  result.set(added, position);
  result.set(kept.subarray(position), position + added.length);
  return result;
}
