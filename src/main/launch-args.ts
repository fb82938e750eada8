// Which files the operating system asked drillbench to open: the command line of the first instance, a
// second instance's command line (Windows, Linux) or macOS's open-file events. Switches (Chromium's,
// macOS's -psn_) are skipped; file:// URIs (Linux desktop files pass %U) become paths.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchContext {
  /** True for the packaged app: argv is [app, ...files]; in development it is [electron, appDir, ...files]. */
  isPackaged: boolean;
  /** The folder relative paths are resolved against (the second instance's working folder). */
  cwd: string;
}

export function filesFromArgv(argv: readonly string[], context: LaunchContext): string[] {
  const files: string[] = [];
  let afterDoubleDash = false;
  for (const arg of argv.slice(context.isPackaged ? 1 : 2)) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    let path = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    files.push(isAbsolute(path) ? path : resolve(context.cwd, path));
  }
  return files;
}
