// Keeps each sample's preferred result per analyte true to the rule in domain/certificates: after a
// certificate adds re-assays, and for a whole analyte when its method priority changes. Every mark that
// changes on a result which existed before is audited, so the change can be undone.
import { preferredSeq } from '../../domain/certificates/preferred-result';
import type { AuditEntry } from '../../storage/audit';
import { methodPriority, PreferredMarks } from '../../storage/assay-results-store';
import type { Database } from '../../storage/project-db';

export interface PairKey {
  sample: number;
  analyte: number;
}

export interface PreferredUpdate {
  /** Results whose mark changed. */
  changed: number;
  /** Results that were preferred before and are not any more (a re-assay took their place). */
  replaced: number;
}

/**
 * Re-decides the preferred result of each pair. `isNew` tells results written by the same action (their
 * first mark is part of that action, not an audited change).
 */
export function updatePreferred(
  db: Database,
  pairs: Iterable<PairKey>,
  audit: (entry: AuditEntry) => void,
  isNew: (pair: PairKey, seq: number) => boolean = () => false,
): PreferredUpdate {
  const marks = new PreferredMarks(db);
  const priorities = new Map<number, string[]>();
  const priorityOf = (analyte: number) => {
    let list = priorities.get(analyte);
    if (!list) {
      list = methodPriority(db, analyte);
      priorities.set(analyte, list);
    }
    return list;
  };
  const update: PreferredUpdate = { changed: 0, replaced: 0 };
  for (const pair of pairs) {
    const results = marks.results(pair.sample, pair.analyte);
    if (results.length === 0) continue;
    const best = preferredSeq(results, priorityOf(pair.analyte));
    for (const result of results) {
      const wanted = result.seq === best ? 1 : 0;
      if (result.preferred === wanted) continue;
      marks.set(pair.sample, pair.analyte, result.seq, wanted);
      update.changed++;
      if (!isNew(pair, result.seq)) {
        if (wanted === 0) update.replaced++;
        const key = { sample: pair.sample, analyte: pair.analyte, seq: result.seq };
        audit({
          action: 'update',
          table: 'assay_results',
          rowId: pair.sample,
          column: 'preferred',
          oldValue: { ...key, preferred: result.preferred },
          newValue: { ...key, preferred: wanted },
        });
      }
    }
  }
  return update;
}
