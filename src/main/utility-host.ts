// Starts a project host as an Electron utility process (Chromium's service API launches it; it is a
// Node process of its own, ended with the app). `fork` is passed in so this module loads, and is
// tested, without Electron: the desktop app passes `utilityProcess.fork`.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { FromHost } from '../services/host/host-protocol';
import type { HostProcess } from '../services/host/project-host-client';

export type UtilityFork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/** The host's environment: ours, without unset entries (a utility process only takes strings). */
export function hostEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') result[key] = value;
  return result;
}

export function startUtilityHost(
  fork: UtilityFork,
  modulePath: string,
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): HostProcess {
  const child = fork(modulePath, [], { serviceName, stdio: 'inherit', env: hostEnvironment(env) });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    post(message) {
      if (!exited) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: FromHost) => listener(message));
    },
    // A utility process reports only its exit code (a crash's reason comes with app's
    // child-process-gone event, which the main process logs).
    onExit(listener) {
      child.once('exit', (code) => listener({ code, signal: null }));
    },
    kill() {
      if (!exited) child.kill();
    },
  };
}
