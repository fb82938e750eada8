// Starting the project host under plain Node: as a child process (its own process and pid, as an
// Electron utility process is) or as a worker thread. The tests and the benchmark use these to run
// the very module the desktop app starts as a utility process.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromHost } from './host-protocol';
import type { HostProcess } from './project-host-client';

/** The host's entry: the bundled project-host.js next to the main bundle, or a loader for the source. */
export function hostScript(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++) {
    const built = join(directory, 'project-host.js');
    if (existsSync(built)) return built;
    const source = join(directory, 'project-host-dev.mjs');
    if (existsSync(source)) return source;
    directory = dirname(directory);
  }
  throw new Error(
    'drillbench is incomplete: project-host.js was not found. Rebuild or reinstall drillbench.',
  );
}

/** Starts the host in a child process; messages use structured clone, as Electron's do. */
export function forkHostProcess(script = hostScript()): HostProcess & { pid: number | undefined } {
  const child = fork(script, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid,
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromHost)),
    onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
    kill: () => {
      child.kill();
    },
  };
}

/** Starts the host in a worker thread of this process. */
export function startHostWorker(script = hostScript()): HostProcess {
  const worker = new Worker(script);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => worker.once('exit', (code) => listener({ code, signal: null })),
    kill: () => {
      void worker.terminate();
    },
  };
}
