// The standards table as a lookup the user keeps: add, change or delete a line, or import a CSV/XLSX
// file of them. Every change is audited and brings the QA/QC warnings up to date. An import with a bad
// line writes nothing and lists every bad line with its column.
import { basename } from 'node:path';
import type { Database } from '../../storage/project-db';
import type { StandardsImportSummary, StandardSaveInput } from '../../api/qaqc-types';
import type { AnalyteUnit } from '../../domain/model';
import type { StandardValue } from '../../domain/qaqc/qaqc-model';
import { checkStandard, parseStandardsRows } from '../../domain/qaqc/standards-table';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import {
  deleteStandard,
  findStandard,
  insertStandard,
  listStandards,
  qcAnalytes,
  setDetectionLimit,
  updateStandard,
  type StandardRecord,
} from '../../storage/qaqc-store';
import { StorageError } from '../../storage/storage-error';
import { readCertificateRows } from '../certificates/certificate-import';
import { analyteByCode } from './qaqc-data';
import { refreshQaqcWarnings, type QaqcWarningsState } from './qaqc-upkeep';

export interface Who {
  osUser: string;
  source: ChangeSource;
}

function unitLookup(db: Database): (analyte: string) => AnalyteUnit | null {
  const analytes = qcAnalytes(db);
  return (code) => analytes.find((a) => a.code.toLowerCase() === code.toLowerCase())?.unit ?? null;
}

function audited(db: Database, who: Who, description: string) {
  return createAuditWriter(db, beginChangeSet(db, { source: who.source, osUser: who.osUser, description }));
}

const asRow = (standard: StandardValue) => ({
  code: standard.code,
  analyte: standard.analyte,
  certified_value: standard.certifiedValue,
  sd: standard.sd,
  unit: standard.unit,
  source: standard.source,
});

/** Adds a line, or changes the line `id`. Refuses a second line for one standard and analyte. */
export function saveStandard(db: Database, input: StandardSaveInput, who: Who): StandardRecord[] {
  const { standard, problems } = checkStandard(
    {
      code: input.code,
      analyte: input.analyte,
      value: String(input.value),
      sd: String(input.sd),
      unit: input.unit ?? '',
      source: input.source ?? '',
    },
    unitLookup(db),
  );
  if (!standard) throw new StorageError('refused', problems.map((p) => p.message).join(' '));
  db.transaction(() => {
    const clash = findStandard(db, standard.code, standard.analyte);
    if (clash && clash.id !== input.id) {
      throw new StorageError(
        'exists',
        `${clash.code} ${clash.analyte} is already in the standards table (${clash.certifiedValue} ± ${clash.sd} ${clash.unit}); change that line instead.`,
      );
    }
    if (input.id === undefined) {
      const id = insertStandard(db, standard);
      audited(
        db,
        who,
        `Add standard ${standard.code} ${standard.analyte}`,
      )({
        action: 'insert',
        table: 'qaqc_standards',
        rowId: id,
        column: null,
        oldValue: null,
        newValue: asRow(standard),
      });
    } else {
      const before = listStandards(db).find((row) => row.id === input.id);
      if (!before)
        throw new StorageError(
          'not-found',
          'That line of the standards table was deleted meanwhile; reload.',
        );
      updateStandard(db, input.id, standard);
      audited(
        db,
        who,
        `Change standard ${standard.code} ${standard.analyte}`,
      )({
        action: 'update',
        table: 'qaqc_standards',
        rowId: input.id,
        column: null,
        oldValue: asRow(before),
        newValue: asRow(standard),
      });
    }
    refreshQaqcWarnings(db);
  })();
  return listStandards(db);
}

export function removeStandard(db: Database, id: number, who: Who): StandardRecord[] {
  db.transaction(() => {
    const before = listStandards(db).find((row) => row.id === id);
    if (!before)
      throw new StorageError('not-found', 'That line of the standards table is already gone; reload.');
    deleteStandard(db, id);
    audited(
      db,
      who,
      `Delete standard ${before.code} ${before.analyte}`,
    )({
      action: 'delete',
      table: 'qaqc_standards',
      rowId: id,
      column: null,
      oldValue: asRow(before),
      newValue: null,
    });
    refreshQaqcWarnings(db);
  })();
  return listStandards(db);
}

/** Reads a standards file (CSV, TSV or XLSX: code, analyte, value, sd, [unit], [source]) and stores it. */
export async function importStandards(
  db: Database,
  request: { path: string; dryRun?: boolean; sheet?: string },
  who: Who,
): Promise<StandardsImportSummary> {
  const rows = await readCertificateRows({ path: request.path, sheet: request.sheet });
  const parsed = parseStandardsRows(rows, unitLookup(db));
  const summary: StandardsImportSummary = {
    path: request.path,
    dryRun: request.dryRun ?? false,
    committed: false,
    read: parsed.standards.length,
    added: [],
    updated: [],
    unchanged: 0,
    problems: parsed.problems,
    warnings: null,
  };
  if (parsed.problems.length > 0) return summary;
  const name = (s: StandardValue) => `${s.code} ${s.analyte}`;
  db.transaction(() => {
    const audit = request.dryRun
      ? null
      : audited(db, who, `Standards table from ${basename(request.path)} (${parsed.standards.length} lines)`);
    for (const { line: _line, ...standard } of parsed.standards) {
      const before = findStandard(db, standard.code, standard.analyte);
      if (!before) {
        summary.added.push(name(standard));
        if (audit) {
          const id = insertStandard(db, standard);
          audit({
            action: 'insert',
            table: 'qaqc_standards',
            rowId: id,
            column: null,
            oldValue: null,
            newValue: asRow(standard),
          });
        }
        continue;
      }
      const same =
        before.certifiedValue === standard.certifiedValue &&
        before.sd === standard.sd &&
        before.unit === standard.unit &&
        before.source === standard.source;
      if (same) {
        summary.unchanged++;
        continue;
      }
      summary.updated.push(name(standard));
      if (audit) {
        // The codes keep the spelling already in the table; only the figures change.
        const next = { ...standard, code: before.code, analyte: before.analyte };
        updateStandard(db, before.id, next);
        audit({
          action: 'update',
          table: 'qaqc_standards',
          rowId: before.id,
          column: null,
          oldValue: asRow(before),
          newValue: asRow(next),
        });
      }
    }
    if (audit) summary.warnings = refreshQaqcWarnings(db);
  })();
  summary.committed = !summary.dryRun;
  return summary;
}

/** Sets an analyte's detection limit (blanks are judged against a multiple of it). Audited. */
export function saveDetectionLimit(
  db: Database,
  analyte: string,
  limit: number | null,
  who: Who,
): QaqcWarningsState {
  const found = analyteByCode(db, analyte);
  if (limit !== null && !(limit > 0))
    throw new StorageError('refused', `A detection limit is a number above 0, not ${limit}.`);
  return db.transaction(() => {
    setDetectionLimit(db, found.id, limit);
    audited(
      db,
      who,
      `Detection limit of ${found.code}`,
    )({
      action: 'update',
      table: 'analytes',
      rowId: found.id,
      column: 'detection_limit',
      oldValue: found.detectionLimit,
      newValue: limit,
    });
    return refreshQaqcWarnings(db);
  })();
}
