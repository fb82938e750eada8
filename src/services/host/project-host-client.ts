// The parent's side of a project host: a Router whose calls travel to the host process and back, the
// answers to the host's requests for native dialogs, and what happens when the host stops. Written
// against a small HostProcess interface so Electron's utility process and Node's child processes and
// worker threads all fit, and so it is tested under plain Node.
import { failure, type ApiResult } from '../../api/result';
import type { Router } from '../api/router';
import type { DesktopShell } from '../desktop/desktop-shell';
import {
  DESKTOP_METHODS,
  hostStoppedMessage,
  type DesktopOutcome,
  type DesktopRequest,
  type FromHost,
  type HostAction,
  type HostExit,
  type OpenOutcome,
  type OpenRequest,
  type ToHost,
} from './host-protocol';

/** A started host process, whatever started it. */
export interface HostProcess {
  post(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  /** Called once, when the process has ended. */
  onExit(listener: (exit: HostExit) => void): void;
  kill(): void;
}

export interface ProjectHostClientOptions {
  /** Answers the host's requests for dialogs and windows; without it they are refused. */
  desktop?: DesktopShell;
  /** Called once if the host ends without being asked to (a crash, out of memory, killed from outside). */
  onStopped?(exit: HostExit): void;
  /** How long close() waits for the host to finish its call in progress and close the project. */
  closeTimeoutMs?: number;
}

type State = 'running' | 'closing' | 'closed' | 'stopped';

interface Pending {
  settle(message: FromHost): void;
  /** Answers the request when the host is gone. */
  abandon(exit: HostExit): void;
}

const DEFAULT_CLOSE_TIMEOUT_MS = 30_000;

export class ProjectHostClient {
  readonly router: Router;
  /** Answers the host's desktop requests; may be set after the host is started (the window comes later). */
  desktop: DesktopShell | undefined;
  private state: State = 'running';
  private ready = false;
  private readonly outbox: ToHost[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exit: HostExit | undefined;
  private readonly exited: Promise<HostExit>;
  private pid: number | undefined;

  constructor(
    private readonly process: HostProcess,
    private readonly options: ProjectHostClientOptions = {},
  ) {
    this.desktop = options.desktop;
    this.router = { dispatch: (method, input) => this.call(method, input) };
    this.exited = new Promise((resolve) => process.onExit(resolve));
    process.onMessage((message) => this.receive(message));
    void this.exited.then((exit) => this.ended(exit));
  }

  /** The host's process id once it is listening (the pid in the project's lock file). */
  get hostPid(): number | undefined {
    return this.pid;
  }

  /** Whether the host ended without being asked to. */
  get stopped(): boolean {
    return this.state === 'stopped';
  }

  open(request: OpenRequest): Promise<OpenOutcome> {
    return this.request<OpenOutcome>(
      (id) => ({ type: 'open', id, request }),
      (message) => (message.type === 'opened' ? message.outcome : undefined),
      (exit) => ({ ok: false, error: { code: 'internal', message: hostStoppedMessage(exit) } }),
    );
  }

  call(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    return this.request<ApiResult<unknown>>(
      (id) => ({ type: 'call', id, method, input }),
      (message) => (message.type === 'result' ? message.result : undefined),
      (exit) => failure('internal', hostStoppedMessage(exit)),
    );
  }

  /** Runs a menu item that works on the open project (Save a Copy, Back Up Project). */
  action(action: HostAction): Promise<ApiResult<unknown>> {
    return this.request<ApiResult<unknown>>(
      (id) => ({ type: 'action', id, action }),
      (message) => (message.type === 'result' ? message.result : undefined),
      (exit) => failure('internal', hostStoppedMessage(exit)),
    );
  }

  /**
   * Asks the host to close the project (it finishes the call in progress, stops its jobs, closes the
   * file and releases the lock), then ends the process; one that does not answer in time is ended
   * anyway, and whatever it was writing is rolled back by SQLite.
   */
  async close(): Promise<HostExit> {
    if (this.state === 'running') {
      this.state = 'closing';
      const timeoutMs = this.options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const closed = new Promise<void>((resolve) => {
        const id = this.nextId++;
        this.pending.set(id, { settle: () => resolve(), abandon: () => resolve() });
        this.send({ type: 'close', id });
      });
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([closed, late, this.exited]);
      clearTimeout(timer);
      this.state = 'closed';
      if (!this.exit) this.process.kill();
    }
    return this.exited;
  }

  private request<T>(
    message: (id: number) => ToHost,
    pick: (reply: FromHost) => T | undefined,
    gone: (exit: HostExit) => T,
  ): Promise<T> {
    if (this.state !== 'running') return Promise.resolve(gone(this.exit ?? { code: null, signal: null }));
    return new Promise<T>((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, {
        settle: (reply) => {
          const value = pick(reply);
          resolve(value === undefined ? gone({ code: null, signal: null }) : value);
        },
        abandon: (exit) => resolve(gone(exit)),
      });
      this.send(message(id));
    });
  }

  private send(message: ToHost): void {
    if (this.ready) this.process.post(message);
    else this.outbox.push(message);
  }

  private receive(message: FromHost): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.pid = message.pid;
        for (const queued of this.outbox.splice(0)) this.process.post(queued);
        return;
      case 'desktop':
        void this.answerDesktop(message.request).then((outcome) => {
          if (this.exit) return;
          this.process.post({ type: 'desktop-reply', id: message.id, outcome });
        });
        return;
      default: {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.settle(message);
      }
    }
  }

  private async answerDesktop(request: DesktopRequest): Promise<DesktopOutcome> {
    const shell = this.desktop;
    // The host is our own code, but what it asks for is still checked against the list.
    if (!shell || !(DESKTOP_METHODS as readonly string[]).includes(request.method))
      return { ok: false, message: `${String(request.method)} needs the drillbench desktop app.` };
    try {
      const method = shell[request.method] as (...args: unknown[]) => unknown;
      return { ok: true, value: await method.apply(shell, request.args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private ended(exit: HostExit): void {
    this.exit = exit;
    const unexpected = this.state === 'running';
    if (unexpected) this.state = 'stopped';
    for (const [, pending] of this.pending) pending.abandon(exit);
    this.pending.clear();
    this.outbox.length = 0;
    if (unexpected) this.options.onStopped?.(exit);
  }
}
