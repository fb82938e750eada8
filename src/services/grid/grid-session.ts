// What the server keeps for the grids of one open project: the views' ordered ids, the row counts of
// the status bar, and the watch that drops both when something other than the grid writes the file.
import type { ProjectStatus } from '../../api/entry-types';
import type { Database, Project } from '../../storage/project-db';
import { problemTotals, projectCounts, type ProjectCounts } from '../../storage/project-queries';
import type { WriteTracker } from '../../storage/row-writes';
import { WriteWatch } from '../../storage/write-watch';
import { ViewSnapshots, type Placement } from './view-snapshots';

export class GridSession {
  readonly views = new ViewSnapshots();
  private readonly watch: WriteWatch;
  private counts: ProjectCounts | null = null;
  private problems: { errors: number; warnings: number } | null = null;
  private writes = 0;

  constructor(private readonly db: Database) {
    this.watch = new WriteWatch(db);
  }

  /** Call before reading or writing: drops what another writer made stale. */
  sync(): void {
    if (this.watch.changedElsewhere()) {
      this.views.clear();
      this.counts = null;
      this.problems = null;
      this.writes++;
    }
  }

  /** Moves on every write the session sees, so answers cached from the data can tell they are stale. */
  get generation(): number {
    return this.writes;
  }

  /** Runs a write of something other than data (a grid layout), which leaves the views as they are. */
  settingsWrite<T>(run: () => T): T {
    this.sync();
    const value = run();
    this.watch.acknowledge();
    return value;
  }

  /** Call after the grid's own committed write. */
  afterWrite(tracker: WriteTracker, placement?: Placement): void {
    this.writes++;
    this.views.applyWrites(tracker, placement);
    if (this.counts) {
      const delta = (table: Parameters<typeof tracker.inserted.get>[0]) =>
        (tracker.inserted.get(table) ?? 0) - (tracker.deleted.get(table) ?? 0);
      this.counts = {
        holes: this.counts.holes + delta('holes'),
        surveys: this.counts.surveys + delta('surveys'),
        samples: this.counts.samples + delta('samples'),
        assayResults: this.counts.assayResults + delta('assay_results'),
        lithology: this.counts.lithology + delta('lithology'),
      };
    }
    if (this.problems) {
      this.problems = {
        errors: this.problems.errors + tracker.problemDelta.errors,
        warnings: this.problems.warnings + tracker.problemDelta.warnings,
      };
    }
    this.watch.acknowledge();
  }

  /** Row and problem counts for the status bar, kept up to date from each write rather than recounted. */
  status(): ProjectStatus {
    this.sync();
    this.counts ??= projectCounts(this.db);
    this.problems ??= problemTotals(this.db);
    return { counts: { ...this.counts }, problems: { ...this.problems } };
  }
}

const sessions = new WeakMap<Project, GridSession>();

export function gridSession(project: Project): GridSession {
  let session = sessions.get(project);
  if (!session) {
    session = new GridSession(project.db);
    sessions.set(project, session);
  }
  return session;
}
