// The project host: plain Node code that opens one project under its lock and answers its API calls
// with the same router the browser host and the CLI use. In the desktop app it runs in an Electron
// utility process, so a long call (a 100,000-cell paste, an import) never stalls the windows; in tests
// it runs in a child process or a worker thread. Native dialogs are asked of the parent.
import { failure, type ApiResult } from '../../api/result';
import { openApiSession, type ApiSession } from '../api/api-session';
import { toApiError } from '../api/error-mapping';
import { backupWithDialogAction, saveCopyAction } from '../desktop/desktop-actions';
import { DesktopUnavailableError, type DesktopShell } from '../desktop/desktop-shell';
import { createLockedProject, openLockedProjectOrDemo, type LockedProject } from '../system/locked-project';
import { ProjectInUseError } from '../system/project-lock';
import type {
  DesktopOutcome,
  DesktopRequest,
  FromHost,
  HostAction,
  HostChannel,
  OpenOutcome,
  OpenRequest,
} from './host-protocol';

interface OpenState {
  locked: LockedProject;
  session: ApiSession;
  desktop: DesktopShell | undefined;
}

/** A DesktopShell whose every method is a request to the parent, answered with a desktop-reply. */
function desktopProxy(ask: (request: DesktopRequest) => Promise<unknown>): DesktopShell {
  const background = (request: DesktopRequest) => {
    ask(request).catch((error: unknown) => console.error(`drillbench: ${String(error)}`));
  };
  return {
    chooseOpenPaths: (options) => ask({ method: 'chooseOpenPaths', args: [options] }) as Promise<string[]>,
    chooseSavePath: (options) => ask({ method: 'chooseSavePath', args: [options] }) as Promise<string | null>,
    chooseFolder: (options) => ask({ method: 'chooseFolder', args: [options] }) as Promise<string | null>,
    ask: (options) => ask({ method: 'ask', args: [options] }) as Promise<number>,
    openProjectWindow: (path) =>
      ask({ method: 'openProjectWindow', args: [path] }) as ReturnType<DesktopShell['openProjectWindow']>,
    showImport: (paths) => background({ method: 'showImport', args: [paths] }),
    revealInFolder: (path) => background({ method: 'revealInFolder', args: [path] }),
  };
}

const NOTHING_OPEN = failure(
  'internal',
  'This project process has no project open (it was closed or never opened). Reopen the project.',
);

/** Serves one project over `channel` until the parent closes it (or goes away). */
export function serveProjectHost(channel: HostChannel): void {
  let state: OpenState | undefined;
  let closing: Promise<void> | undefined;
  let nextDesktopId = 1;
  const desktopReplies = new Map<number, (outcome: DesktopOutcome) => void>();

  const post = (message: FromHost) => channel.post(message);
  /** Posts a result; a value that cannot cross the channel becomes an error instead of a lost reply. */
  const reply = (id: number, result: ApiResult<unknown>) => {
    try {
      post({ type: 'result', id, result });
    } catch (error) {
      post({ type: 'result', id, result: toApiError(error) });
    }
  };

  const askParent = (request: DesktopRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextDesktopId++;
      desktopReplies.set(id, (outcome) =>
        outcome.ok ? resolve(outcome.value) : reject(new Error(outcome.message)),
      );
      post({ type: 'desktop', id, request });
    });

  const open = (request: OpenRequest): OpenOutcome => {
    if (state || closing)
      return {
        ok: false,
        error: { code: 'refused', message: 'This project process has a project open already.' },
      };
    const backups: string[] = [];
    try {
      const options = {
        purpose: request.purpose,
        force: request.force,
        onBackup: (backup: string) => backups.push(backup),
        log: (text: string) => console.log(text),
      };
      const locked =
        request.create && request.path
          ? createLockedProject(request.path, request.create, request.osUser, options)
          : openLockedProjectOrDemo(request.path, options);
      const desktop = request.desktop ? desktopProxy(askParent) : undefined;
      const session = openApiSession(locked.project, request.source, request.osUser, desktop);
      state = { locked, session, desktop };
      return { ok: true, project: { path: locked.project.path, backups, pid: process.pid } };
    } catch (error) {
      const mapped = toApiError(error);
      const apiError = mapped.ok ? { code: 'internal' as const, message: String(error) } : mapped.error;
      return error instanceof ProjectInUseError
        ? {
            ok: false,
            error: apiError,
            inUse: { holderAlive: error.holderAlive, holderKnown: error.holder !== null },
          }
        : { ok: false, error: apiError };
    }
  };

  const runAction = async (action: HostAction): Promise<ApiResult<unknown>> => {
    if (!state) return NOTHING_OPEN;
    try {
      const desktop = state.desktop;
      if (!desktop) throw new DesktopUnavailableError(action);
      const project = state.session.project;
      switch (action) {
        case 'saveCopy':
          return { ok: true, value: await saveCopyAction(desktop, project) };
        case 'backUp':
          return { ok: true, value: await backupWithDialogAction(desktop, project) };
        default:
          return failure('not-found', `There is no menu action named "${String(action)}".`);
      }
    } catch (error) {
      return toApiError(error);
    }
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      const open = state;
      state = undefined;
      for (const [, answer] of desktopReplies) answer({ ok: false, message: 'The project is closing.' });
      desktopReplies.clear();
      if (!open) return;
      try {
        await open.session.close();
      } finally {
        open.locked.lock.release();
      }
    })();
    return closing;
  };

  channel.onMessage((message) => {
    switch (message.type) {
      case 'open':
        post({ type: 'opened', id: message.id, outcome: open(message.request) });
        return;
      case 'call':
        if (!state) reply(message.id, NOTHING_OPEN);
        else
          void state.session.router
            .dispatch(message.method, message.input)
            .then((result) => reply(message.id, result));
        return;
      case 'action':
        void runAction(message.action).then((result) => reply(message.id, result));
        return;
      case 'desktop-reply': {
        const answer = desktopReplies.get(message.id);
        desktopReplies.delete(message.id);
        answer?.(message.outcome);
        return;
      }
      case 'close':
        void close()
          .catch((error: unknown) =>
            console.error(`drillbench could not close the project cleanly: ${String(error)}`),
          )
          .then(() => post({ type: 'closed', id: message.id }));
        return;
    }
  });
  channel.onParentGone?.(() => {
    void close().finally(() => process.exit(0));
  });
  post({ type: 'ready', pid: process.pid });
}
