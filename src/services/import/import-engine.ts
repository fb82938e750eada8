// The import engine behind `drillbench import`, the API and the import wizard: collars, surveys, assays
// and lithology from delimited files, in one transaction, converted to the project's unit and dip sign.
// A malformed file stops everything (nothing is written); a bad value refuses its row, which is listed
// with its line; rows that break cross-row rules are stored and flagged by validation.
import type {
  ImportControl,
  ImportedFileSummary,
  ImportRequest,
  ImportSummary,
} from '../../api/import-types';
import { basename } from 'node:path';
import type { LabValueOptions } from '../../domain/assay-values';
import {
  FILE_KINDS,
  mapHeaders,
  MappingError,
  type ColumnMapping,
  type FileKind,
} from '../../domain/import/header-mapping';
import type { AnalyteUnit, ProjectSettings } from '../../domain/model';
import { fieldSpec } from '../../domain/table-fields';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import { lastProblemId, problemsSince } from '../../storage/import-problems';
import { ImportWriter, withoutForeignKeyChecks } from '../../storage/import-writer';
import { countProblems } from '../../storage/problems-store';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { projectMissingSentinels } from '../settings/project-settings';
import { validationSettings } from '../validation/validate-project';
import { importAssayRows, noteAssayCodes } from './assay-import';
import { checkHeaderUnits, decideDipConvention, numericColumnJudge, openForImport } from './import-preflight';
import { holeFor, noteLookup, type ImportContext } from './import-context';
import { ImportCancelled, ImportError } from './import-errors';
import { rememberMappings, resultCodeMap } from './import-memory';
import { ImportSources } from './import-sources';
import { ImportValidation } from './import-validation';
import { RowReader, RowRefusal } from './row-reading';

export { ImportCancelled, ImportError };

class DryRunFinished extends Error {}

const spec = (table: 'holes' | 'surveys' | 'samples' | 'lithology', key: string) => {
  const found = fieldSpec(table, key);
  if (!found) throw new Error(`No field ${table}.${key}`);
  return found;
};

const SPECS = {
  easting: spec('holes', 'easting'),
  northing: spec('holes', 'northing'),
  elevation: spec('holes', 'elevation'),
  collarAzimuth: spec('holes', 'azimuth'),
  collarDip: spec('holes', 'dip'),
  eoh: spec('holes', 'eoh'),
  startedOn: spec('holes', 'started_on'),
  completedOn: spec('holes', 'completed_on'),
  surveyDepth: spec('surveys', 'depth'),
  surveyAzimuth: spec('surveys', 'azimuth'),
  surveyDip: spec('surveys', 'dip'),
  lithFrom: spec('lithology', 'depth_from'),
  lithTo: spec('lithology', 'depth_to'),
};

function importFile(context: ImportContext, fileSpec: ImportRequest['files'][number]): ImportedFileSummary {
  const { request, writer } = context;
  const file = openForImport(context.sources, fileSpec);
  const labOptions = context.labOptions;
  let mapping: ColumnMapping;
  try {
    mapping = mapHeaders(fileSpec.kind, file.header, fileSpec.mapping, numericColumnJudge(file, labOptions));
    checkHeaderUnits(
      file.path,
      file.header,
      mapping,
      request.lengthUnit ?? context.project.length_unit,
      request.lengthUnit !== undefined,
    );
  } catch (error) {
    file.close();
    if (error instanceof MappingError) throw new ImportError(`${file.path}: ${error.message}`);
    throw error;
  }
  const noUnit = mapping.analytes.filter((analyte) => analyte.unit === null);
  if (noUnit.length > 0) {
    file.close();
    const first = noUnit[0]!;
    throw new ImportError(
      `${fileSpec.path}: assay column${noUnit.length > 1 ? 's' : ''} ${noUnit.map((a) => `"${a.header}"`).join(', ')} ${noUnit.length > 1 ? 'have' : 'has'} no unit. Name the column with a unit suffix (${first.code}_pct, ${first.code}_ppm, ${first.code}_ppb, ${first.code}_gpt) or give the unit: --analyte-unit ${first.header}=%.`,
    );
  }
  // Every unit is known here: columns without one were refused above.
  let analytes: (ColumnMapping['analytes'][number] & { unit: AnalyteUnit; id: number })[];
  try {
    analytes = mapping.analytes.map((analyte) => ({
      ...analyte,
      unit: analyte.unit as AnalyteUnit,
      id: writer.analyteId({ code: analyte.code, unit: analyte.unit as AnalyteUnit }).id,
    }));
  } catch (error) {
    file.close();
    if (error instanceof StorageError) throw new ImportError(`${file.path}: ${error.message}`);
    throw error;
  }
  const reader = new RowReader(
    {
      decimalComma: file.dialect.decimalComma,
      fileUnit: request.lengthUnit ?? context.project.length_unit,
      projectUnit: context.project.length_unit,
      fileDips: context.dips.files,
      projectDips: context.project.dip_convention,
    },
    file.header,
  );
  const f = mapping.fields;
  let rows = 0;
  let stored = 0;
  let refused = 0;
  const seenCollars = new Map<string, number>();
  const handleRow = (fields: string[], line: number) => {
    switch (fileSpec.kind) {
      case 'collars': {
        const holeId = reader.requiredText(fields, f.hole_id, 'hole ID');
        const earlier = seenCollars.get(holeId);
        if (earlier !== undefined)
          throw new RowRefusal(
            file.header[f.hole_id!] ?? null,
            `hole ${holeId} already has a collar row at line ${earlier}; keep one.`,
          );
        if (writer.holeRowId(holeId) !== undefined) {
          throw new RowRefusal(
            file.header[f.hole_id!] ?? null,
            `hole ${holeId} is already in the project; edit it there instead of importing it again.`,
          );
        }
        const hole = {
          hole_id: holeId,
          easting: reader.length(fields, f.easting, SPECS.easting),
          northing: reader.length(fields, f.northing, SPECS.northing),
          elevation: reader.length(fields, f.elevation, SPECS.elevation),
          azimuth: reader.azimuth(fields, f.azimuth, SPECS.collarAzimuth),
          dip: reader.dip(fields, f.dip, SPECS.collarDip),
          eoh: reader.length(fields, f.eoh, SPECS.eoh),
          hole_type: reader.text(fields, f.hole_type),
          station: reader.text(fields, f.station),
          program: reader.text(fields, f.program),
          started_on: reader.date(fields, f.started_on, SPECS.startedOn),
          completed_on: reader.date(fields, f.completed_on, SPECS.completedOn),
          comments: reader.text(fields, f.comments),
        };
        seenCollars.set(holeId, line);
        const id = writer.insertHole(hole);
        context.validation.holeCreated({
          id,
          hole_id: holeId,
          eoh: hole.eoh,
          easting: hole.easting,
          northing: hole.northing,
          elevation: hole.elevation,
        });
        if (hole.hole_type && writer.ensureLookup('hole_type', hole.hole_type, null))
          noteLookup(context, 'hole_type', hole.hole_type);
        return;
      }
      case 'surveys': {
        const holeId = reader.requiredText(fields, f.hole_id, 'hole ID');
        const depth = reader.length(fields, f.depth, SPECS.surveyDepth)!;
        const azimuth = reader.azimuth(fields, f.azimuth, SPECS.surveyAzimuth)!;
        const dip = reader.dip(fields, f.dip, SPECS.surveyDip)!;
        const hole = holeFor(context, holeId);
        const method = reader.text(fields, f.method);
        const id = writer.insertSurvey(hole, depth, azimuth, dip, method, reader.text(fields, f.comments));
        context.validation.survey(hole, { id, depth, azimuth, dip });
        if (method && writer.ensureLookup('survey_method', method, null))
          noteLookup(context, 'survey_method', method);
        return;
      }
      case 'lithology': {
        const holeId = reader.requiredText(fields, f.hole_id, 'hole ID');
        const from = reader.length(fields, f.depth_from, SPECS.lithFrom)!;
        const to = reader.length(fields, f.depth_to, SPECS.lithTo)!;
        const code = reader.requiredText(fields, f.code, 'lithology code');
        const description = reader.text(fields, f.description);
        const hole = holeFor(context, holeId);
        const id = writer.insertLithology(hole, from, to, code, description, reader.text(fields, f.comments));
        context.validation.lithology.add(hole, {
          id,
          depth_from: from,
          depth_to: to,
          label: `Lithology ${code}`,
        });
        if (writer.ensureLookup('lithology', code, description)) noteLookup(context, 'lithology', code);
        return;
      }
    }
  };
  let results: ImportedFileSummary['results'] = {};
  let missingCodes: ImportedFileSummary['missingCodes'] = [];
  if (fileSpec.kind === 'assays') {
    const read = importAssayRows(context, fileSpec, file, mapping, analytes);
    ({ rows, stored, refused, results, missingCodes } = read);
    noteAssayCodes(context, basename(fileSpec.path), missingCodes, read.implausibleLimits);
  } else {
    file.forEachRow(
      (row) => {
        rows++;
        if ((rows & 4095) === 0 && context.control.isCancelled?.()) throw new ImportCancelled();
        try {
          handleRow(row.fields, row.line);
          stored++;
        } catch (error) {
          if (!(error instanceof RowRefusal)) throw error;
          refused++;
          context.refused.push({
            file: file.path,
            line: row.line,
            column: error.column,
            message: error.message,
          });
        }
      },
      (bytesRead) =>
        context.control.onProgress?.({
          file: fileSpec.path,
          kind: fileSpec.kind,
          bytesRead,
          totalBytes: file.size,
          rows,
        }),
    );
  }
  context.control.onProgress?.({
    file: fileSpec.path,
    kind: fileSpec.kind,
    bytesRead: file.size,
    totalBytes: file.size,
    rows,
  });
  if (reader.azimuth360 > 0) {
    context.notes.push(
      `${fileSpec.path}: ${reader.azimuth360} azimuth${reader.azimuth360 > 1 ? 's' : ''} of 360 stored as 0 (the same direction).`,
    );
  }
  if (file.encodingFellBack)
    context.notes.push(`${fileSpec.path} is not UTF-8; it was read as Windows-1252.`);
  context.usedMappings.push({
    spec: fileSpec,
    header: file.header,
    mapping,
    dialect: file.dialect,
    sheet: file.sheet,
    encoding: file.encoding,
  });
  for (const ignored of mapping.ignored) {
    context.notes.push(
      `${fileSpec.path}: column ${ignored.column + 1} "${ignored.header}" was not imported (not a ${fileSpec.kind} field${fileSpec.kind === 'assays' ? ' nor a numeric analyte column' : ''}); map it if it matters.`,
    );
  }
  return {
    path: fileSpec.path,
    kind: fileSpec.kind,
    format: file.format,
    sheet: file.sheet,
    encoding: file.encoding,
    delimiter: file.dialect.delimiter,
    decimalComma: file.dialect.decimalComma,
    rows,
    stored,
    refused,
    analytes: mapping.analytes.map((a) => ({ header: a.header, code: a.code, unit: a.unit as AnalyteUnit })),
    ignoredColumns: mapping.ignored.map((i) => i.header),
    results,
    missingCodes,
  };
}

const KIND_ORDER = new Map<FileKind, number>(FILE_KINDS.map((kind, index) => [kind, index]));

/** Runs an import. Throws ImportError (nothing written) for a malformed file or an unusable request. */
export function runImport(
  db: Database,
  project: ProjectSettings,
  request: ImportRequest,
  who: { osUser: string; source: ChangeSource },
  control: ImportControl = {},
  /** XLSX sheets spooled beforehand (ImportSources.prepare); delimited files need nothing. */
  sources: ImportSources = new ImportSources(),
): ImportSummary {
  if (request.files.length === 0)
    throw new ImportError(
      'No files to import: give at least one of --collars, --surveys, --assays, --lithology.',
    );
  const dips = decideDipConvention(request, project, sources);
  const labOptions: LabValueOptions = {
    negativeIsBelowDetection: request.negativeIsBelowDetection ?? true,
    codes: resultCodeMap(request.resultCodes),
    missingSentinels: projectMissingSentinels(db),
  };
  const problemsBefore = lastProblemId(db);
  const files = [...request.files].sort(
    (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0),
  );
  let summary: ImportSummary | undefined;
  const work = db.transaction(() => {
    const writer = new ImportWriter(db);
    const context: ImportContext = {
      db,
      project,
      request,
      control,
      writer,
      dips,
      refused: [],
      notes: [],
      validation: new ImportValidation(db, validationSettings(db, project.length_unit)),
      createdWithoutCollar: [],
      newLookups: new Map(),
      sources,
      labOptions,
      usedMappings: [],
    };
    const fileSummaries = files.map((file) => importFile(context, file));
    if (request.allOrNothing && context.refused.length > 0) {
      const first = context.refused[0]!;
      throw new ImportError(
        `${context.refused.length} row${context.refused.length > 1 ? 's were' : ' was'} refused, so nothing was imported (all-or-nothing). First: ${first.file}, line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}`,
      );
    }
    writer.flush();
    const ranges = writer.writtenRanges();
    const fileUnit = request.lengthUnit ?? project.length_unit;
    if (fileUnit !== project.length_unit)
      context.notes.push(`Depths and coordinates converted from ${fileUnit} to ${project.length_unit}.`);
    if (dips.files !== project.dip_convention)
      context.notes.push(`Dips converted from ${dips.files} to ${project.dip_convention} (sign flipped).`);
    if (dips.how === 'detected')
      context.notes.push(
        `Dip convention detected as ${dips.files}: ${dips.reason}. Pass --dip-convention to override.`,
      );
    if (context.createdWithoutCollar.length > 0) {
      const names = context.createdWithoutCollar;
      context.notes.push(
        `${names.length} hole${names.length > 1 ? 's' : ''} had intervals or surveys but no collar row and ${names.length > 1 ? 'were' : 'was'} created without coordinates (flagged): ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}.`,
      );
    }
    for (const [list, codes] of context.newLookups) {
      context.notes.push(
        `Added ${codes.length} code${codes.length > 1 ? 's' : ''} to the ${list} list: ${codes.slice(0, 30).join(', ')}${codes.length > 30 ? ', ...' : ''}.`,
      );
    }
    const changeSet = beginChangeSet(db, {
      source: who.source,
      osUser: who.osUser,
      description: `Import ${files.map((file) => `${file.kind} ${file.path}`).join('; ')}`,
    });
    const audit = createAuditWriter(db, changeSet);
    for (const [table, range] of Object.entries(ranges)) {
      if (range.count === 0) continue;
      const extra = table === 'samples' ? { assay_results: writer.assayResults } : {};
      audit({
        action: 'import',
        table,
        rowId: null,
        column: null,
        oldValue: null,
        newValue: { ...range, ...extra, files: files.map((file) => file.path) },
      });
    }
    if (request.rememberMapping && !request.dryRun)
      rememberMappings(db, context.usedMappings, request, who.osUser, audit);
    context.validation.finish();
    summary = {
      dryRun: request.dryRun ?? false,
      committed: !(request.dryRun ?? false),
      lengthUnit: { files: fileUnit, project: project.length_unit },
      dipConvention: dips,
      files: fileSummaries,
      counts: {
        holes: ranges.holes.count,
        surveys: ranges.surveys.count,
        samples: ranges.samples.count,
        assayResults: writer.assayResults,
        lithology: ranges.lithology.count,
        lookupCodes: [...context.newLookups.values()].reduce((sum, codes) => sum + codes.length, 0),
      },
      refused: context.refused,
      notes: context.notes,
      problems: countProblems(db),
      touchedProblems: problemsSince(db, problemsBefore),
      changeSet: request.dryRun ? null : changeSet,
    };
    if (request.dryRun) throw new DryRunFinished();
  });
  // Every reference the import writes points at a row it created or read in this same transaction, so
  // per-row foreign-key lookups only cost time (a fifth of a million-row import): they are off for the
  // bulk write only.
  try {
    withoutForeignKeyChecks(db, () => work.immediate());
  } catch (error) {
    if (!(error instanceof DryRunFinished)) throw error;
  }
  if (!summary) throw new Error('Import finished without a summary.');
  return summary;
}
