// `drillbench qaqc`: the standards table (list, import from CSV/XLSX) and the QA/QC report of standards,
// blanks and field duplicates with every failure.
import type { QaqcAnalyteReport, StandardsImportSummary } from '../../api/qaqc-types';
import { describeOrder, orderBasis } from '../../domain/qaqc/batch-order';
import { formatValue } from '../../domain/qaqc/qaqc-model';
import { qaqcAnalyteReport, qaqcOverview } from '../../services/qaqc/qaqc-report';
import { importStandards } from '../../services/qaqc/qaqc-standards';
import { osUserName } from '../../services/system/app-paths';
import { listStandards } from '../../storage/qaqc-store';
import { closeProject, openProject } from '../../storage/project-db';
import {
  EXIT,
  formatTable,
  requirePositional,
  stringOption,
  UsageError,
  type CliCommand,
  type CliIo,
} from '../cli-command';

const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)} %`);

function printImport(summary: StandardsImportSummary, io: CliIo): void {
  if (summary.problems.length > 0) {
    io.err(`${summary.path}: ${summary.problems.length} bad lines; nothing was written:`);
    for (const problem of summary.problems)
      io.err(
        `  ${problem.line === null ? '' : `line ${problem.line}`}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`,
      );
    return;
  }
  io.out(
    `${summary.dryRun ? 'Dry run (nothing written): would add' : 'Added'} ${summary.added.length}, ${summary.dryRun ? 'change' : 'changed'} ${summary.updated.length}, ${summary.unchanged} unchanged, of ${summary.read} lines.`,
  );
  if (summary.added.length > 0) io.out(`  added: ${summary.added.join(', ')}`);
  if (summary.updated.length > 0) io.out(`  changed: ${summary.updated.join(', ')}`);
  if (summary.warnings)
    io.out(
      `QA/QC: ${summary.warnings.failures} failures, ${summary.warnings.stored} warnings on the samples of their batches.`,
    );
}

function printReport(report: QaqcAnalyteReport, io: CliIo): void {
  const { unit } = report;
  io.out(`\n${report.analyte} (${unit})`);
  if (report.standards.length === 0)
    io.out('  Standards: none with a certified value in the standards table.');
  else
    io.out(
      formatTable(
        ['Standard', 'Results', 'Failures', 'Warnings', 'Bias'],
        report.standards.map((s) => [
          s.code,
          String(s.results),
          String(s.failures),
          String(s.warnings),
          s.biasPercent === null ? '-' : `${s.biasPercent.toFixed(2)} %`,
        ]),
      ),
    );
  const blanks = report.blanks;
  io.out(
    blanks.threshold === null
      ? `  Blanks: ${blanks.points.length} results, not judged: ${report.analyte} has no detection limit.`
      : `  Blanks: ${blanks.points.length} results, ${blanks.failures} above ${formatValue(blanks.threshold)} ${unit} (${formatValue(blanks.factor)} x DL).`,
  );
  const dups = report.duplicates;
  io.out(
    `  Field duplicates: ${dups.pairs.length} pairs, ${dups.included} used (${dups.belowLimit} under ${dups.practicalLimit === null ? 'no limit' : `${formatValue(dups.practicalLimit)} ${unit}`} left out, ${dups.unpaired} without a pair); HARD <= 10 %: ${percent(dups.within10)}, <= 20 %: ${percent(dups.within20)}.`,
  );
  if (report.failures.length > 0) {
    io.out(`  ${describeOrder(orderBasis(report.failures))}`);
    io.out(
      formatTable(
        ['Batch', 'Hole', 'Failure'],
        report.failures.map((f) => [f.batch ?? '(no certificate)', f.holeId, f.text]),
      ),
    );
  }
}

export const qaqcCommand: CliCommand = {
  name: 'qaqc',
  summary: 'QA/QC: the standards table and the report of standards, blanks and duplicates',
  help: `Usage: drillbench qaqc standards list <project>
       drillbench qaqc standards import <project> <standards.csv|.xlsx> [--dry-run] [--sheet NAME]
       drillbench qaqc report <project> [--analyte CODE] [--json]

standards import reads a table with the columns code, analyte, value, sd (certified value and one
standard deviation) and optionally unit and source; a line for a standard and analyte already in the
table changes it. A bad line writes nothing and is listed with its line and column.
report prints, per analyte, each standard's results, failures (beyond 3 SD, or two in a row beyond
2 SD on one side), warnings (beyond 2 SD) and bias; blanks above 5 x the detection limit; field
duplicate precision (HARD); and every failure with its batch (certificate). Exits with status 1 when
there is a failure.`,
  options: {
    'dry-run': { type: 'boolean' },
    sheet: { type: 'string' },
    analyte: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const [first, second] = positionals;
    if (first === 'standards') {
      if (second !== 'list' && second !== 'import')
        throw new UsageError(
          'Say what to do with the standards: drillbench qaqc standards list|import <project>.',
        );
      const projectPath = requirePositional(positionals, 2, 'project', 'qaqc standards');
      const project = openProject(projectPath);
      try {
        if (second === 'list') {
          const rows = listStandards(project.db);
          if (rows.length === 0) {
            io.out(
              'The standards table is empty. Import one: drillbench qaqc standards import <project> <file.csv>.',
            );
            return EXIT.ok;
          }
          io.out(
            formatTable(
              ['Standard', 'Analyte', 'Certified', 'SD', 'Unit', 'Source'],
              rows.map((r) => [
                r.code,
                r.analyte,
                String(r.certifiedValue),
                String(r.sd),
                r.unit,
                r.source ?? '',
              ]),
            ),
          );
          return EXIT.ok;
        }
        const file = requirePositional(positionals, 3, 'standards file', 'qaqc standards import <project>');
        const summary = await importStandards(
          project.db,
          { path: file, dryRun: values['dry-run'] === true, sheet: stringOption(values, 'sheet') },
          { osUser: osUserName(), source: 'cli' },
        );
        printImport(summary, io);
        return summary.problems.length > 0 ? EXIT.failed : EXIT.ok;
      } finally {
        closeProject(project);
      }
    }
    if (first === 'report') {
      const projectPath = requirePositional(positionals, 1, 'project', 'qaqc report');
      const project = openProject(projectPath);
      try {
        const overview = qaqcOverview(project.db);
        const wanted = stringOption(values, 'analyte');
        const analytes = wanted ? [wanted] : overview.analytes.map((a) => a.code);
        const reports = analytes.map((analyte) => qaqcAnalyteReport(project.db, { analyte }));
        const failures = reports.reduce((sum, r) => sum + r.failures.length, 0);
        if (values.json === true) {
          io.out(JSON.stringify({ overview, reports }, null, 2));
          return failures > 0 ? EXIT.problems : EXIT.ok;
        }
        const { inserts } = overview;
        io.out(
          `${inserts.standard} standards, ${inserts.blank} blanks and ${inserts.duplicate} field duplicates inserted; ${overview.standardsTable.length} lines in the standards table.`,
        );
        if (overview.standardsTable.length === 0 && inserts.standard > 0)
          io.out(
            'The standards table is empty, so standards cannot be judged: drillbench qaqc standards import <project> <file.csv>.',
          );
        for (const use of overview.uses) {
          const missing = use.analytes.filter((a) => !a.inTable).map((a) => a.analyte);
          if (missing.length > 0)
            io.out(
              `Standard ${use.code} (${use.inserts} inserts) has no certified value for ${missing.join(', ')}.`,
            );
        }
        for (const report of reports) printReport(report, io);
        io.out(`\n${failures} QA/QC failure${failures === 1 ? '' : 's'}.`);
        if (!overview.warnings.upToDate)
          io.out('The stored QA/QC warnings are out of date; drillbench validate brings them up to date.');
        return failures > 0 ? EXIT.problems : EXIT.ok;
      } finally {
        closeProject(project);
      }
    }
    throw new UsageError(
      'Give a subcommand: drillbench qaqc standards list|import or drillbench qaqc report. See --help.',
    );
  },
};
