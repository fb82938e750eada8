// `npm start`'s decisions: whether Electron's binary is in place, what to do in which order, where the
// Electron build of better-sqlite3 is cached, and what to tell the user when a download or launch fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeDownloadFailure,
  electronExecutable,
  electronInstallState,
  launchFailureAdvice,
  packageBin,
  planStart,
  sqliteBindingPath,
  WEB_FALLBACK,
} from '../../scripts/start-electron.mjs';

let electronDir: string;
beforeEach(() => {
  electronDir = mkdtempSync(join(tmpdir(), 'drillbench-electron-pkg-'));
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
});
afterEach(() => rmSync(electronDir, { recursive: true, force: true }));

function install(version: string, platform: string, withExecutable = true): void {
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(electronDir, 'dist', 'version'), version);
  writeFileSync(join(electronDir, 'path.txt'), electronExecutable(platform));
  if (withExecutable) {
    const executable = join(electronDir, 'dist', electronExecutable(platform));
    mkdirSync(join(executable, '..'), { recursive: true });
    writeFileSync(executable, '');
  }
}

describe('electronInstallState', () => {
  it('reports a package whose binary was never downloaded (npm install skips it)', () => {
    expect(electronInstallState(electronDir, 'linux')).toEqual({
      installed: false,
      reason: 'Electron 41.7.1 has not been downloaded yet',
    });
  });

  it('reports a binary of another version, or a missing executable', () => {
    install('v40.1.0', 'linux');
    expect(electronInstallState(electronDir, 'linux')).toEqual({
      installed: false,
      reason: 'the downloaded Electron is v40.1.0, not 41.7.1',
    });
    rmSync(join(electronDir, 'dist'), { recursive: true });
    install('v41.7.1', 'linux', false);
    expect(electronInstallState(electronDir, 'linux')).toMatchObject({
      installed: false,
      reason: expect.stringMatching(/dist.electron is missing$/),
    });
  });

  it('finds the executable each platform uses', () => {
    for (const [platform, executable] of [
      ['linux', 'electron'],
      ['win32', 'electron.exe'],
      ['darwin', join('Electron.app', 'Contents', 'MacOS', 'Electron')],
    ] as const) {
      rmSync(join(electronDir, 'dist'), { recursive: true, force: true });
      install('v41.7.1', platform);
      expect(electronInstallState(electronDir, platform)).toEqual({
        installed: true,
        executable: join(electronDir, 'dist', executable),
      });
    }
  });
});

describe('planStart', () => {
  it('downloads Electron only when missing, builds unless told not to, fetches SQLite once, then launches', () => {
    expect(planStart({ electronInstalled: false, bindingCached: false, build: true })).toEqual([
      'download-electron',
      'build',
      'fetch-sqlite',
      'launch',
    ]);
    expect(planStart({ electronInstalled: true, bindingCached: true, build: true })).toEqual([
      'build',
      'launch',
    ]);
    expect(planStart({ electronInstalled: true, bindingCached: true, build: false })).toEqual(['launch']);
    expect(planStart({ electronInstalled: true, bindingCached: false, build: false })).toEqual([
      'fetch-sqlite',
      'launch',
    ]);
  });
});

describe('describeDownloadFailure', () => {
  it('says why in words a user can act on', () => {
    const cases: [string, RegExp][] = [
      ['RequestError: getaddrinfo ENOTFOUND github.com', /could not look up the download server/],
      ['Error: connect ETIMEDOUT 140.82.112.3:443', /could not be reached .*HTTPS_PROXY/],
      ['HTTPError: Response code 407 (Proxy Authentication Required)', /proxy asked for a password/],
      ['HTTPError: Response code 403 (Forbidden)', /refused the request/],
      ['HTTPError: Response code 404 (Not Found)', /no build for this platform/],
      [
        'Error: Generated checksum for "electron-v41.7.1-linux-x64.zip" did not match expected checksum.',
        /did not match its checksum/,
      ],
      ['Error: EACCES: permission denied, mkdir', /could not be written/],
      ['\n  Something odd happened\nmore', /^it failed: Something odd happened$/],
      ['', /without saying why/],
    ];
    for (const [output, expected] of cases) expect(describeDownloadFailure(output), output).toMatch(expected);
  });

  it('always ends with the browser fallback', () => {
    expect(WEB_FALLBACK).toContain('npm run web');
  });
});

describe('launchFailureAdvice', () => {
  it('explains the Linux sandbox helper, a wrong native module and a missing display', () => {
    expect(
      launchFailureAdvice(
        'FATAL: The SUID sandbox helper binary was found, but is not configured correctly.',
      ),
    ).toMatch(/chmod 4755 node_modules\/electron\/dist\/chrome-sandbox/);
    expect(
      launchFailureAdvice('was compiled against a different Node.js version using NODE_MODULE_VERSION 115'),
    ).toMatch(/Delete node_modules\/.cache\/drillbench/);
    expect(launchFailureAdvice('Missing X server or $DISPLAY')).toMatch(/npm run web/);
    expect(launchFailureAdvice('some other crash')).toBeNull();
  });
});

describe('paths', () => {
  it('caches the Electron build of better-sqlite3 per versions and platform', () => {
    expect(
      sqliteBindingPath({
        cacheDir: '/c',
        sqliteVersion: '12.11.1',
        electronVersion: '41.7.1',
        platform: 'linux',
        arch: 'x64',
      }),
    ).toBe(join('/c', 'better-sqlite3-12.11.1-electron-41.7.1-linux-x64', 'better_sqlite3.node'));
  });

  it("finds a package's command through its manifest", () => {
    expect(packageBin('electron-vite', 'electron-vite')).toMatch(
      /electron-vite[\\/]bin[\\/]electron-vite\.js$/,
    );
    expect(() => packageBin('electron-vite', 'nope')).toThrow(/has no nope command/);
  });
});
