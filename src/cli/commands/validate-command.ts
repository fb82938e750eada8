// `drillbench validate`: re-checks the whole project and prints the validation report.
import { listProblems } from '../../storage/problems-store';
import { closeProject, openProject } from '../../storage/project-db';
import { validateProject } from '../../services/validation/validate-project';
import {
  choiceOption,
  formatTable,
  numberOption,
  requirePositional,
  stringOption,
  type CliCommand,
  EXIT,
} from '../cli-command';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check the project and print every problem (exit status 1 when there are errors)',
  help: `Usage: drillbench validate <project> [--json] [--severity error|warning] [--rule RULE] [--hole ID] [--limit N]

Runs every validation rule over the project (overlaps, gaps, depths past end of hole, surveys, duplicate
sample IDs, assay values, QA/QC failures warned on their batches) and prints rule, severity, hole, table, row and message. The exit status is 1
when any error is found, 0 otherwise (warnings alone do not fail).
  --json       print the report as JSON
  --severity   show only errors or only warnings
  --rule       show only one rule, e.g. interval-overlap
  --hole       show only one hole
  --limit      print at most N problems (default 1000; the counts always cover everything)`,
  options: {
    json: { type: 'boolean' },
    severity: { type: 'string' },
    rule: { type: 'string' },
    hole: { type: 'string' },
    limit: { type: 'string' },
  },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'validate');
    const project = openProject(path);
    try {
      validateProject(project.db, project.settings.length_unit);
      const all = listProblems(project.db, { limit: 1 });
      const errors = listProblems(project.db, { severity: 'error', limit: 1 }).total;
      const shown = listProblems(project.db, {
        severity: choiceOption(values, 'severity', ['error', 'warning'] as const),
        rule: stringOption(values, 'rule'),
        holeId: stringOption(values, 'hole'),
        limit: numberOption(values, 'limit') ?? 1000,
      });
      if (values.json === true) {
        io.out(
          JSON.stringify(
            { errors, warnings: all.total - errors, total: shown.total, problems: shown.rows },
            null,
            2,
          ),
        );
      } else {
        if (shown.rows.length > 0) {
          io.out(
            formatTable(
              ['Rule', 'Severity', 'Hole', 'Table', 'Row', 'Message'],
              shown.rows.map((p) => [
                p.rule,
                p.severity,
                p.hole_id,
                p.table,
                p.row_id === null ? '' : String(p.row_id),
                p.message,
              ]),
            ),
          );
        }
        if (shown.total > shown.rows.length)
          io.out(`... ${shown.total - shown.rows.length} more not shown (raise --limit or use --json).`);
        io.out(`${errors} errors, ${all.total - errors} warnings in ${path}.`);
      }
      return errors > 0 ? EXIT.problems : EXIT.ok;
    } finally {
      closeProject(project);
    }
  },
};
