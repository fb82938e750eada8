// `drillbench web`: serves the app to a browser on this machine (the shell for machines where Electron
// cannot start, and for the end-to-end tests).
import { spawn } from 'node:child_process';
import { findPackageFolder } from '../../storage/package-files';
import { openApiSession } from '../../services/api/api-session';
import { openLockedProjectOrDemo } from '../../services/system/locked-project';
import { startWebHost } from '../../web-host/web-host';
import { findDownload } from '../../services/export/downloads';
import { numberOption, UsageError, type CliCommand, EXIT } from '../cli-command';

/** The built renderer: beside this bundle in out/, or under out/ when running from source. */
export function rendererDirectory(): string {
  const found =
    findPackageFolder(import.meta.url, 'out/renderer', 'index.html') ??
    findPackageFolder(import.meta.url, 'renderer', 'index.html');
  if (!found) throw new UsageError('The app is not built yet: run `npm run build` first, then try again.');
  return found;
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serve drillbench to a browser on this machine',
  help: `Usage: drillbench web [<project>] [--port N] [--open]

Starts the local browser host on 127.0.0.1 only and prints its address with a one-time token; only a
browser on this machine with that address can use it. Without a project it opens the demo project
(writing it on first use). While it runs, the project is locked (a <project>.lock file beside it) so the
desktop app does not edit it at the same time. Stop it with Ctrl+C.
  --port   port to listen on (default: any free port)
  --open   open the address in the default browser`,
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  async run(positionals, values, io) {
    const staticDir = rendererDirectory();
    // The lock keeps the desktop app (or a second `drillbench web`) from editing the same file meanwhile.
    const opened = openLockedProjectOrDemo(positionals[0], { purpose: 'web', log: io.out });
    const { project } = opened;
    const session = openApiSession(project, 'api');
    try {
      const host = await startWebHost({
        router: session.router,
        staticDir,
        port: numberOption(values, 'port'),
        downloads: findDownload,
      });
      io.out(`drillbench is serving ${project.path}`);
      io.out(`Open ${host.url}`);
      if (values.open === true) openInBrowser(host.url);
      await new Promise<void>((done) => {
        const stop = () => done();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
    } finally {
      await session.close();
      opened.lock.release();
    }
    return EXIT.ok;
  },
};
