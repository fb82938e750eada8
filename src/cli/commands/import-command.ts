// `drillbench import`: collars, surveys, assays and lithology from CSV files.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { mappingSchema } from '../../api/file-schemas';
import type { ImportRequest, ImportSummary } from '../../api/import-types';
import { CODE_FLAGS, isAnalyteUnit, type CodeFlag } from '../../domain/assay-values';
import type { FileKind, MappingOverrides } from '../../domain/import/header-mapping';
import { DIP_CONVENTIONS, LENGTH_UNITS } from '../../domain/model';
import { nounFor, plural } from '../../domain/report/plural';
import { closeProject, openProject } from '../../storage/project-db';
import { runImport } from '../../services/import/import-engine';
import { ImportSources } from '../../services/import/import-sources';
import { osUserName } from '../../services/system/app-paths';
import {
  choiceOption,
  requirePositional,
  stringOption,
  UsageError,
  type CliCommand,
  type CliIo,
  EXIT,
} from '../cli-command';

const mappingFileSchema = z
  .object({
    collars: mappingSchema.optional(),
    surveys: mappingSchema.optional(),
    assays: mappingSchema.optional(),
    lithology: mappingSchema.optional(),
  })
  .strict();

function readMapping(path: string): Partial<Record<FileKind, MappingOverrides>> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `The mapping file ${path} is not valid at ${issue?.path.join('.') || 'its top level'}: ${issue?.message}. Expected {"assays": {"columns": {"hole_id": "BHID"}, "analytes": {"CU": {"unit": "%"}}}}.`,
    );
  }
  return parsed.data as Partial<Record<FileKind, MappingOverrides>>;
}

/** --analyte-unit CU=% (repeatable) adds units to the assay mapping. */
function analyteUnits(values: Record<string, unknown>): NonNullable<MappingOverrides['analytes']> {
  const given = values['analyte-unit'];
  const units: NonNullable<MappingOverrides['analytes']> = {};
  for (const item of Array.isArray(given) ? (given as string[]) : []) {
    const [header, unit] = item.split('=');
    if (!header || !unit || !isAnalyteUnit(unit)) {
      throw new UsageError(
        `--analyte-unit takes COLUMN=UNIT with UNIT one of %, ppm, ppb, g/t, oz/t (got "${item}").`,
      );
    }
    units[header] = { unit };
  }
  return units;
}

/** --code ND=bdl (repeatable): the file's own result codes. */
function resultCodes(values: Record<string, unknown>): Record<string, CodeFlag> | undefined {
  const given = values.code;
  if (!Array.isArray(given) || given.length === 0) return undefined;
  const codes: Record<string, CodeFlag> = {};
  for (const item of given as string[]) {
    const at = item.lastIndexOf('=');
    const text = item.slice(0, at).trim();
    const flag = item.slice(at + 1).trim();
    if (at <= 0 || text === '' || !(CODE_FLAGS as readonly string[]).includes(flag)) {
      throw new UsageError(
        `--code takes TEXT=MEANING with MEANING one of ${CODE_FLAGS.join(', ')} (got "${item}"), e.g. --code ND=bdl.`,
      );
    }
    codes[text] = flag as CodeFlag;
  }
  return codes;
}

export function printImportSummary(summary: ImportSummary, io: CliIo): void {
  const c = summary.counts;
  io.out(
    `${summary.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${plural(c.holes, 'hole')}, ${plural(c.surveys, 'survey')}, ${plural(c.samples, 'sample')} (${plural(c.assayResults, 'assay result')}), ${plural(c.lithology, 'lithology interval')}.`,
  );
  for (const file of summary.files) {
    const analytes =
      file.analytes.length > 0
        ? `; analytes ${file.analytes.map((a) => `${a.code} (${a.unit}${a.convertedFrom ? `, converted from ${a.convertedFrom}` : ''})`).join(', ')}`
        : '';
    io.out(
      `  ${file.kind}: ${file.name}: ${file.stored} of ${plural(file.rows, 'row')} ${summary.dryRun ? 'would be stored' : 'stored'}${file.refused > 0 ? `, ${file.refused} refused` : ''}${analytes}`,
    );
  }
  for (const note of summary.notes) io.out(`  note: ${note}`);
  if (summary.placement.length > 0) {
    io.err(
      `${plural(summary.placement.length, 'collar')} ${summary.placement.length === 1 ? 'lies' : 'lie'} where the project's holes cannot be (stored as validation warnings):`,
    );
    for (const concern of summary.placement.slice(0, 20)) io.err(`  ${concern.message}`);
    if (summary.placement.length > 20)
      io.err(`  ... and ${summary.placement.length - 20} more (use --json for the full list).`);
  }
  if (summary.refused.length > 0) {
    io.err(
      `${plural(summary.refused.length, 'row')} ${nounFor(summary.refused.length, 'was')} refused (fix them and import those rows again):`,
    );
    for (const row of summary.refused.slice(0, 200)) {
      io.err(`  ${row.file}, line ${row.line}${row.column ? `, column ${row.column}` : ''}: ${row.message}`);
    }
    if (summary.refused.length > 200)
      io.err(`  ... and ${summary.refused.length - 200} more (use --json for the full list).`);
  }
  const errors = summary.problems.filter((p) => p.severity === 'error');
  const warnings = summary.problems.filter((p) => p.severity === 'warning');
  const describe = (list: typeof summary.problems) => list.map((p) => `${p.rule} ${p.count}`).join(', ');
  io.out(
    `Validation: ${plural(
      errors.reduce((s, p) => s + p.count, 0),
      'error',
    )}${errors.length ? ` (${describe(errors)})` : ''}, ${plural(
      warnings.reduce((s, p) => s + p.count, 0),
      'warning',
    )}${warnings.length ? ` (${describe(warnings)})` : ''}. See \`drillbench validate\`.`,
  );
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import collars, surveys, assays and lithology from CSV files',
  help: `Usage: drillbench import <project> [--collars F] [--surveys F] [--assays F] [--lithology F]
                        [--units m|ft] [--dip-convention negative-down|positive-down]
                        [--mapping MAP.json] [--analyte-unit COLUMN=UNIT ...] [--sheet NAME]
                        [--code TEXT=MEANING ...] [--negative-results below-detection|unreadable]
                        [--convert-units] [--dry-run] [--all-or-nothing] [--json]

Imports delimited text files (comma, tab, semicolon; UTF-8 with or without BOM, or Windows-1252) or
XLSX workbooks (the first sheet, or --sheet) in one transaction. Headers are recognised from common names (hole_ID, BHID; x, XCOLLAR, Easting; from,
depth_from; AT, depth; ...); every other numeric assay column becomes an analyte, its unit taken from a
suffix (_pct, _ppm, _ppb, _gpt) or given with --analyte-unit or the mapping file.
  --units            unit of depths and coordinates in the files (default: the project's)
  --dip-convention   how the files sign dips; detected from the data and reported when not given
  --mapping          JSON: {"collars": {"columns": {"hole_id": "BHID"}}, "assays": {"analytes": {"CU": {"unit": "%"}}}}
  --analyte-unit     unit of an assay column without a suffix, e.g. --analyte-unit CU=%
  --sheet            the sheet to read from XLSX files (default: the first)
  --code             what a result code of the file means: --code ND=bdl --code X=missing
                     (bdl, odl, ns, is, missing); NS, IS, N/A, <x and >x are known already
  --negative-results a negative result is a below-detection code (default) or unreadable
  --convert-units    an assay column in another unit than the project stores its analyte in (Pb_ppm
                     where the project has Pb in %) is converted to the project's unit (1 % = 10,000 ppm,
                     g/t = ppm, 1 ppm = 1,000 ppb); the lab's text is kept. Without it such a file is
                     refused, naming every such column
  --dry-run          read, convert and validate everything, report, and write nothing
  --all-or-nothing   write nothing if any row is refused (default: refused rows are listed, others stored)
  --json             print the summary as JSON
A malformed file (wrong delimiter, unclosed quote, binary data) stops the import and nothing is written.`,
  options: {
    collars: { type: 'string' },
    surveys: { type: 'string' },
    assays: { type: 'string' },
    lithology: { type: 'string' },
    units: { type: 'string' },
    'dip-convention': { type: 'string' },
    mapping: { type: 'string' },
    'analyte-unit': { type: 'string', multiple: true },
    sheet: { type: 'string' },
    code: { type: 'string', multiple: true },
    'negative-results': { type: 'string' },
    'convert-units': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'all-or-nothing': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'import');
    const sheet = stringOption(values, 'sheet');
    const negative = choiceOption(values, 'negative-results', ['below-detection', 'unreadable'] as const);
    const codes = resultCodes(values);
    const mapping = stringOption(values, 'mapping') ? readMapping(stringOption(values, 'mapping')!) : {};
    const units = analyteUnits(values);
    if (Object.keys(units).length > 0) {
      mapping.assays = { ...mapping.assays, analytes: { ...units, ...mapping.assays?.analytes } };
    }
    const files: ImportRequest['files'] = [];
    for (const kind of ['collars', 'surveys', 'assays', 'lithology'] as const) {
      const file = stringOption(values, kind);
      if (file) files.push({ kind, path: file, mapping: mapping[kind], ...(sheet ? { sheet } : {}) });
    }
    if (files.length === 0)
      throw new UsageError('Give at least one file: --collars, --surveys, --assays or --lithology.');
    const sources = await ImportSources.prepare(files);
    let lastProgress = 0;
    let project;
    try {
      project = openProject(path);
    } catch (error) {
      sources.close();
      throw error;
    }
    try {
      const summary = runImport(
        project.db,
        project.settings,
        {
          files,
          lengthUnit: choiceOption(values, 'units', LENGTH_UNITS),
          dipConvention: choiceOption(values, 'dip-convention', DIP_CONVENTIONS),
          dryRun: values['dry-run'] === true,
          ...(values['convert-units'] === true ? { convertUnits: 'all' as const } : {}),
          allOrNothing: values['all-or-nothing'] === true,
          ...(negative ? { negativeIsBelowDetection: negative === 'below-detection' } : {}),
          ...(codes ? { resultCodes: codes } : {}),
        },
        { osUser: osUserName(), source: 'cli' },
        {
          onProgress: (progress) => {
            const now = Date.now();
            if (now - lastProgress < 250) return;
            lastProgress = now;
            const share =
              progress.totalBytes > 0 ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 0;
            io.progress?.(
              `Importing ${progress.kind}: ${progress.rows.toLocaleString('en')} rows (${share} %)`,
            );
          },
        },
        sources,
      );
      io.progress?.('');
      if (values.json === true) io.out(JSON.stringify(summary, null, 2));
      else printImportSummary(summary, io);
      return EXIT.ok;
    } finally {
      sources.close();
      closeProject(project);
    }
  },
};
