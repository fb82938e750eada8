// Real project files in a temporary folder for tests, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  closeProject,
  createProject,
  type NewProjectSettings,
  type Project,
} from '../../src/storage/project-db';

const folders: string[] = [];
const open: Project[] = [];

afterEach(() => {
  for (const project of open.splice(0)) closeProject(project);
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'drillbench-test-'));
  folders.push(folder);
  return folder;
}

export function tempProject(settings: Partial<NewProjectSettings> = {}): Project {
  const project = createProject(
    join(tempFolder(), 'test.drillbench'),
    { name: 'test', length_unit: 'm', dip_convention: 'negative-down', ...settings },
    'tester',
  );
  open.push(project);
  return project;
}

export function track(project: Project): Project {
  open.push(project);
  return project;
}
