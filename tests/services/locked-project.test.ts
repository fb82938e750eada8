// Opening a project under its lock: a second opener is refused before the file is touched, a failed
// open gives the lock back, and closing releases it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { openLockedProject, openLockedProjectOrDemo } from '../../src/services/system/locked-project';
import { lockPathFor, ProjectInUseError } from '../../src/services/system/project-lock';
import { closeProject } from '../../src/storage/project-db';

let directory: string;
let path: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-locked-'));
  path = join(directory, 'camp.drillbench');
  closeProject(writeDemoProject(path, 'tester'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('openLockedProject', () => {
  it('holds the lock while open and refuses a second opener', () => {
    const first = openLockedProject(path, { purpose: 'desktop' });
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(first.project.settings.name).toBeTruthy();
    const other = {
      pid: process.pid + 1,
      host: first.lock.holder.host,
      user: 'x',
      now: () => new Date(),
      isAlive: () => true,
    };
    expect(() => openLockedProject(path, { purpose: 'web', env: other })).toThrow(ProjectInUseError);
    first.close();
    expect(first.project.db.open).toBe(false);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('gives the lock back when the file cannot be opened', () => {
    const junk = join(directory, 'junk.drillbench');
    writeFileSync(junk, 'this is not a database at all, just text');
    expect(() => openLockedProject(junk, { purpose: 'desktop' })).toThrow(/not a drillbench project/);
    expect(existsSync(lockPathFor(junk))).toBe(false);
    expect(() => openLockedProject(join(directory, 'missing.drillbench'), { purpose: 'desktop' })).toThrow(
      /does not exist/,
    );
    expect(existsSync(lockPathFor(join(directory, 'missing.drillbench')))).toBe(false);
  });

  it('opens the demo under its lock when no project is given', () => {
    const previous = process.env.DRILLBENCH_DATA_DIR;
    process.env.DRILLBENCH_DATA_DIR = join(directory, 'data');
    try {
      const logs: string[] = [];
      const demo = openLockedProjectOrDemo(undefined, { purpose: 'desktop', log: (text) => logs.push(text) });
      expect(logs[0]).toMatch(/Writing the demo project/);
      expect(existsSync(demo.lock.lockPath)).toBe(true);
      demo.close();
      expect(existsSync(demo.lock.lockPath)).toBe(false);
      const again = openLockedProjectOrDemo(undefined, {
        purpose: 'desktop',
        log: (text) => logs.push(text),
      });
      expect(logs).toHaveLength(1);
      again.close();
    } finally {
      if (previous === undefined) delete process.env.DRILLBENCH_DATA_DIR;
      else process.env.DRILLBENCH_DATA_DIR = previous;
    }
  });
});
