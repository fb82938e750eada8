// `drillbench export`: a table, the whole project or the Leapfrog/Datamine CSV set, to CSV or XLSX.
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import {
  ASSAY_VALUE_MODES,
  ASSAY_VALUE_RULES,
  EXPORT_TABLES,
  type ExportTable,
} from '../../domain/export/export-tables';
import { DIP_CONVENTIONS } from '../../domain/model';
import { runExport, type ExportRequest } from '../../services/export/project-export';
import { closeProject, openProject } from '../../storage/project-db';
import {
  choiceOption,
  requirePositional,
  stringOption,
  UsageError,
  type CliCommand,
  EXIT,
} from '../cli-command';

const ALIASES: Record<string, ExportTable> = {
  collars: 'holes',
  assays: 'samples',
  results: 'assay_results',
};

function tableName(text: string): ExportTable {
  const name = ALIASES[text] ?? text;
  if (!(EXPORT_TABLES as readonly string[]).includes(name))
    throw new UsageError(
      `--table must be one of ${EXPORT_TABLES.join(', ')} (or collars, assays), not "${text}".`,
    );
  return name as ExportTable;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a table, the whole project or a Leapfrog/Datamine CSV set',
  help: `Usage: drillbench export <project> (--table NAME | --all | --leapfrog) --out PATH
                        [--assay-values lab|half|dl|zero|negative|blank]
                        [--dip-convention negative-down|positive-down] [--force] [--json]

  --table NAME     one table: ${EXPORT_TABLES.join(', ')}
                   (samples are wide: one column per analyte, the preferred result of each)
  --all            every table: to PATH.xlsx one sheet per table (and a Project sheet), or to a
                   folder PATH one CSV per table and a README
  --leapfrog       collar, survey, assay, lithology and qaqc CSVs in the layout Leapfrog Geo and
                   Datamine load, with a README of the columns, units and assay handling (a folder)
  --out PATH       .csv or .xlsx file for a table or --all; a folder for --all as CSV and --leapfrog
  --assay-values   how assay results are written (default lab for tables, half for --leapfrog):
${ASSAY_VALUE_MODES.map((mode) => `                     ${mode.padEnd(9)}${ASSAY_VALUE_RULES[mode]}`).join('\n')}
  --dip-convention dip sign of the --leapfrog set (default negative-down; Datamine: positive-down)
  --force          replace an existing file
Text that a spreadsheet would run as a formula (=, +, -, @ at the start) is written with a leading
apostrophe; numbers stay numbers.`,
  options: {
    table: { type: 'string' },
    all: { type: 'boolean' },
    leapfrog: { type: 'boolean' },
    out: { type: 'string' },
    'assay-values': { type: 'string' },
    'dip-convention': { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const projectPath = requirePositional(positionals, 0, 'project', 'export');
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('Give the output with --out: a .csv or .xlsx file, or a folder.');
    const table = stringOption(values, 'table');
    const chosen = [table !== undefined, values.all === true, values.leapfrog === true].filter(
      Boolean,
    ).length;
    if (chosen !== 1) throw new UsageError('Choose exactly one of --table NAME, --all or --leapfrog.');
    const extension = extname(out).toLowerCase();
    let request: ExportRequest;
    const common = {
      path: out,
      assayValues: choiceOption(values, 'assay-values', ASSAY_VALUE_MODES),
      dipConvention: choiceOption(values, 'dip-convention', DIP_CONVENTIONS),
    };
    if (values.leapfrog === true) {
      if (extension === '.csv' || extension === '.xlsx')
        throw new UsageError('--leapfrog writes a folder of CSV files: give a folder name with --out.');
      request = { ...common, target: { kind: 'leapfrog' }, format: 'csv' };
    } else if (values.all === true) {
      request = { ...common, target: { kind: 'project' }, format: extension === '.xlsx' ? 'xlsx' : 'csv' };
      if (extension === '.csv')
        throw new UsageError(
          '--all as CSV writes one file per table: give a folder name with --out (or use .xlsx).',
        );
    } else {
      if (extension !== '.csv' && extension !== '.xlsx')
        throw new UsageError('--out for a table must end in .csv or .xlsx.');
      request = {
        ...common,
        target: { kind: 'table', table: tableName(table!) },
        format: extension === '.xlsx' ? 'xlsx' : 'csv',
      };
    }
    const isFolder = request.format === 'csv' && request.target.kind !== 'table';
    if (existsSync(out) && values.force !== true && !(isFolder && statSync(out).isDirectory()))
      throw new UsageError(`${out} already exists; choose another name or add --force to replace it.`);
    const project = openProject(projectPath, { readonly: false });
    try {
      let last = 0;
      const outcome = await runExport(project.db, project.settings, request, {
        onProgress: (done, total, message) => {
          const now = Date.now();
          if (now - last < 250 && done < total) return;
          last = now;
          io.progress?.(`${message} (${total > 0 ? Math.floor((done / total) * 100) : 100} %)`);
        },
      });
      io.progress?.('');
      if (values.json === true) io.out(JSON.stringify(outcome, null, 2));
      else {
        const rows = Object.entries(outcome.rows)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ');
        io.out(`Wrote ${outcome.path} (${(outcome.bytes / 1024).toFixed(0)} KB): ${rows}.`);
        for (const note of outcome.notes) io.out(`  note: ${note}`);
      }
      return EXIT.ok;
    } finally {
      closeProject(project);
    }
  },
};
