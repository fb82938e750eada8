// Before any row is written: opening each file as a row source, judging which columns hold results,
// refusing column names that contradict the import's unit, and deciding (and explaining) the files'
// dip sign from their holes' dips.
import type { ImportRequest, ImportSummary } from '../../api/import-types';
import type { LabValueOptions } from '../../domain/assay-values';
import { detectDipConvention, type HoleDip } from '../../domain/dip';
import { resultColumnJudge } from '../../domain/import/file-analysis';
import { mapHeaders, type ColumnMapping } from '../../domain/import/header-mapping';
import { headerLengthUnit, LENGTH_FIELDS } from '../../domain/import/length-unit-hint';
import type { LengthUnit, ProjectSettings } from '../../domain/model';
import { parseNumber } from '../../domain/table-fields';
import type { DelimitedFile } from './delimited-file';
import { ImportError } from './import-errors';
import type { ImportSources } from './import-sources';
import { FileReadError } from './text-source';

export function numericColumnJudge(
  file: DelimitedFile,
  options: LabValueOptions,
): (column: number) => boolean {
  return resultColumnJudge(file.peek, file.header, { ...options, decimalComma: file.dialect.decimalComma });
}

export function openForImport(sources: ImportSources, spec: ImportRequest['files'][number]) {
  try {
    return sources.open(spec);
  } catch (error) {
    if (error instanceof FileReadError) throw new ImportError(error.message);
    throw error;
  }
}

/** Refuses a file whose column names state a length unit other than the one it is read in. */
export function checkHeaderUnits(
  path: string,
  header: readonly string[],
  mapping: ColumnMapping,
  fileUnit: LengthUnit,
  unitGiven: boolean,
): void {
  const stated = LENGTH_FIELDS.flatMap((field) => {
    const column = mapping.fields[field];
    const name = column === undefined ? undefined : header[column];
    const unit = name === undefined ? null : headerLengthUnit(name);
    return unit === null ? [] : [{ name: name!, unit }];
  });
  const units = new Set(stated.map((entry) => entry.unit));
  const words = (unit: LengthUnit) => (unit === 'm' ? 'metres' : 'feet');
  if (units.size > 1) {
    const list = stated.map((entry) => `"${entry.name}" (${words(entry.unit)})`).join(', ');
    throw new ImportError(
      `${path}: the columns state different length units: ${list}. A file must use one unit; convert the column and rename it, then import again.`,
    );
  }
  const unit = [...units][0];
  if (unit !== undefined && unit !== fileUnit) {
    throw new ImportError(
      `${path}: the columns ${stated.map((entry) => `"${entry.name}"`).join(', ')} say ${words(unit)}, but the files are being read as ${words(fileUnit)}${unitGiven ? '' : " (the project's unit)"}. Choose ${unit} as the files' unit (--units ${unit}), or rename the columns.`,
    );
  }
}

/** Reads the dips of collar and survey files to decide (and explain) their sign convention. */
export function decideDipConvention(
  request: ImportRequest,
  project: ProjectSettings,
  sources: ImportSources,
): ImportSummary['dipConvention'] {
  if (request.dipConvention) {
    return {
      files: request.dipConvention,
      project: project.dip_convention,
      how: 'given',
      reason: 'given with the import',
    };
  }
  // Collar dips and survey dips together, by hole: a hole is an up-hole or a down-hole as a whole.
  const dips: HoleDip[] = [];
  for (const file of request.files) {
    if (file.kind !== 'collars' && file.kind !== 'surveys') continue;
    const opened = openForImport(sources, file);
    let mapping: ColumnMapping;
    try {
      mapping = mapHeaders(file.kind, opened.header, file.mapping);
    } catch {
      opened.close();
      continue;
    }
    const column = mapping.fields.dip;
    const holeColumn = mapping.fields.hole_id;
    if (column === undefined || holeColumn === undefined) {
      opened.close();
      continue;
    }
    opened.forEachRow((row) => {
      const text = row.fields[column] ?? '';
      const value = parseNumber(opened.dialect.decimalComma ? text.replace(',', '.') : text);
      if (value !== null) dips.push({ hole: (row.fields[holeColumn] ?? '').trim(), dip: value });
    });
  }
  if (dips.length === 0) {
    return {
      files: project.dip_convention,
      project: project.dip_convention,
      how: 'project',
      reason: 'no dips in the files',
    };
  }
  const hint = detectDipConvention(dips);
  if (!hint.convention) {
    throw new ImportError(
      `Cannot tell which dip sign means down: ${hint.reason}. Say how the files are written: --dip-convention negative-down or positive-down.`,
    );
  }
  return { files: hint.convention, project: project.dip_convention, how: 'detected', reason: hint.reason };
}
