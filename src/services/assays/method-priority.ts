// The project's method priority per analyte: listing the methods each analyte has results by, and
// changing the order, which re-decides every preferred result of that analyte in one audited change.
import type { AnalyteMethods, MethodPriorityResult } from '../../api/import-wizard-types';
import { PREFERRED_RULE } from '../../domain/certificates/preferred-result';
import type { LengthUnit } from '../../domain/model';
import {
  analytesByCode,
  methodCounts,
  methodPriority,
  pairsToDecide,
  reassayCounts,
  replaceMethodPriority,
} from '../../storage/assay-results-store';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';
import { validateHoles, validationSettings } from '../validation/validate-project';
import { updatePreferred } from './preferred-results';

export function listAnalyteMethods(db: Database): AnalyteMethods[] {
  const counts = methodCounts(db);
  const reassays = reassayCounts(db);
  return analytesByCode(db).map((analyte) => ({
    analyte: analyte.code,
    unit: analyte.unit,
    priority: methodPriority(db, analyte.id),
    methods: counts
      .filter((count) => count.analyte === analyte.id)
      .map(({ method, results, preferred }) => ({ method, results, preferred })),
    samplesWithReassays: reassays.get(analyte.id) ?? 0,
  }));
}

export function setMethodPriority(
  db: Database,
  lengthUnit: LengthUnit,
  input: { analyte: string; methods: readonly string[] },
  who: { osUser: string; source: ChangeSource },
): MethodPriorityResult {
  const analyte = analytesByCode(db).find((entry) => entry.code === input.analyte);
  if (!analyte) {
    throw new StorageError(
      'not-found',
      `There is no analyte "${input.analyte}" in this project; check the code (analytes are case-sensitive).`,
    );
  }
  const methods = input.methods.map((method) => method.trim());
  const seen = new Set<string>();
  for (const method of methods) {
    const key = method.toUpperCase();
    if (seen.has(key))
      throw new StorageError('refused', `Method ${method} is listed twice; list each method once.`);
    seen.add(key);
  }
  let result: MethodPriorityResult | undefined;
  const holes = new Set<number>();
  db.transaction(() => {
    const before = methodPriority(db, analyte.id);
    const changeSet = beginChangeSet(db, {
      source: who.source,
      osUser: who.osUser,
      description: `Method priority for ${analyte.code}: ${methods.join(' > ') || '(none)'}`,
    });
    const audit = createAuditWriter(db, changeSet);
    audit({
      action: 'update',
      table: 'method_priorities',
      rowId: analyte.id,
      column: 'methods',
      oldValue: before,
      newValue: { methods, rule: PREFERRED_RULE },
    });
    replaceMethodPriority(db, analyte.id, methods);
    const pairs = pairsToDecide(db, analyte.id);
    for (const pair of pairs) holes.add(pair.hole);
    const update = updatePreferred(
      db,
      pairs.map((pair) => ({ sample: pair.sample, analyte: analyte.id })),
      audit,
    );
    result = { analyte: analyte.code, priority: methods, changed: update.changed, changeSet };
  })();
  // Preferred results feed the assay rules: re-check the holes whose results were re-decided.
  if (holes.size > 0) validateHoles(db, validationSettings(db, lengthUnit), [...holes]);
  // A re-decided result can move a QA/QC insert's value or batch.
  if (holes.size > 0) refreshQaqcWarnings(db);
  return result!;
}
