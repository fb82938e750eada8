// Tells whether the project file was written by anything other than the grid's own edits: another
// connection (a job, another window, the CLI) moves PRAGMA data_version; another handler on this
// connection (an import) moves total_changes(). Caches built from the file are dropped when either moves.
// Used by the grid sessions (src/services/grid).
import type { Database, Statement } from 'better-sqlite3';

export class WriteWatch {
  private readonly totalChanges: Statement;
  private readonly dataVersion: Statement;
  private stamp: string;

  constructor(db: Database) {
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.stamp = this.read();
  }

  private read(): string {
    return `${String(this.dataVersion.get())}/${String(this.totalChanges.get())}`;
  }

  /** True, once, when something else wrote since the last look or acknowledged write. */
  changedElsewhere(): boolean {
    const now = this.read();
    if (now === this.stamp) return false;
    this.stamp = now;
    return true;
  }

  /** Records the grid's own write as seen, after its caches were updated to match. */
  acknowledge(): void {
    this.stamp = this.read();
  }
}
