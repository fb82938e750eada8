// `drillbench demo`: writes the Ruddock Creek demo project.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { closeProject } from '../../storage/project-db';
import { projectCounts, problemTotals } from '../../storage/project-queries';
import { writeDemoProject } from '../../services/demo/demo-writer';
import { defaultDemoPath, osUserName } from '../../services/system/app-paths';
import { plural } from '../../domain/report/plural';
import { numberOption, type CliCommand, EXIT } from '../cli-command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Write the Ruddock Creek demo project',
  help: `Usage: drillbench demo [<project>] [--seed N]

Writes the demo project modelled on Imperial Metals' 2011 Ruddock Creek news release: 76 underground
holes from 7 stations (14,133.4 m), Zn, Pb and density on samples, lithology and QA/QC inserts, and the
saved intercept preset lower-e-zone-2011 that reproduces the release's table.
  <project>    where to write it (default: ${defaultDemoPath()}, the project the app opens
               when none is chosen; if it exists already it is left as it is)
  --seed       generator seed (default 2011); the same seed always writes the same data
  --where      print the default demo path and exit`,
  options: { seed: { type: 'string' }, where: { type: 'boolean' } },
  run(positionals, values, io) {
    if (values.where === true) {
      io.out(defaultDemoPath());
      return EXIT.ok;
    }
    const path = positionals[0] ?? defaultDemoPath();
    if (positionals[0] === undefined && existsSync(path)) {
      io.out(`The demo project is at ${path} (delete it to write a fresh one).`);
      return EXIT.ok;
    }
    mkdirSync(dirname(path), { recursive: true });
    const project = writeDemoProject(path, osUserName(), numberOption(values, 'seed'));
    const counts = projectCounts(project.db);
    const problems = problemTotals(project.db);
    io.out(
      `Wrote ${path}: ${plural(counts.holes, 'hole')}, ${plural(counts.surveys, 'survey')}, ${plural(counts.samples, 'sample')} (${plural(counts.assayResults, 'assay result')}), ${plural(counts.lithology, 'lithology interval')}; ${plural(problems.errors, 'error')}, ${plural(problems.warnings, 'warning')}.`,
    );
    closeProject(project);
    return EXIT.ok;
  },
};
