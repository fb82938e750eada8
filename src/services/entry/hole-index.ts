// Hole IDs and row ids looked up as an action needs them, remembered for the rest of the action, and
// kept current as the action adds or renames holes. A single edit asks for one hole; a paste may load
// them all at once.
import { holeIdOfRow, holeRowId, holeRowIds } from '../../storage/entry-queries';
import type { Database } from '../../storage/project-db';

export class HoleIndex {
  private readonly rows = new Map<string, number | null>();
  private readonly ids = new Map<number, string | null>();
  private complete = false;

  constructor(private readonly db: Database) {}

  /** Reads every hole once (a paste naming many holes). */
  loadAll(): void {
    if (this.complete) return;
    for (const [holeId, id] of holeRowIds(this.db)) {
      this.rows.set(holeId, id);
      this.ids.set(id, holeId);
    }
    this.complete = true;
  }

  /** The row id of a hole ID, or undefined when no hole has it. */
  rowId(holeId: string): number | undefined {
    let id = this.rows.get(holeId);
    if (id === undefined && !this.complete) {
      id = holeRowId(this.db, holeId) ?? null;
      this.rows.set(holeId, id);
      if (id !== null) this.ids.set(id, holeId);
    }
    return id ?? undefined;
  }

  holeId(rowId: number): string | undefined {
    let holeId = this.ids.get(rowId);
    if (holeId === undefined && !this.complete) {
      holeId = holeIdOfRow(this.db, rowId) ?? null;
      this.ids.set(rowId, holeId);
      if (holeId !== null) this.rows.set(holeId, rowId);
    }
    return holeId ?? undefined;
  }

  /** Records a hole added, or renamed, by the action. */
  set(holeId: string, rowId: number): void {
    const previous = this.ids.get(rowId);
    if (previous) this.rows.set(previous, null);
    this.rows.set(holeId, rowId);
    this.ids.set(rowId, holeId);
  }
}
