// `drillbench certificate`: attach a lab certificate's results to the project's samples by sample ID.
import { plural } from '../../domain/report/plural';
import type { CertificateImportSummary } from '../../api/import-wizard-types';
import { importCertificate, readCertificateRows } from '../../services/certificates/certificate-import';
import { osUserName } from '../../services/system/app-paths';
import { closeProject, openProject } from '../../storage/project-db';
import { requirePositional, stringOption, type CliCommand, type CliIo, EXIT } from '../cli-command';

export function printCertificateSummary(summary: CertificateImportSummary, io: CliIo): void {
  io.out(
    `${summary.dryRun ? 'Dry run (nothing written): would attach' : 'Attached'} ${plural(summary.resultsWritten, 'result')} of certificate ${summary.certificate}${summary.lab ? ` (${summary.lab})` : ''} to ${summary.samplesMatched} of ${plural(summary.samplesInFile, 'sample')}; ${plural(summary.reassays, 're-assay')} kept beside earlier results, ${plural(summary.preferredChanged, 'earlier result')} no longer preferred.`,
  );
  for (const column of summary.columns) {
    const flags = Object.entries(column.flags)
      .map(([flag, count]) => `${flag} ${count}`)
      .join(', ');
    io.out(
      `  ${column.method ?? '(no method)'} ${column.analyte} (${column.unit}${column.convertedFrom ? `, converted from ${column.convertedFrom}` : ''}): ${plural(column.results, 'result')} (${flags})`,
    );
  }
  for (const skipped of summary.skippedColumns) io.out(`  not imported: ${skipped.label}: ${skipped.reason}`);
  for (const note of summary.notes) io.out(`  note: ${note}`);
  if (summary.labQc.length > 0)
    io.out(`  lab QC rows (not attached): ${summary.labQc.map((row) => row.sampleId).join(', ')}`);
  if (summary.unknownSamples.length > 0) {
    io.err(
      `${summary.unknownSamples.length} sample IDs are not in the project (their results were not attached):`,
    );
    for (const sample of summary.unknownSamples) io.err(`  line ${sample.line}: ${sample.sampleId}`);
  }
  for (const sample of summary.ambiguousSamples)
    io.err(
      `  line ${sample.line}: ${sample.sampleId} is used by several samples (holes ${sample.holes.join(', ')}); not attached.`,
    );
}

export const certificateCommand: CliCommand = {
  name: 'certificate',
  summary: 'Attach a laboratory certificate (CSV or XLSX) to the samples by sample ID',
  help: `Usage: drillbench certificate <project> <certificate.csv|.xlsx> [--dry-run] [--lab NAME]
                             [--certificate NUMBER] [--sheet NAME] [--json]

Reads the lab's header block (client, certificate number, dates), the Method/Analyte/Unit/MDL rows and
the sample rows, and stores each result against the project sample with that ID, with the certificate
number, method and lab. A second result for a sample and analyte is kept beside the first (re-assay);
the project's method priority (drillbench method-priority) decides which one calculations use. Sample
IDs not in the project are listed, never guessed.
  --dry-run      report what would be attached and write nothing
  --lab          the laboratory's name, when the certificate does not state it
  --certificate  the certificate number, when the header block has none`,
  options: {
    'dry-run': { type: 'boolean' },
    lab: { type: 'string' },
    certificate: { type: 'string' },
    sheet: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const projectPath = requirePositional(positionals, 0, 'project', 'certificate');
    const file = requirePositional(positionals, 1, 'certificate file', 'certificate');
    const request = {
      path: file,
      dryRun: values['dry-run'] === true,
      lab: stringOption(values, 'lab'),
      certificate: stringOption(values, 'certificate'),
      sheet: stringOption(values, 'sheet'),
    };
    const rows = await readCertificateRows(request);
    const project = openProject(projectPath);
    try {
      const summary = importCertificate(project.db, project.settings, rows, request, {
        osUser: osUserName(),
        source: 'cli',
      });
      if (values.json === true) io.out(JSON.stringify(summary, null, 2));
      else printCertificateSummary(summary, io);
      return EXIT.ok;
    } finally {
      closeProject(project);
    }
  },
};
