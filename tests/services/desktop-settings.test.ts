// The desktop settings file: defaults when missing, every valid part kept from a damaged or hand-edited
// file (which is set aside), atomic writes, and bounded recent-project and window lists.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DesktopSettingsStore,
  loadDesktopSettings,
  MAX_RECENT_PROJECTS,
  salvageSettings,
  saveDesktopSettings,
  SETTINGS_FILE,
  withRecentProject,
  withWindowBounds,
  withoutRecentProject,
  defaultDesktopSettings,
} from '../../src/services/system/desktop-settings';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-settings-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const bounds = { x: 10, y: 20, width: 1200, height: 800, maximized: false, fullScreen: false };

describe('loading', () => {
  it('gives the defaults when there is no file', () => {
    expect(loadDesktopSettings(directory)).toEqual({ settings: defaultDesktopSettings(), problem: null });
  });

  it('reads back what was saved', () => {
    const settings = withWindowBounds(
      withRecentProject(defaultDesktopSettings(), '/p/a.drillbench'),
      '/p/a.drillbench',
      bounds,
    );
    saveDesktopSettings(directory, settings);
    expect(loadDesktopSettings(directory)).toEqual({ settings, problem: null });
    expect(readdirSync(directory)).toEqual([SETTINGS_FILE]);
  });

  it('sets a file that is not JSON aside and starts from the defaults', () => {
    writeFileSync(join(directory, SETTINGS_FILE), '{"recentProjects": ["/p/a.drill');
    const loaded = loadDesktopSettings(directory);
    expect(loaded.settings).toEqual(defaultDesktopSettings());
    expect(loaded.problem).toMatch(/not readable JSON/);
    expect(existsSync(join(directory, `${SETTINGS_FILE}.damaged`))).toBe(true);
    expect(existsSync(join(directory, SETTINGS_FILE))).toBe(false);
  });

  it('keeps every valid part of a hand-edited file and drops the rest', () => {
    const loaded = salvageSettings({
      version: 1,
      recentProjects: ['/p/a.drillbench', 42, '', '/p/b.drillbench', '/p/a.drillbench'],
      windows: {
        '/p/a.drillbench': bounds,
        '/p/b.drillbench': { x: 'left', y: 0, width: 10, height: 10 },
        '/p/c.drillbench': { x: 0, y: 0, width: 5, height: 900 },
        '/p/d.drillbench': { x: 0, y: 0, width: 900, height: 700 },
      },
      lastWindow: { x: 1e9, y: 0, width: 900, height: 700 },
    });
    expect(loaded.settings.recentProjects).toEqual(['/p/a.drillbench', '/p/b.drillbench']);
    expect(Object.keys(loaded.settings.windows)).toEqual(['/p/a.drillbench', '/p/d.drillbench']);
    expect(loaded.settings.windows['/p/d.drillbench']).toEqual({
      x: 0,
      y: 0,
      width: 900,
      height: 700,
      maximized: false,
      fullScreen: false,
    });
    expect(loaded.settings.lastWindow).toBeNull();
    expect(loaded.problem).toMatch(/recent project entry is not a path/);
    expect(loaded.problem).toMatch(/the window of \/p\/b\.drillbench has bad bounds/);
    expect(loaded.problem).toMatch(/lastWindow has bad bounds/);
  });

  it('refuses values of the wrong shape altogether', () => {
    for (const value of [null, [], 'text', 3]) {
      expect(salvageSettings(value).settings).toEqual(defaultDesktopSettings());
      expect(salvageSettings(value).problem).not.toBeNull();
    }
    expect(salvageSettings({ recentProjects: 'a', windows: [] }).problem).toMatch(
      /recentProjects is not a list; windows is not an object/,
    );
  });
});

describe('changes', () => {
  it('keeps the recent list newest first, without repeats, and bounded', () => {
    let settings = defaultDesktopSettings();
    for (let n = 0; n < MAX_RECENT_PROJECTS + 5; n++)
      settings = withRecentProject(settings, `/p/${n}.drillbench`);
    settings = withRecentProject(settings, '/p/8.drillbench');
    expect(settings.recentProjects).toHaveLength(MAX_RECENT_PROJECTS);
    expect(settings.recentProjects[0]).toBe('/p/8.drillbench');
    expect(settings.recentProjects.filter((p) => p === '/p/8.drillbench')).toHaveLength(1);
    expect(withoutRecentProject(settings, '/p/8.drillbench').recentProjects).not.toContain('/p/8.drillbench');
  });

  it('remembers window bounds per project, newest first, bounded, and as the last window', () => {
    let settings = defaultDesktopSettings();
    for (let n = 0; n < 60; n++)
      settings = withWindowBounds(settings, `/p/${n}.drillbench`, { ...bounds, x: n });
    expect(Object.keys(settings.windows)).toHaveLength(50);
    expect(Object.keys(settings.windows)[0]).toBe('/p/59.drillbench');
    expect(settings.windows['/p/5.drillbench']).toBeUndefined();
    expect(settings.lastWindow?.x).toBe(59);
  });

  it('writes every change through the store, and survives a folder it cannot write', () => {
    const store = new DesktopSettingsStore(directory);
    store.update((s) => withRecentProject(s, '/p/a.drillbench'));
    expect(JSON.parse(readFileSync(store.path, 'utf8')).recentProjects).toEqual(['/p/a.drillbench']);
    const errors: Error[] = [];
    writeFileSync(join(directory, 'blocked'), 'a file where a folder should be');
    const blocked = new DesktopSettingsStore(join(directory, 'blocked'), (error) => errors.push(error));
    blocked.update((s) => withRecentProject(s, '/p/b.drillbench'));
    expect(blocked.settings.recentProjects).toEqual(['/p/b.drillbench']);
    expect(errors).toHaveLength(1);
  });
});
