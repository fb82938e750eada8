// A separate process for the lock tests: takes a project's lock and reports, then either waits to be
// killed ('hold') or exits normally ('exit'), so the tests see locks from real other processes.
import { acquireProjectLock, ProjectInUseError } from '../../src/services/system/project-lock';

const [projectPath, mode] = process.argv.slice(2);
if (!projectPath) throw new Error('usage: lock-holder-child <project> hold|exit');
try {
  acquireProjectLock(projectPath, 'test');
  process.stdout.write('locked\n');
  if (mode === 'hold') setInterval(() => undefined, 1000);
} catch (error) {
  process.stdout.write(
    error instanceof ProjectInUseError ? 'in-use\n' : `error ${(error as Error).message}\n`,
  );
  process.exitCode = 2;
}
