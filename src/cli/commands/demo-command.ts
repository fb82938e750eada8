// `drillbench demo`: writes the Ruddock Creek demo project.
import { closeProject } from '../../storage/project-db';
import { projectCounts, problemTotals } from '../../storage/project-queries';
import { writeDemoProject } from '../../services/demo/demo-writer';
import { defaultDemoPath, osUserName } from '../../services/system/app-paths';
import { numberOption, type CliCommand, EXIT } from '../cli-command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Write the Ruddock Creek demo project',
  help: `Usage: drillbench demo [<project>] [--seed N]

Writes the demo project modelled on Imperial Metals' 2011 Ruddock Creek news release: 76 underground
holes from 7 stations (14,133.4 m), Zn, Pb and density on samples, lithology and QA/QC inserts, and the
saved intercept preset lower-e-zone-2011 that reproduces the release's table.
  <project>   where to write it (default: ${defaultDemoPath()})
  --seed      generator seed (default 2011); the same seed always writes the same data`,
  options: { seed: { type: 'string' } },
  run(positionals, values, io) {
    const path = positionals[0] ?? defaultDemoPath();
    const project = writeDemoProject(path, osUserName(), numberOption(values, 'seed'));
    const counts = projectCounts(project.db);
    const problems = problemTotals(project.db);
    io.out(
      `Wrote ${path}: ${counts.holes} holes, ${counts.surveys} surveys, ${counts.samples} samples (${counts.assayResults} assay results), ${counts.lithology} lithology intervals; ${problems.errors} errors, ${problems.warnings} warnings.`,
    );
    closeProject(project);
    return EXIT.ok;
  },
};
