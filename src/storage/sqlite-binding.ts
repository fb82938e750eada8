// Which compiled better-sqlite3 to load. Node (the CLI, tests) and Electron need builds for different
// ABIs; `npm start` fetches an Electron build into a cache and names it here, so the checkout's own
// Node build stays untouched. The packaged app ignores this (its module is rebuilt for Electron).
import type { Options } from 'better-sqlite3';

export const SQLITE_BINDING_ENV = 'DRILLBENCH_SQLITE_BINDING';

/** Options that make better-sqlite3 load the build named by DRILLBENCH_SQLITE_BINDING, if any. */
export function sqliteBindingOptions(env: NodeJS.ProcessEnv = process.env): Pick<Options, 'nativeBinding'> {
  const binding = env[SQLITE_BINDING_ENV];
  return binding ? { nativeBinding: binding } : {};
}
