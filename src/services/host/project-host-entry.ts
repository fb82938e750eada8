// The entry point of a project host process, one module for every way it is started: an Electron
// utility process (process.parentPort), a Node worker thread (worker_threads.parentPort) or a Node
// child process with an IPC channel (process.send). It picks the channel it was given and serves.
import { parentPort as workerPort } from 'node:worker_threads';
import type { FromHost, HostChannel, ToHost } from './host-protocol';
import { serveProjectHost } from './project-host';

/** The part of Electron's ParentPort (documented for utility processes) the host uses. */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function electronChannel(port: ElectronParentPort): HostChannel {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as ToHost)),
  };
}

function childProcessChannel(send: (message: FromHost) => unknown): HostChannel {
  return {
    post: (message) => send(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToHost)),
    // A child's IPC channel closes when its parent dies: the project must not stay locked by an orphan.
    onParentGone: (listener) => process.once('disconnect', listener),
  };
}

export function channelFromEnvironment(): HostChannel | null {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) return electronChannel(electronPort);
  if (workerPort) {
    const port = workerPort;
    return {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (message: ToHost) => listener(message)),
    };
  }
  const send = process.send?.bind(process);
  if (send) return childProcessChannel(send);
  return null;
}

const channel = channelFromEnvironment();
if (channel) serveProjectHost(channel);
else {
  console.error(
    'The drillbench project host was started on its own. It is started by the drillbench app; run `drillbench` instead.',
  );
  process.exitCode = 2;
}
