// What every file of one import shares while its rows are written: the writer, the validation that
// follows the stream, the conventions decided for the files, and what the summary will report.
import type { ImportControl, ImportRequest, ImportSummary, RefusedRow } from '../../api/import-types';
import type { LabValueOptions } from '../../domain/assay-values';
import type { ProjectSettings } from '../../domain/model';
import type { ImportWriter } from '../../storage/import-writer';
import type { Database } from '../../storage/project-db';
import type { ImportSources } from './import-sources';
import type { UsedMapping } from './import-memory';
import type { ImportValidation } from './import-validation';

export interface ImportContext {
  db: Database;
  project: ProjectSettings;
  request: ImportRequest;
  control: ImportControl;
  writer: ImportWriter;
  dips: ImportSummary['dipConvention'];
  refused: RefusedRow[];
  notes: string[];
  validation: ImportValidation;
  createdWithoutCollar: string[];
  newLookups: Map<string, string[]>;
  sources: ImportSources;
  labOptions: LabValueOptions;
  usedMappings: UsedMapping[];
}

/** The hole's row id; intervals or surveys for a hole with no collar create it, flagged by validation. */
export function holeFor(context: ImportContext, holeId: string): number {
  const existing = context.writer.holeRowId(holeId);
  if (existing !== undefined) return existing;
  // A hole ID may be a slice of a large batch text: keep a copy of its own, not the whole batch.
  const id = Buffer.from(holeId, 'utf8').toString('utf8');
  context.createdWithoutCollar.push(id);
  const row = context.writer.insertHole({
    hole_id: id,
    easting: null,
    northing: null,
    elevation: null,
    azimuth: null,
    dip: null,
    eoh: null,
    hole_type: null,
    station: null,
    program: null,
    started_on: null,
    completed_on: null,
    comments: 'Created by import: intervals or surveys arrived without a collar row.',
  });
  context.validation.holeCreated({
    id: row,
    hole_id: id,
    eoh: null,
    easting: null,
    northing: null,
    elevation: null,
  });
  return row;
}

export function noteLookup(context: ImportContext, list: string, code: string): void {
  const codes = context.newLookups.get(list);
  if (codes) codes.push(code);
  else context.newLookups.set(list, [code]);
}
