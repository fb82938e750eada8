// Saved calculation parameters, stored as JSON by kind and name.
import type { Database } from 'better-sqlite3';

export type PresetKind = 'intercepts' | 'composites';

export interface StoredPreset {
  id: number;
  kind: PresetKind;
  name: string;
  description: string | null;
  params: unknown;
  created_at: string;
}

export function savePreset(
  db: Database,
  kind: PresetKind,
  name: string,
  description: string | null,
  params: unknown,
): number {
  const result = db
    .prepare(
      `INSERT INTO presets (kind, name, description, params, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, name) DO UPDATE SET description = excluded.description, params = excluded.params
       RETURNING id`,
    )
    .get(kind, name, description, JSON.stringify(params), new Date().toISOString()) as { id: number };
  return result.id;
}

export function listPresets(db: Database, kind: PresetKind): StoredPreset[] {
  const rows = db
    .prepare(
      'SELECT id, kind, name, description, params, created_at FROM presets WHERE kind = ? ORDER BY name',
    )
    .all(kind) as (Omit<StoredPreset, 'params'> & { params: string })[];
  return rows.map((row) => ({ ...row, params: JSON.parse(row.params) as unknown }));
}

export function findPreset(db: Database, kind: PresetKind, name: string): StoredPreset | undefined {
  return listPresets(db, kind).find((preset) => preset.name === name);
}

export function deletePreset(db: Database, kind: PresetKind, name: string): boolean {
  return db.prepare('DELETE FROM presets WHERE kind = ? AND name = ?').run(kind, name).changes > 0;
}
