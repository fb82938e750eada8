// Where drillbench keeps its own files (the demo project, settings) on each operating system, and who
// the user is, for the audit log.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PROJECT_EXTENSION = '.drillbench';

/** The per-user data folder: XDG on Linux, Application Support on macOS, AppData on Windows. */
export function dataDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.DRILLBENCH_DATA_DIR) return env.DRILLBENCH_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'drillbench');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'drillbench');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'drillbench');
}

export function defaultDemoPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDirectory(env), `ruddock-creek-demo${PROJECT_EXTENSION}`);
}

export function osUserName(): string {
  try {
    return userInfo().username || process.env.USER || process.env.USERNAME || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
