// A crash in the middle of a large import (the process killed while it writes) leaves the project as it
// was: the write is one transaction in WAL mode, so the next open ignores the unfinished frames.
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../src/storage/project-db';
import { count, fingerprint, newProject, tempDirectory } from '../helpers/project-fixtures';

const root = join(import.meta.dirname, '../..');

describe('a crash during an import', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it('leaves the project intact and openable', async () => {
    const csv = join(directory.path, 'assays.csv');
    const lines = ['hole_id,from,to,sample_id,Cu_pct,Au_ppm'];
    for (let i = 0; i < 400_000; i++) {
      const hole = `C${String(Math.floor(i / 200)).padStart(5, '0')}`;
      lines.push(
        `${hole},${i % 200},${(i % 200) + 1},S${i},${(i % 97) / 10},${i % 7 === 0 ? '<0.005' : '0.12'}`,
      );
    }
    writeFileSync(csv, lines.join('\n'));
    const project = newProject(directory.path, 'crash');
    const before = fingerprint(project.db);
    const path = project.path;
    closeProject(project);

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { runCli } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
         await runCli(['import', ${JSON.stringify(path)}, '--assays', ${JSON.stringify(csv)}], { out() {}, err() {} });`,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    // Kill it once the write-ahead log shows the import is well under way.
    const wal = `${path}-wal`;
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        let size = 0;
        try {
          size = statSync(wal).size;
        } catch {
          // Not there yet.
        }
        if (size > 8 * 1024 * 1024) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() - started > 90_000) {
          clearInterval(timer);
          child.kill('SIGKILL');
          reject(new Error('The import never got going.'));
        }
      }, 20);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');

    const reopened = openProject(path);
    try {
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(reopened.db, 'samples')).toBe(0);
      expect(fingerprint(reopened.db)).toBe(before);
    } finally {
      closeProject(reopened);
    }
  });
});
