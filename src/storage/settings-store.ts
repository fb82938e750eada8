// Named project settings (key/value) beside the fixed settings row: thresholds, defaults, saved choices.
import type { Database } from 'better-sqlite3';

export function getSetting(db: Database, key: string): string | null {
  const value = db.prepare('SELECT value FROM project_settings WHERE key = ?').pluck().get(key) as
    string | undefined;
  return value ?? null;
}

export function setSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO project_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function deleteSetting(db: Database, key: string): void {
  db.prepare('DELETE FROM project_settings WHERE key = ?').run(key);
}

export function getNumberSetting(db: Database, key: string, fallback: number): number {
  const text = getSetting(db, key);
  const value = text === null ? NaN : Number(text);
  return Number.isFinite(value) ? value : fallback;
}
