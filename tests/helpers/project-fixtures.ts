// Projects for tests: fresh empty ones and copies of the demo, in temporary folders, plus a fingerprint
// of a project's whole content to prove an operation wrote nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DipConvention, LengthUnit } from '../../src/domain/model';
import { closeProject, createProject, openProject, type Project } from '../../src/storage/project-db';
import { writeDemoProject } from '../../src/services/demo/demo-writer';

export function tempDirectory(prefix = 'drillbench-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function newProject(
  directory: string,
  name = 'test',
  lengthUnit: LengthUnit = 'm',
  dipConvention: DipConvention = 'negative-down',
): Project {
  return createProject(
    join(directory, `${name}.drillbench`),
    { name, length_unit: lengthUnit, dip_convention: dipConvention },
    'tester',
  );
}

let demoTemplate: string | null = null;

/** A fresh copy of the demo project (generated once per test file). */
export function demoProject(directory: string, name = 'demo'): Project {
  if (!demoTemplate || !existsSync(demoTemplate)) {
    const templateDir = mkdtempSync(join(tmpdir(), 'drillbench-demo-template-'));
    demoTemplate = join(templateDir, 'demo.drillbench');
    const project = writeDemoProject(demoTemplate, 'tester');
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    closeProject(project);
  }
  const path = join(directory, `${name}.drillbench`);
  copyFileSync(demoTemplate, path);
  return openProject(path);
}

/**
 * A hash of every row of every table (and the schema), independent of page layout and the WAL; with
 * `only`, of those tables' rows alone (to compare two imports whose change log times differ).
 */
export function fingerprint(db: Database, only?: readonly string[]): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  for (const table of tables) {
    if (only && !only.includes(table.name)) continue;
    hash.update(`${table.name}\u0000${table.sql ?? ''}\u0000`);
    if (!table.sql?.startsWith('CREATE TABLE')) continue;
    for (const row of db.prepare(`SELECT * FROM "${table.name}" ORDER BY 1, 2`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

export function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
