// DRILLBENCH_SQLITE_BINDING picks the compiled better-sqlite3 every project connection loads (npm start
// points it at an Electron build); without it the package's own build is used.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, closeProject, openProject } from '../../src/storage/project-db';
import { SQLITE_BINDING_ENV, sqliteBindingOptions } from '../../src/storage/sqlite-binding';

const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
const nodeBuild = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
const settings = { name: 'b', length_unit: 'm', dip_convention: 'negative-down' } as const;

afterEach(() => {
  delete process.env[SQLITE_BINDING_ENV];
});

describe('sqliteBindingOptions', () => {
  it('names the binding only when the variable is set', () => {
    expect(sqliteBindingOptions({})).toEqual({});
    expect(sqliteBindingOptions({ [SQLITE_BINDING_ENV]: '' })).toEqual({});
    expect(sqliteBindingOptions({ [SQLITE_BINDING_ENV]: '/cache/better_sqlite3.node' })).toEqual({
      nativeBinding: '/cache/better_sqlite3.node',
    });
  });

  it('is what project connections load', () => {
    const directory = mkdtempSync(join(tmpdir(), 'drillbench-binding-'));
    try {
      process.env[SQLITE_BINDING_ENV] = nodeBuild;
      const created = createProject(join(directory, 'a.drillbench'), settings, 'tester');
      closeProject(created);
      closeProject(openProject(join(directory, 'a.drillbench')));
      process.env[SQLITE_BINDING_ENV] = join(directory, 'missing', 'better_sqlite3.node');
      expect(() => openProject(join(directory, 'a.drillbench'))).toThrow(/Cannot find module|missing/);
      expect(() => createProject(join(directory, 'b.drillbench'), settings, 'tester')).toThrow(
        /Cannot find module|missing/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
