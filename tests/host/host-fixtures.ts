// Project hosts for the tests: the real host module started under plain Node (a child process, or a
// worker thread) on a copy of the demo project, closed afterwards; and the calls the tests send.
import type { ApiResult } from '../../src/api/result';
import type { OpenRequest } from '../../src/services/host/host-protocol';
import { forkHostProcess, startHostWorker } from '../../src/services/host/node-host-process';
import {
  ProjectHostClient,
  type HostProcess,
  type ProjectHostClientOptions,
} from '../../src/services/host/project-host-client';
import { closeProject } from '../../src/storage/project-db';
import { demoProject } from '../helpers/project-fixtures';

export const clients: ProjectHostClient[] = [];

/** Closes every host a test started (call in afterEach). */
export async function closeHosts(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.close()));
}

/** A copy of the demo project in `directory`, closed so a host can take it. */
export function demoCopy(directory: string, name = 'demo'): string {
  const project = demoProject(directory, name);
  const path = project.path;
  closeProject(project);
  return path;
}

export function openRequest(path: string, extra: Partial<OpenRequest> = {}): OpenRequest {
  return {
    path,
    purpose: 'desktop',
    force: false,
    source: 'grid',
    osUser: 'tester',
    desktop: false,
    ...extra,
  };
}

export interface StartedHost {
  client: ProjectHostClient;
  process: HostProcess & { pid?: number };
}

/** Starts a host (a child process unless told otherwise) and opens `path` in it. */
export async function startHost(
  path: string,
  options: ProjectHostClientOptions & { worker?: boolean; request?: Partial<OpenRequest> } = {},
): Promise<StartedHost> {
  const process = options.worker ? startHostWorker() : forkHostProcess();
  const client = new ProjectHostClient(process, options);
  clients.push(client);
  const opened = await client.open(openRequest(path, options.request));
  if (!opened.ok) throw new Error(`The host did not open ${path}: ${opened.error.message}`);
  return { client, process };
}

/** The value of a call, or the test fails with the API error. */
export function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A paste of `rows` x 5 cells below the last sample of hole EUG-10-033 (new rows). */
export function bigPaste(startIndex: number, rows = 20_000) {
  const block: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const from = 200 + i;
    block.push([String(from), String(from + 1), `BIG-${i}`, (i % 7).toFixed(2), '<0.01']);
  }
  return {
    view: { table: 'samples' as const, holeId: 'EUG-10-033' },
    startIndex,
    anchorRowId: null,
    columns: ['depth_from', 'depth_to', 'sample_id', 'analyte:Zn', 'analyte:Pb'],
    rows: block,
    mode: 'apply' as const,
  };
}

export const HOLE_VIEW = { table: 'samples' as const, holeId: 'EUG-10-033', offset: 0, limit: 5000 };
