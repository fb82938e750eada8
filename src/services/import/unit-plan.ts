// Before any row is written: which assay columns give an analyte in another unit than the project (or an
// earlier file of the same import) stores it in, and whether the request says to convert them. Every
// clash of every file is named at once, so one refusal tells the whole story.
import type { ImportRequest } from '../../api/import-types';
import { conversionWords, describeClash, type UnitClash } from '../../domain/import/analyte-units';
import { mapHeaders, MappingError } from '../../domain/import/header-mapping';
import type { AnalyteUnit, LengthUnit } from '../../domain/model';
import type { LabValueOptions } from '../../domain/assay-values';
import { plural } from '../../domain/report/plural';
import { ImportError } from './import-errors';
import { checkHeaderUnits, numericColumnJudge, openForImport } from './import-preflight';
import type { ImportSources } from './import-sources';

/** The file's name as messages give it: the name the user knows, else the path given. */
export function fileName(spec: ImportRequest['files'][number]): string {
  return spec.name?.trim() || spec.path;
}

export interface UnitPlan {
  /** Conversions to make, by file path and column header: the unit the file gives. */
  conversions: Map<string, Map<string, { from: AnalyteUnit; to: AnalyteUnit }>>;
  clashes: UnitClash[];
}

/**
 * Finds every assay column whose unit clashes with the stored (or earlier) unit of its analyte. Refuses
 * the import, naming them all, unless the request converts each of them.
 */
export function planUnitConversions(
  request: ImportRequest,
  files: readonly ImportRequest['files'][number][],
  stored: ReadonlyMap<string, AnalyteUnit>,
  sources: ImportSources,
  labOptions: LabValueOptions,
  projectLengthUnit: LengthUnit,
): UnitPlan {
  const units = new Map(stored);
  const clashes: UnitClash[] = [];
  const conversions: UnitPlan['conversions'] = new Map();
  for (const spec of files) {
    if (spec.kind !== 'assays') continue;
    const file = openForImport(sources, spec);
    let analytes;
    try {
      const mapping = mapHeaders('assays', file.header, spec.mapping, numericColumnJudge(file, labOptions));
      // Depth columns whose names contradict each other or the import come first: the import reports
      // them (and a mapping it cannot use) for this file, with its line and column.
      checkHeaderUnits(
        fileName(spec),
        file.header,
        mapping,
        request.lengthUnit ?? projectLengthUnit,
        request.lengthUnit !== undefined,
      );
      analytes = mapping.analytes;
    } catch (error) {
      if (error instanceof MappingError) continue;
      throw error;
    } finally {
      file.close();
    }
    for (const analyte of analytes) {
      if (analyte.unit === null) continue;
      const known = units.get(analyte.code);
      if (known === undefined) {
        units.set(analyte.code, analyte.unit);
        continue;
      }
      if (known === analyte.unit) continue;
      const clash = {
        file: fileName(spec),
        header: analyte.header,
        code: analyte.code,
        fileUnit: analyte.unit,
        projectUnit: known,
      };
      clashes.push(clash);
      const convert = request.convertUnits === 'all' || (request.convertUnits ?? []).includes(analyte.code);
      if (!convert) continue;
      const byHeader = conversions.get(spec.path) ?? new Map();
      byHeader.set(analyte.header, { from: analyte.unit, to: known });
      conversions.set(spec.path, byHeader);
    }
  }
  const unresolved = clashes.filter(
    (clash) => !(request.convertUnits === 'all' || (request.convertUnits ?? []).includes(clash.code)),
  );
  if (unresolved.length > 0) throw clashError(unresolved);
  return { conversions, clashes };
}

function clashError(clashes: readonly UnitClash[]): ImportError {
  const byFile = new Map<string, UnitClash[]>();
  for (const clash of clashes) byFile.set(clash.file, [...(byFile.get(clash.file) ?? []), clash]);
  const parts = [...byFile].map(
    ([file, list]) =>
      `${file}: ${plural(list.length, 'assay column')} in another unit than the project stores ${list.length === 1 ? 'it' : 'them'} in: ${list.map(describeClash).join('; ')}.`,
  );
  const factors = [...new Set(clashes.map((clash) => conversionWords(clash.fileUnit, clash.projectUnit)))];
  const codes = [...new Set(clashes.map((clash) => clash.code))];
  return new ImportError(
    `${parts.join(' ')} Convert ${codes.length === 1 ? 'it' : 'them'} to the project's ${codes.length === 1 ? 'unit' : 'units'} (${factors.join('; ')}): choose Convert for ${codes.join(', ')} in the Import view, or add --convert-units to drillbench import. Or map the ${codes.length === 1 ? 'column' : 'columns'} to another analyte code.`,
    clashes.map((clash) => ({
      where: clash.file,
      column: clash.header,
      message: describeClash(clash),
    })),
  );
}
