// Reads what QA/QC judges from the project: the standards table, the analytes with their detection
// limits, the inserts' preferred results, and the project's QA/QC settings.
import type { Database } from '../../storage/project-db';
import { DEFAULT_QAQC, type QaqcSettings } from '../../domain/qaqc/qaqc-model';
import type { QcData } from '../../domain/qaqc/qaqc-report';
import {
  blankResults,
  duplicateResults,
  listStandards,
  qcAnalytes,
  standardResults,
  type QcAnalyteRecord,
} from '../../storage/qaqc-store';
import { getNumberSetting, setSetting } from '../../storage/settings-store';
import { StorageError } from '../../storage/storage-error';

const SETTING_KEYS = {
  blankFactor: 'qaqc.blank_factor',
  duplicateFactor: 'qaqc.duplicate_factor',
} as const;

export function qaqcSettings(db: Database): QaqcSettings {
  return {
    ...DEFAULT_QAQC,
    blankFactor: getNumberSetting(db, SETTING_KEYS.blankFactor, DEFAULT_QAQC.blankFactor),
    duplicateFactor: getNumberSetting(db, SETTING_KEYS.duplicateFactor, DEFAULT_QAQC.duplicateFactor),
  };
}

export function saveQaqcSettings(
  db: Database,
  change: Partial<Pick<QaqcSettings, 'blankFactor' | 'duplicateFactor'>>,
): void {
  for (const key of ['blankFactor', 'duplicateFactor'] as const) {
    const value = change[key];
    if (value !== undefined) setSetting(db, SETTING_KEYS[key], String(value));
  }
}

/** The analyte by its code, matched without regard to case; a refusal names the project's analytes. */
export function analyteByCode(db: Database, code: string): QcAnalyteRecord {
  const analytes = qcAnalytes(db);
  const found =
    analytes.find((a) => a.code === code) ??
    analytes.find((a) => a.code.toLowerCase() === code.toLowerCase());
  if (!found) {
    throw new StorageError(
      'not-found',
      analytes.length === 0
        ? `The project has no analytes yet, so there is no ${code}; import assays or a lab certificate first.`
        : `The project has no analyte ${code}; its analytes are ${analytes.map((a) => a.code).join(', ')}.`,
    );
  }
  return found;
}

/** Everything QA/QC needs, for one analyte or (without `analyte`) all of them. */
export function loadQcData(db: Database, analyte?: QcAnalyteRecord): QcData {
  const id = analyte?.id ?? null;
  const analytes = analyte ? [analyte] : qcAnalytes(db);
  return {
    analytes: analytes.map(({ code, unit, detectionLimit }) => ({ code, unit, detectionLimit })),
    standards: listStandards(db),
    standardResults: standardResults(db, id),
    blankResults: blankResults(db, id),
    duplicates: duplicateResults(db, id),
  };
}
