// The desktop app's own small settings file (recent projects, where each project's window was): read
// with a schema, tolerant of a damaged or hand-edited file (what is valid is kept, the rest dropped and
// the damaged file set aside), and written atomically so a crash never leaves half a file.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE = 'drillbench-settings.json';
export const MAX_RECENT_PROJECTS = 12;
/** Window positions are kept for this many projects (the most recently used). */
const MAX_REMEMBERED_WINDOWS = 50;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(100).max(100_000);

export const windowBoundsSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});

export type WindowBounds = z.output<typeof windowBoundsSchema>;

export interface DesktopSettings {
  version: 1;
  /** Most recent first; canonical project paths. */
  recentProjects: string[];
  /** Last window bounds per canonical project path. */
  windows: Record<string, WindowBounds>;
  /** Bounds of the last window closed, for a project opened for the first time. */
  lastWindow: WindowBounds | null;
}

export function defaultDesktopSettings(): DesktopSettings {
  return { version: 1, recentProjects: [], windows: {}, lastWindow: null };
}

export interface LoadedSettings {
  settings: DesktopSettings;
  /** Set when the file was damaged: what was wrong, for the log. */
  problem: string | null;
}

/** Keeps every valid part of whatever was in the file; nothing invalid survives. */
export function salvageSettings(value: unknown): LoadedSettings {
  const settings = defaultDesktopSettings();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { settings, problem: 'the file does not hold a JSON object' };
  }
  const problems: string[] = [];
  const record = value as Record<string, unknown>;
  if (record.version !== undefined && record.version !== 1)
    problems.push(`unknown version ${String(record.version)}`);
  if (Array.isArray(record.recentProjects)) {
    for (const entry of record.recentProjects) {
      if (typeof entry === 'string' && entry.length > 0 && entry.length < 4096) {
        if (!settings.recentProjects.includes(entry)) settings.recentProjects.push(entry);
      } else problems.push('a recent project entry is not a path');
    }
    settings.recentProjects = settings.recentProjects.slice(0, MAX_RECENT_PROJECTS);
  } else if (record.recentProjects !== undefined) problems.push('recentProjects is not a list');
  if (typeof record.windows === 'object' && record.windows !== null && !Array.isArray(record.windows)) {
    for (const [path, bounds] of Object.entries(record.windows as Record<string, unknown>)) {
      const parsed = windowBoundsSchema.safeParse(bounds);
      if (parsed.success) settings.windows[path] = parsed.data;
      else problems.push(`the window of ${path} has bad bounds`);
    }
  } else if (record.windows !== undefined) problems.push('windows is not an object');
  if (record.lastWindow !== undefined && record.lastWindow !== null) {
    const parsed = windowBoundsSchema.safeParse(record.lastWindow);
    if (parsed.success) settings.lastWindow = parsed.data;
    else problems.push('lastWindow has bad bounds');
  }
  return { settings, problem: problems.length > 0 ? problems.join('; ') : null };
}

/** Reads the settings file; a missing file gives the defaults, a damaged one is set aside as `.damaged`. */
export function loadDesktopSettings(directory: string): LoadedSettings {
  const path = join(directory, SETTINGS_FILE);
  if (!existsSync(path)) return { settings: defaultDesktopSettings(), problem: null };
  let loaded: LoadedSettings;
  try {
    loaded = salvageSettings(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    loaded = {
      settings: defaultDesktopSettings(),
      problem: `not readable JSON (${(error as Error).message})`,
    };
  }
  if (loaded.problem) {
    try {
      renameSync(path, `${path}.damaged`);
    } catch {
      // Keeping a copy for inspection is a courtesy; the defaults work without it.
    }
  }
  return loaded;
}

/** Writes the settings atomically: a temporary file renamed over the old one. */
export function saveDesktopSettings(directory: string, settings: DesktopSettings): void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, SETTINGS_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Moves a project to the top of the recent list. */
export function withRecentProject(settings: DesktopSettings, projectPath: string): DesktopSettings {
  const recentProjects = [projectPath, ...settings.recentProjects.filter((p) => p !== projectPath)].slice(
    0,
    MAX_RECENT_PROJECTS,
  );
  return { ...settings, recentProjects };
}

export function withoutRecentProject(settings: DesktopSettings, projectPath: string): DesktopSettings {
  return { ...settings, recentProjects: settings.recentProjects.filter((p) => p !== projectPath) };
}

/** Records where a project's window was, keeping positions for the most recently used projects only. */
export function withWindowBounds(
  settings: DesktopSettings,
  projectPath: string,
  bounds: WindowBounds,
): DesktopSettings {
  const windows: Record<string, WindowBounds> = { [projectPath]: bounds };
  for (const [path, saved] of Object.entries(settings.windows)) {
    if (Object.keys(windows).length >= MAX_REMEMBERED_WINDOWS) break;
    if (path !== projectPath) windows[path] = saved;
  }
  return { ...settings, windows, lastWindow: bounds };
}

/** A settings store bound to one folder: reads once, writes on every change. */
export class DesktopSettingsStore {
  private current: DesktopSettings;
  readonly problem: string | null;

  constructor(
    private readonly directory: string,
    private readonly onWriteError: (error: Error) => void = () => undefined,
  ) {
    const loaded = loadDesktopSettings(directory);
    this.current = loaded.settings;
    this.problem = loaded.problem;
  }

  get settings(): DesktopSettings {
    return this.current;
  }

  update(change: (settings: DesktopSettings) => DesktopSettings): void {
    this.current = change(this.current);
    try {
      saveDesktopSettings(this.directory, this.current);
    } catch (error) {
      // Losing a window position is not worth interrupting the user; the app keeps working.
      this.onWriteError(error as Error);
    }
  }

  get path(): string {
    return join(this.directory, SETTINGS_FILE);
  }
}
