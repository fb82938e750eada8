// Which of several results for one sample and analyte calculations use. Re-assays are kept beside the
// original (never averaged); the choice is a rule the user can read and change through the project's
// method priority per analyte.
import type { AssayFlag } from '../model';

export interface ResultCandidate {
  seq: number;
  method: string | null;
  flag: AssayFlag;
}

/** The rule in words, for the docs, the API and the audit log. */
export const PREFERRED_RULE =
  'A measured result (a number or below detection) beats an over-limit result (">10"), which beats one without a number (NS, IS, missing, unreadable); among equals the method ranked higher in the analyte\'s method priority wins (unlisted methods rank last); among those the earliest result (lowest seq) is kept.';

function tier(flag: AssayFlag): number {
  if (flag === 'value' || flag === 'bdl') return 0;
  if (flag === 'odl') return 1;
  return 2;
}

/**
 * The seq of the preferred result. `priority` lists methods best first; comparison of method names
 * ignores case and surrounding spaces.
 */
export function preferredSeq(results: readonly ResultCandidate[], priority: readonly string[]): number {
  if (results.length === 0) throw new RangeError('No results to choose from.');
  const ranks = new Map(priority.map((method, index) => [method.trim().toUpperCase(), index]));
  const rank = (method: string | null) =>
    method === null ? priority.length : (ranks.get(method.trim().toUpperCase()) ?? priority.length);
  let best = results[0]!;
  for (const candidate of results.slice(1)) {
    const byTier = tier(candidate.flag) - tier(best.flag);
    const byRank = rank(candidate.method) - rank(best.method);
    if (byTier < 0 || (byTier === 0 && (byRank < 0 || (byRank === 0 && candidate.seq < best.seq))))
      best = candidate;
  }
  return best.seq;
}
