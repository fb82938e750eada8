// Files from a command line: the app's own arguments and switches skipped, relative paths resolved in
// the launching folder, file:// URIs from Linux desktop files turned into paths.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../src/main/launch-args';

const cwd = resolve('/home/geo/projects');

describe('filesFromArgv', () => {
  it('skips the executable (packaged) or the executable and app folder (development)', () => {
    expect(
      filesFromArgv(['/opt/drillbench/drillbench', 'camp.drillbench'], { isPackaged: true, cwd }),
    ).toEqual([join(cwd, 'camp.drillbench')]);
    expect(filesFromArgv(['/usr/bin/electron', '.', 'camp.drillbench'], { isPackaged: false, cwd })).toEqual([
      join(cwd, 'camp.drillbench'),
    ]);
    expect(filesFromArgv(['/opt/drillbench/drillbench'], { isPackaged: true, cwd })).toEqual([]);
  });

  it('skips switches (Chromium, macOS -psn_) but not files after --', () => {
    const argv = [
      'app',
      '--no-sandbox',
      '--original-process-start-time=1234',
      '-psn_0_12345',
      'a.drillbench',
      '--',
      '-odd name.csv',
    ];
    expect(filesFromArgv(argv, { isPackaged: true, cwd })).toEqual([
      join(cwd, 'a.drillbench'),
      join(cwd, '-odd name.csv'),
    ]);
  });

  it('keeps absolute paths and resolves relative ones in the launching folder', () => {
    const absolute = resolve('/data/camp.drillbench');
    expect(filesFromArgv(['app', absolute, '../lab/assays.csv'], { isPackaged: true, cwd })).toEqual([
      absolute,
      resolve(cwd, '../lab/assays.csv'),
    ]);
  });

  it('turns file:// URIs into paths and ignores other URLs', () => {
    const path = resolve('/data/My Camp/camp.drillbench');
    expect(
      filesFromArgv(['app', pathToFileURL(path).href, 'https://example.com/x.csv', '  '], {
        isPackaged: true,
        cwd,
      }),
    ).toEqual([path]);
  });
});
