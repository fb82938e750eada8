// Remembered import mappings, one per file layout (header row). Written inside the import's transaction
// and audited in its change set; read by the wizard when the same layout comes back.
import type { Database } from 'better-sqlite3';

export interface StoredMapping {
  id: number;
  headerSignature: string;
  kind: string;
  /** JSON-ready mapping overrides (columns, analytes, ignore). */
  mapping: unknown;
  /** JSON-ready import options (units, dip convention, codes, dialect, sheet). */
  options: unknown;
  savedAt: string;
  savedBy: string;
  uses: number;
}

interface MappingRow {
  id: number;
  header_signature: string;
  kind: string;
  mapping: string;
  options: string;
  saved_at: string;
  saved_by: string;
  uses: number;
}

function fromRow(row: MappingRow): StoredMapping {
  return {
    id: row.id,
    headerSignature: row.header_signature,
    kind: row.kind,
    mapping: JSON.parse(row.mapping) as unknown,
    options: JSON.parse(row.options) as unknown,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    uses: row.uses,
  };
}

export function findMapping(db: Database, headerSignature: string): StoredMapping | null {
  const row = db.prepare('SELECT * FROM import_mappings WHERE header_signature = ?').get(headerSignature) as
    MappingRow | undefined;
  return row ? fromRow(row) : null;
}

export function listMappings(db: Database): StoredMapping[] {
  return (db.prepare('SELECT * FROM import_mappings ORDER BY saved_at DESC').all() as MappingRow[]).map(
    fromRow,
  );
}

/** Inserts or replaces the mapping of a layout; returns the row before and after, for the audit log. */
export function saveMapping(
  db: Database,
  entry: { headerSignature: string; kind: string; mapping: unknown; options: unknown; savedBy: string },
): { before: StoredMapping | null; after: StoredMapping } {
  const before = findMapping(db, entry.headerSignature);
  const now = new Date().toISOString();
  if (before) {
    db.prepare(
      'UPDATE import_mappings SET kind = ?, mapping = ?, options = ?, saved_at = ?, saved_by = ?, uses = uses + 1 WHERE id = ?',
    ).run(
      entry.kind,
      JSON.stringify(entry.mapping),
      JSON.stringify(entry.options),
      now,
      entry.savedBy,
      before.id,
    );
  } else {
    db.prepare(
      'INSERT INTO import_mappings (header_signature, kind, mapping, options, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      entry.headerSignature,
      entry.kind,
      JSON.stringify(entry.mapping),
      JSON.stringify(entry.options),
      now,
      entry.savedBy,
    );
  }
  return { before, after: findMapping(db, entry.headerSignature)! };
}
