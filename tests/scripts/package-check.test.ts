// What the package check demands of the unpacked app (the project host in it, and a main bundle that
// does not load SQLite), its conversation with a project host, and the icon containers the build writes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icnsFromPngs, icoFromPngs } from '../../scripts/build-icons.mjs';
import { hostSmokeTest, packageProblems, staticPackageImports } from '../../scripts/package-check.mjs';
import { lockPathFor } from '../../src/services/system/project-lock';
import { closeProject } from '../../src/storage/project-db';
import { demoProject, tempDirectory } from '../helpers/project-fixtures';

const complete = {
  asarEntries: [
    '/package.json',
    '/out/main/index.js',
    '/out/main/cli.js',
    '/out/main/project-host.js',
    '/out/main/job-worker.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
    '/out/renderer/assets/index-abc.js',
    '/node_modules/better-sqlite3/lib/index.js',
    '/node_modules/better-sqlite3/package.json',
    '/node_modules/zod/package.json',
    '/node_modules/zod/index.js',
    '/node_modules/exceljs/package.json',
    '/node_modules/exceljs/lib/exceljs.nodejs.js',
    '/node_modules/@resvg/resvg-js/package.json',
    '/node_modules/yazl/package.json',
    '/node_modules/yazl/index.js',
    '/migrations/0010_project.sql',
    '/migrations/0020_holes.sql',
  ],
  unpackedFiles: [
    '/r/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    '/r/app.asar.unpacked/node_modules/@resvg/resvg-js-linux-x64-gnu/resvgjs.linux-x64-gnu.node',
  ],
  migrations: ['0010_project.sql', '0020_holes.sql'],
  docs: ['desktop-app.md'],
  main: 'out/main/index.js',
  executable: true,
  mainImports: ['electron', 'node:fs', 'zod'],
};

describe('packageProblems', () => {
  it('accepts a complete package', () => {
    expect(packageProblems(complete)).toEqual([]);
  });

  it('names each missing part', () => {
    const problems = packageProblems({
      ...complete,
      asarEntries: complete.asarEntries.filter((entry) => !/preload|project-host|0020|assets/.test(entry)),
      unpackedFiles: [],
      docs: [],
      main: 'index.js',
      executable: false,
    });
    expect(problems).toEqual([
      'the asar lacks out/main/project-host.js',
      'the asar lacks out/preload/index.cjs',
      'the asar lacks migrations/0020_holes.sql',
      'the asar holds no renderer script (out/renderer/assets/*.js)',
      'package.json "main" is index.js, not out/main/index.js',
      "better-sqlite3's better_sqlite3.node is not unpacked beside the asar (asarUnpack)",
      "resvg's native module (@resvg/resvg-js-<platform>) is not unpacked beside the asar",
      'resources/docs/desktop-app.md is missing',
      'the app executable (drillbench) is missing',
    ]);
  });

  it('refuses development files and source maps in the asar', () => {
    const problems = packageProblems({
      ...complete,
      asarEntries: [...complete.asarEntries, '/src/main/index.ts', '/out/main/index.js.map'],
    });
    expect(problems).toEqual([
      'the asar holds development files (src/main/index.ts)',
      'the asar holds a source map (out/main/index.js.map)',
    ]);
  });
});

describe('the main bundle', () => {
  it('may not load SQLite: projects live in the project host', () => {
    expect(packageProblems({ ...complete, mainImports: ['better-sqlite3', 'electron'] })).toEqual([
      'the main bundle (out/main/index.js) loads better-sqlite3: the main process must leave projects to the project host',
    ]);
  });

  it('is followed through its chunks to the packages they load', () => {
    const files: Record<string, string> = {
      'out/main/index.js': [
        'import { a as b } from "./chunks/one.js";',
        'import { app } from "electron";',
        'export const text = "not/an/import.js";',
        'const later = () => import("./chunks/lazy.js");',
      ].join('\n'),
      'out/main/chunks/one.js':
        'import "./two.js";\nexport { c } from "node:fs";\nimport {\n  x,\n  y\n} from "zod";',
      'out/main/chunks/two.js': 'import Database from "better-sqlite3";',
      'out/main/chunks/lazy.js': 'import "exceljs";',
    };
    expect(staticPackageImports('out/main/index.js', (file) => files[file] ?? null)).toEqual([
      'better-sqlite3',
      'electron',
      'node:fs',
      'zod',
    ]);
  });
});

describe('the project host check', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it('opens a project in a host, calls it, runs a job and closes it (here on the source host)', async () => {
    const project = demoProject(directory.path);
    closeProject(project);
    const script = join(import.meta.dirname, '../../src/services/host/project-host-dev.mjs');
    expect(await hostSmokeTest(script, project.path)).toEqual([]);
    expect(existsSync(lockPathFor(project.path))).toBe(false);
  });

  it('says so when the host does not start', async () => {
    const problems = await hostSmokeTest(
      join(directory.path, 'missing-host.js'),
      join(directory.path, 'x.drillbench'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the packaged project host ended \(exit 1\)/);
  });
});

describe('icon containers', () => {
  const png = (bytes: number) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(bytes - 4, 7)]);

  it('writes an ICO directory pointing at each PNG, 256 px stored as 0', () => {
    const ico = icoFromPngs([
      { size: 16, png: png(10) },
      { size: 256, png: png(20) },
    ]);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect([ico.readUInt8(6), ico.readUInt32LE(6 + 8), ico.readUInt32LE(6 + 12)]).toEqual([16, 10, 38]);
    expect([ico.readUInt8(22), ico.readUInt32LE(22 + 8), ico.readUInt32LE(22 + 12)]).toEqual([0, 20, 48]);
    expect(ico.subarray(38, 42)).toEqual(png(10).subarray(0, 4));
    expect(ico.length).toBe(68);
  });

  it('writes ICNS chunks with their lengths and the total in the header', () => {
    const icns = icnsFromPngs([
      { type: 'ic07', png: png(12) },
      { type: 'ic10', png: png(30) },
    ]);
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.subarray(8, 12).toString('latin1')).toBe('ic07');
    expect(icns.readUInt32BE(12)).toBe(20);
    expect(icns.subarray(28, 32).toString('latin1')).toBe('ic10');
  });

  it('are what build/ holds: PNG images in both', () => {
    const ico = readFileSync(join(import.meta.dirname, '../../build/icon.ico'));
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(6);
    const firstOffset = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(firstOffset, firstOffset + 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const icns = readFileSync(join(import.meta.dirname, '../../build/icon.icns'));
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.toString('latin1')).toContain('ic10');
  });
});
