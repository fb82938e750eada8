// A real project file for the data-entry tests: the Ruddock Creek demo written into a temp folder and
// served through the API router, the way the grids call it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../src/api/client';
import type { ProjectStatus } from '../../src/api/entry-types';
import { ApiCallError } from '../../src/api/result';
import { createRouter } from '../../src/services/api/router';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { JobRunner } from '../../src/services/jobs/job-runner';
import { closeProject, type Project } from '../../src/storage/project-db';
import { problemTotals, projectCounts } from '../../src/storage/project-queries';

export interface EntryFixture {
  directory: string;
  project: Project;
  api: ApiClient;
  close(): void;
}

export function openDemoFixture(): EntryFixture {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-entry-'));
  const project = writeDemoProject(join(directory, 'demo.drillbench'), 'tester');
  const router = createRouter({
    project,
    osUser: 'tester',
    source: 'grid',
    jobs: new JobRunner(project.path, 'tester'),
  });
  const api = createApiClient((method, input) => router.dispatch(method, input));
  return {
    directory,
    project,
    api,
    close() {
      closeProject(project);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The API error a call failed with (fails the test when it succeeded). */
export async function apiError(promise: Promise<unknown>): Promise<ApiCallError['error']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error.error;
    throw error;
  }
  throw new Error('The call was expected to fail but succeeded.');
}

/** Every stored problem, as comparable text, for checking incremental upkeep against a full re-check. */
export function problemSnapshot(project: Project): string[] {
  return (
    project.db
      .prepare('SELECT hole, table_name, row_id, column_name, rule, severity, message FROM problems')
      .raw()
      .all() as unknown[][]
  )
    .map((row) => JSON.stringify(row))
    .sort();
}

/** The status bar's figures counted afresh, to compare with what the writes kept up to date. */
export function freshStatus(project: Project): ProjectStatus {
  return { counts: projectCounts(project.db), problems: problemTotals(project.db) };
}
