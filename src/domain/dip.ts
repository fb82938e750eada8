// Dip sign conventions. Calculations use negative-down (-90 straight down, +30 an up-hole); data may come
// either way, so conversion is explicit and detection only ever offers a hint with its evidence.
import type { DipConvention } from './model';

export function convertDip(dip: number, from: DipConvention, to: DipConvention): number {
  return from === to ? dip : -dip;
}

export function toNegativeDown(dip: number, stored: DipConvention): number {
  return convertDip(dip, stored, 'negative-down');
}

export interface DipConventionHint {
  convention: DipConvention | null;
  /** Plain words for the user: the evidence behind the hint. */
  reason: string;
}

/**
 * Guesses a data set's convention from its dips. Surface programmes drill mostly downward, so when nearly
 * every non-zero dip has one sign that sign means down. Mixed signs give no hint: the user must choose.
 */
export function detectDipConvention(dips: Iterable<number>): DipConventionHint {
  let negative = 0;
  let positive = 0;
  for (const dip of dips) {
    if (dip < 0) negative++;
    else if (dip > 0) positive++;
  }
  const signed = negative + positive;
  if (signed === 0) return { convention: null, reason: 'no non-zero dips to judge from' };
  const share = Math.max(negative, positive) / signed;
  const convention: DipConvention = negative >= positive ? 'negative-down' : 'positive-down';
  const summary = `${negative} negative and ${positive} positive dips`;
  if (share >= 0.8) return { convention, reason: `${summary}: most holes point down, so ${convention}` };
  return { convention: null, reason: `${summary}: too mixed to tell which sign is down` };
}
