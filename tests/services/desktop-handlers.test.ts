// The desktop app's API calls through the real router: `project.backup` everywhere, `app.*` refused
// clearly without a desktop shell (the browser host) and, with a scripted fake shell standing in for
// Electron's dialogs, doing what the menu items promise.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_FILE_EXTENSION } from '../../src/api/desktop-types';
import type { ApiResult } from '../../src/api/result';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import type { DesktopShell } from '../../src/services/desktop/desktop-shell';
import { PROJECT_EXTENSION } from '../../src/services/system/app-paths';
import { closeProject, openProject } from '../../src/storage/project-db';

let directory: string;
let browser: ApiSession;
let desktop: ApiSession;
const shell = fakeShell();

/** A DesktopShell whose dialogs answer from a script and which records what it was asked. */
function fakeShell() {
  const answers = {
    open: [] as string[][],
    save: [] as (string | null)[],
    folder: [] as (string | null)[],
    ask: [] as number[],
  };
  const log: string[] = [];
  const opened: string[] = [];
  const imports: string[][] = [];
  const shell: DesktopShell = {
    async chooseOpenPaths(options) {
      log.push(`open:${options.title}:${options.filters.map((f) => f.extensions.join('|')).join(',')}`);
      return answers.open.shift() ?? [];
    },
    async chooseSavePath(options) {
      log.push(`save:${options.title}:${options.defaultPath}`);
      return answers.save.shift() ?? null;
    },
    async chooseFolder(options) {
      log.push(`folder:${options.title}`);
      return answers.folder.shift() ?? null;
    },
    async ask(options) {
      log.push(`ask:${options.message}:${options.buttons.join('|')}`);
      return answers.ask.shift() ?? options.cancelId;
    },
    async openProjectWindow(path) {
      opened.push(path);
      return { path, alreadyOpen: false };
    },
    showImport(paths) {
      imports.push(paths);
    },
    revealInFolder(path) {
      log.push(`reveal:${path}`);
    },
  };
  return { shell, answers, log, opened, imports };
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.message}`);
  return result.value as T;
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-desktop-calls-'));
  const path = join(directory, 'camp.drillbench');
  closeProject(writeDemoProject(path, 'tester'));
  browser = openApiSession(openProject(path), 'api', 'tester');
  desktop = openApiSession(openProject(path), 'grid', 'tester', shell.shell);
});

afterAll(async () => {
  await browser.close();
  await desktop.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('project.backup', () => {
  it('works over any transport and writes a timestamped copy beside the project', async () => {
    const backup = value<{ path: string; bytes: number }>(
      await browser.router.dispatch('project.backup', {}),
    );
    expect(backup.path).toMatch(/camp\.backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d+)?\.drillbench$/);
    expect(existsSync(backup.path)).toBe(true);
  });

  it('checks the destination it is given', async () => {
    const relative = await browser.router.dispatch('project.backup', { destination: 'backup.drillbench' });
    expect(relative.ok || relative.error.message).toMatch(/Give the full path of the file/);
    const wrongExtension = await browser.router.dispatch('project.backup', {
      destination: join(directory, 'b.sqlite'),
    });
    expect(wrongExtension.ok || wrongExtension.error.message).toMatch(/ends in \.drillbench/);
    const target = join(directory, 'chosen.drillbench');
    expect(
      value<{ path: string }>(await browser.router.dispatch('project.backup', { destination: target })).path,
    ).toBe(target);
    const again = await browser.router.dispatch('project.backup', { destination: target });
    expect(again.ok || again.error).toMatchObject({ code: 'exists' });
  });
});

describe('app.* calls without the desktop app', () => {
  it('refuse with a message saying they need the desktop app', async () => {
    const calls: [string, unknown][] = [
      ['app.newProject', {}],
      ['app.openProject', {}],
      ['app.openFiles', { paths: [join(directory, 'x.csv')] }],
      ['app.saveCopy', {}],
      ['app.chooseImportFiles', {}],
      ['app.chooseExportFile', { format: 'csv', suggestedName: 'holes' }],
      ['app.chooseExportFolder', {}],
    ];
    for (const [method, input] of calls) {
      const result = await browser.router.dispatch(method, input);
      expect(result.ok, method).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('refused');
      expect(result.error.message).toContain(`${method} needs the drillbench desktop app`);
      expect(result.error.message).toContain('not available in the browser');
    }
  });
});

describe('app.* calls in the desktop app', () => {
  it('open a project chosen in the dialog, or the path given, in its own window', async () => {
    shell.answers.open.push([join(directory, 'other.drillbench')]);
    expect(value(await desktop.router.dispatch('app.openProject', {}))).toEqual({
      path: join(directory, 'other.drillbench'),
      alreadyOpen: false,
    });
    expect(shell.log.at(-1)).toBe('open:Open drillbench project:drillbench');
    expect(value(await desktop.router.dispatch('app.openProject', {}))).toEqual({
      path: null,
      alreadyOpen: false,
    });
    await desktop.router.dispatch('app.openProject', { path: join(directory, 'given.drillbench') });
    expect(shell.opened.slice(-2)).toEqual([
      join(directory, 'other.drillbench'),
      join(directory, 'given.drillbench'),
    ]);
  });

  it('create a new project with the unit asked for, adding the extension, then open it', async () => {
    shell.answers.save.push(join(directory, 'new-camp'));
    shell.answers.ask.push(1);
    const result = value<{ path: string }>(
      await desktop.router.dispatch('app.newProject', { name: 'New camp' }),
    );
    expect(result.path).toBe(join(directory, 'new-camp.drillbench'));
    expect(shell.log.at(-1)).toBe('ask:Depths and coordinates in this project are in::Metres|Feet|Cancel');
    const created = openProject(result.path);
    expect(created.settings).toMatchObject({
      name: 'New camp',
      length_unit: 'ft',
      dip_convention: 'negative-down',
    });
    closeProject(created);
  });

  it('create nothing when the unit question is cancelled, and never replace a file', async () => {
    shell.answers.save.push(join(directory, 'cancelled.drillbench'));
    shell.answers.ask.push(2);
    expect(value(await desktop.router.dispatch('app.newProject', {}))).toEqual({
      path: null,
      alreadyOpen: false,
    });
    expect(existsSync(join(directory, 'cancelled.drillbench'))).toBe(false);
    writeFileSync(join(directory, 'exists.drillbench'), 'x');
    shell.answers.save.push(join(directory, 'exists.drillbench'));
    const refused = await desktop.router.dispatch('app.newProject', { length_unit: 'm' });
    expect(refused.ok || refused.error).toMatchObject({ code: 'exists' });
  });

  it('save a copy under the chosen name and ask before replacing a name the dialog never showed', async () => {
    shell.answers.save.push(join(directory, 'copy.drillbench'));
    const copy = value<{ path: string; bytes: number }>(await desktop.router.dispatch('app.saveCopy', {}));
    expect(copy.path).toBe(join(directory, 'copy.drillbench'));
    expect(shell.log.at(-1)).toBe(
      `save:Save a copy of the project:${join(directory, 'camp copy.drillbench')}`,
    );
    shell.answers.save.push(join(directory, 'copy'));
    shell.answers.ask.push(1);
    expect(value(await desktop.router.dispatch('app.saveCopy', {}))).toEqual({ path: null, bytes: 0 });
    expect(shell.log.at(-1)).toBe('ask:copy.drillbench already exists. Replace it?:Replace|Cancel');
    shell.answers.save.push(join(directory, 'copy'));
    shell.answers.ask.push(0);
    expect(value<{ path: string }>(await desktop.router.dispatch('app.saveCopy', {})).path).toBe(
      join(directory, 'copy.drillbench'),
    );
  });

  it('send dropped data files to import, open dropped projects, and refuse other files with the reason', async () => {
    const result = value<{
      projects: unknown[];
      importFiles: string[];
      refused: { path: string; reason: string }[];
    }>(
      await desktop.router.dispatch('app.openFiles', {
        paths: [
          join(directory, 'collars.csv'),
          join(directory, 'lab.XLSX'),
          join(directory, 'b.drillbench'),
          join(directory, 'photo.jpg'),
        ],
      }),
    );
    expect(result.importFiles).toEqual([join(directory, 'collars.csv'), join(directory, 'lab.XLSX')]);
    expect(shell.imports.at(-1)).toEqual(result.importFiles);
    expect(result.projects).toEqual([{ path: join(directory, 'b.drillbench'), alreadyOpen: false }]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]?.reason).toMatch(/photo\.jpg is neither/);
  });

  it('choose import and export targets, completing the extension', async () => {
    shell.answers.open.push([join(directory, 'a.csv'), join(directory, 'b.tsv')]);
    expect(value(await desktop.router.dispatch('app.chooseImportFiles', {}))).toEqual({
      paths: [join(directory, 'a.csv'), join(directory, 'b.tsv')],
    });
    expect(shell.log.at(-1)).toBe('open:Choose files to import:csv|tsv|txt|xlsx,*');
    shell.answers.save.push(join(directory, 'holes'));
    expect(
      value(
        await desktop.router.dispatch('app.chooseExportFile', { format: 'xlsx', suggestedName: 'holes' }),
      ),
    ).toEqual({
      path: join(directory, 'holes.xlsx'),
    });
    expect(shell.log.at(-1)).toBe('save:Export to:holes.xlsx');
    const badName = await desktop.router.dispatch('app.chooseExportFile', {
      format: 'csv',
      suggestedName: '../up',
    });
    expect(badName.ok || badName.error.message).toMatch(/without folders/);
    shell.answers.folder.push(directory);
    expect(value(await desktop.router.dispatch('app.chooseExportFolder', {}))).toEqual({ path: directory });
  });

  it('check paths before any dialog or window', async () => {
    const before = shell.opened.length;
    for (const paths of [
      [],
      ['relative.drillbench'],
      [`/tmp/a\0b.drillbench`],
      Array.from({ length: 101 }, (_, n) => `/p/${n}.csv`),
    ]) {
      const result = await desktop.router.dispatch('app.openFiles', { paths });
      expect(result.ok).toBe(false);
    }
    expect(shell.opened.length).toBe(before);
  });
});

it('the API and the services agree on the project extension', () => {
  expect(PROJECT_FILE_EXTENSION).toBe(PROJECT_EXTENSION);
});
