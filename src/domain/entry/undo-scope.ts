// Undo and redo are per view: Ctrl+Z in a grid takes back the newest change to that grid's table, not
// whatever was changed last somewhere else in the project. A scope names the view and the audited tables
// whose changes belong to it.
import { DATA_TABLES, type DataTable } from '../model';

export const UNDO_SCOPES = [...DATA_TABLES, 'lookups'] as const;
export type UndoScope = DataTable | 'lookups';

/** The audit log's table names whose changes a scope's undo takes back. */
export const UNDO_SCOPE_TABLES: Record<UndoScope, readonly string[]> = {
  holes: ['holes'],
  surveys: ['surveys'],
  samples: ['samples', 'assay_results'],
  lithology: ['lithology'],
  lookups: ['lookup_codes'],
};

/** The view's name as the sidebar shows it. */
export const UNDO_SCOPE_LABELS: Record<UndoScope, string> = {
  holes: 'Holes',
  surveys: 'Surveys',
  samples: 'Samples and assays',
  lithology: 'Lithology',
  lookups: 'Lookup lists',
};
