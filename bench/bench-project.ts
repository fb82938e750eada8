// The synthetic project the benchmarks read: imported once by `drillbench import` (the import benchmark
// builds it when it runs first; any other benchmark run on its own builds it here).
import { existsSync } from 'node:fs';
import { drillbench } from './process-timing';

export function ensureProject(
  projectPath: string,
  files: { collars: string; surveys: string; assays: string },
): void {
  if (existsSync(projectPath)) return;
  drillbench(['new', projectPath, '--name', 'synthetic']);
  drillbench([
    'import',
    projectPath,
    '--collars',
    files.collars,
    '--surveys',
    files.surveys,
    '--assays',
    files.assays,
  ]);
}
