// What only the desktop app does, through a real host process: `app.*` calls and the Save a Copy and
// Back Up menu items ask the parent for their dialogs and windows and get the answers back; and a host
// that dies mid-paste answers with a message the user can act on, leaves the project whole (each
// change is one transaction) and its lock to be taken over when the project is reopened.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../src/api/types';
import type { DesktopShell } from '../../src/services/desktop/desktop-shell';
import type { HostExit } from '../../src/services/host/host-protocol';
import { readProjectLock } from '../../src/services/system/project-lock';
import { tempDirectory } from '../helpers/project-fixtures';
import { bigPaste, closeHosts, demoCopy, HOLE_VIEW, startHost, value } from './host-fixtures';

const directory = tempDirectory();
afterEach(closeHosts);
afterAll(() => directory.remove());

let folders = 0;
function folder(): string {
  const path = join(directory.path, `p${++folders}`);
  mkdirSync(path);
  return path;
}

/** Stands in for the window's Electron dialogs: answers from a script, records what it was asked. */
function scriptedShell(answers: { save?: string[]; open?: string[][]; folder?: string[]; ask?: number[] }) {
  const asked: string[] = [];
  const shell: DesktopShell = {
    async chooseOpenPaths(options) {
      asked.push(`open: ${options.title}`);
      return answers.open?.shift() ?? [];
    },
    async chooseSavePath(options) {
      asked.push(`save: ${options.title}`);
      return answers.save?.shift() ?? null;
    },
    async chooseFolder(options) {
      asked.push(`folder: ${options.title}`);
      const chosen = answers.folder?.shift();
      if (chosen === 'broken') throw new Error('The dialog could not be shown.');
      return chosen ?? null;
    },
    async ask(options) {
      asked.push(`ask: ${options.message}`);
      return answers.ask?.shift() ?? options.cancelId;
    },
    async openProjectWindow(path) {
      asked.push(`window: ${path}`);
      return { path, alreadyOpen: false };
    },
    showImport(paths) {
      asked.push(`import: ${paths.join(', ')}`);
    },
    revealInFolder(path) {
      asked.push(`reveal: ${path}`);
    },
  };
  return { shell, asked };
}

describe('desktop calls through the host', () => {
  it('round-trip to the parent for dialogs and windows', async () => {
    const here = folder();
    const other = join(here, 'other.drillbench');
    const { shell, asked } = scriptedShell({ folder: ['/exports', 'broken'], open: [[other]] });
    const { client } = await startHost(demoCopy(here), { desktop: shell, request: { desktop: true } });

    expect(value(await client.router.dispatch('app.chooseExportFolder', {}))).toEqual({ path: '/exports' });
    expect(value(await client.router.dispatch('app.openProject', {}))).toEqual({
      path: other,
      alreadyOpen: false,
    });
    expect(
      value(await client.router.dispatch('app.openFiles', { paths: ['/data/assays.csv'] })),
    ).toMatchObject({
      importFiles: ['/data/assays.csv'],
    });
    const broken = await client.router.dispatch('app.chooseExportFolder', {});
    expect(broken.ok).toBe(false);
    expect(JSON.stringify(broken)).toContain('The dialog could not be shown.');
    expect(asked).toEqual([
      'folder: Export the files into this folder',
      'open: Open drillbench project',
      `window: ${other}`,
      'import: /data/assays.csv',
      'folder: Export the files into this folder',
    ]);
  });

  it('run Save a Copy and Back Up Project from the menu with their dialogs', async () => {
    const here = folder();
    const copy = join(here, 'copy.drillbench');
    const backup = join(here, 'backup.drillbench');
    const { shell, asked } = scriptedShell({ save: [copy, backup], ask: [1] });
    const { client } = await startHost(demoCopy(here), { desktop: shell, request: { desktop: true } });
    expect(value(await client.action('saveCopy'))).toMatchObject({ path: copy });
    expect(value(await client.action('backUp'))).toMatchObject({ path: backup });
    expect(existsSync(copy) && existsSync(backup)).toBe(true);
    expect(asked).toEqual([
      'save: Save a copy of the project',
      'save: Back up the project',
      'ask: Backed up to backup.drillbench',
      `reveal: ${backup}`,
    ]);
  });

  it('are refused where the parent lends no dialogs (as in the browser)', async () => {
    const { client } = await startHost(demoCopy(folder()));
    expect(await client.router.dispatch('app.chooseExportFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await client.action('saveCopy')).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('a host that dies', () => {
  it('answers with what happened and what to do, keeps the project whole, and its lock is taken over on reopen', async () => {
    const path = demoCopy(folder());
    const stopped: HostExit[] = [];
    const { client, process: child } = await startHost(path, { onStopped: (exit) => stopped.push(exit) });
    const page = value<Page<{ id: number }>>(await client.router.dispatch('table.page', HOLE_VIEW));
    const rowId = page.rows[0]!.id;
    value(
      await client.router.dispatch('table.edit', {
        table: 'samples',
        edits: [{ rowId, column: 'comments', text: 'confirmed before the crash' }],
      }),
    );
    const pasting = client.router.dispatch('table.paste', bigPaste(page.total));
    // The paste takes over a second; whenever the kill lands, the file must hold all of it or none.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pid = client.hostPid!;
    process.kill(child.pid ?? pid, 'SIGKILL');

    const result = await pasting;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).toMatch(
      /^drillbench's process for this project stopped \(it was ended by SIGKILL\)\. The project file is safe.*Reopen the project to carry on\.$/,
    );
    expect(stopped).toEqual([{ code: null, signal: 'SIGKILL' }]);
    expect((await client.router.dispatch('project.info', {})).ok).toBe(false);
    expect(readProjectLock(path)?.pid).toBe(pid);

    const reopened = await startHost(path);
    expect(readProjectLock(path)?.pid).toBe(reopened.client.hostPid);
    const again = value<Page<{ id: number; comments: string | null }>>(
      await reopened.client.router.dispatch('table.page', HOLE_VIEW),
    );
    expect(again.rows.find((row) => row.id === rowId)?.comments).toBe('confirmed before the crash');
    expect([page.total, page.total + 20_000]).toContain(again.total);
  });
});
