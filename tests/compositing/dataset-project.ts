// Imports one of the shared real data sets into a fresh project file, the way a user would, for tests
// that run intercepts, composites and desurvey through the storage scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportRequest } from '../../src/api/import-types';
import type { LengthUnit } from '../../src/domain/model';
import { runImport } from '../../src/services/import/import-engine';
import { closeProject, createProject, type Project } from '../../src/storage/project-db';

export interface DatasetProject {
  project: Project;
  close(): void;
}

export function importDataset(
  files: ImportRequest['files'],
  options: { lengthUnit?: LengthUnit } = {},
): DatasetProject {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-dataset-'));
  const project = createProject(
    join(directory, 'data.drillbench'),
    { name: 'data', length_unit: options.lengthUnit ?? 'm', dip_convention: 'negative-down' },
    'tester',
  );
  runImport(
    project.db,
    project.settings,
    { files, lengthUnit: options.lengthUnit },
    { osUser: 'tester', source: 'cli' },
  );
  return {
    project,
    close() {
      closeProject(project);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
