// Reads stored results again when the project's missing-value codes change: a result whose lab text is
// a number added to the list becomes "no result", one taken off the list is read as the grid would read
// it again. Lab texts never change; each changed result is audited, the preferred result of its sample
// and analyte decided again, and its hole re-validated.
import type { Database } from '../../storage/project-db';
import { parseLabValue } from '../../domain/assay-values';
import type { LengthUnit } from '../../domain/model';
import { parseNumber } from '../../domain/table-fields';
import type { AuditEntry } from '../../storage/audit';
import { resultsWithNumberText, updateResultReading } from '../../storage/assay-results-store';
import { getSetting } from '../../storage/settings-store';
import { updatePreferred, type PairKey } from './preferred-results';
import { validateHoles, validationSettings } from '../validation/validate-project';

export interface RereadOutcome {
  changed: number;
  nowMissing: number;
  holes: number;
}

export function rereadMissingCodes(
  db: Database,
  lengthUnit: LengthUnit,
  change: { before: readonly number[]; after: readonly number[]; audit: (entry: AuditEntry) => void },
): RereadOutcome {
  const numbers = [...new Set([...change.before, ...change.after])];
  const options = {
    negativeIsBelowDetection: getSetting(db, 'assays.negative_is_below_detection') !== 'false',
    missingSentinels: change.after,
  };
  const write = updateResultReading(db);
  const pairs = new Map<string, PairKey>();
  const holes = new Set<number>();
  let changed = 0;
  let nowMissing = 0;
  for (const row of resultsWithNumberText(db, numbers)) {
    const number = parseNumber(row.lab_text);
    if (number === null || !numbers.includes(number)) continue;
    const reading = parseLabValue(row.lab_text, options);
    // Only the missing-value reading changes here: a result read otherwise at import (a negative stored
    // as unreadable because negatives were not below-detection codes in that file) keeps its reading.
    if (reading.flag !== 'missing' && row.flag !== 'missing') continue;
    if (reading.flag === row.flag && reading.value === row.value) continue;
    const key = { sample: row.sample, analyte: row.analyte, seq: row.seq };
    write(key, reading.value, reading.flag);
    change.audit({
      action: 'update',
      table: 'assay_results',
      rowId: row.sample,
      column: 'flag',
      oldValue: { ...key, value: row.value, flag: row.flag },
      newValue: { ...key, value: reading.value, flag: reading.flag },
    });
    changed++;
    if (reading.flag === 'missing') nowMissing++;
    pairs.set(`${row.sample}:${row.analyte}`, { sample: row.sample, analyte: row.analyte });
    holes.add(row.hole);
  }
  // A result without a number loses to a re-assay with one, and the other way round.
  updatePreferred(db, pairs.values(), change.audit);
  if (holes.size > 0) validateHoles(db, validationSettings(db, lengthUnit), [...holes]);
  return { changed, nowMissing, holes: holes.size };
}
