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
  /** Holes whose dips point the other way: up-holes under the convention found (or all, when none). */
  otherWay: string[];
}

/** One dip reading of a hole: its collar dip or one of its survey stations. */
export interface HoleDip {
  hole: string;
  dip: number;
}

const names = (holes: readonly string[], limit = 10) =>
  holes.length <= limit
    ? holes.join(', ')
    : `${holes.slice(0, limit).join(', ')} and ${holes.length - limit} more`;

const holeCount = (n: number) => (n === 1 ? '1 hole' : `${n} holes`);

/**
 * Guesses a data set's convention from its holes, not its readings: a hole (collar dip and surveys
 * together) is an up-hole or a down-hole as a whole, so one up-hole with 50 gyro stations counts once.
 * Each hole votes with the sign most of its non-zero dips have; when nearly every voting hole (80 %) has
 * one sign, that sign is down and the others are up-holes. Holes split too evenly give no hint: the
 * user must choose.
 */
export function detectDipConvention(readings: Iterable<HoleDip>): DipConventionHint {
  const counts = new Map<string, { negative: number; positive: number }>();
  for (const { hole, dip } of readings) {
    if (dip === 0 || Number.isNaN(dip)) continue;
    let count = counts.get(hole);
    if (!count) {
      count = { negative: 0, positive: 0 };
      counts.set(hole, count);
    }
    if (dip < 0) count.negative++;
    else count.positive++;
  }
  const negative: string[] = [];
  const positive: string[] = [];
  const even: string[] = [];
  for (const [hole, count] of counts) {
    if (count.negative > count.positive) negative.push(hole);
    else if (count.positive > count.negative) positive.push(hole);
    else even.push(hole);
  }
  const voting = negative.length + positive.length;
  const evenNote =
    even.length === 0
      ? ''
      : `; ${names(even)} ${even.length === 1 ? 'has' : 'have'} as many dips of each sign and ${even.length === 1 ? 'is' : 'are'} not counted`;
  if (voting === 0) {
    return { convention: null, reason: `no non-zero dips to judge from${evenNote}`, otherWay: [] };
  }
  const convention: DipConvention = negative.length >= positive.length ? 'negative-down' : 'positive-down';
  const [down, up] = convention === 'negative-down' ? [negative, positive] : [positive, negative];
  const clear = down.length / voting >= 0.8;
  // When the answer is not clear every hole is named, so the user can see which to check.
  const listed = (holes: string[]) => (!clear && holes.length > 0 ? ` (${names(holes)})` : '');
  const summary = `${holeCount(negative.length)} with negative dips${listed(negative)}, ${holeCount(positive.length)} with positive dips${listed(positive)}`;
  if (!clear) {
    return {
      convention: null,
      reason: `${summary}: too mixed to tell which sign is down${evenNote}`,
      otherWay: [...negative, ...positive],
    };
  }
  const upNote =
    up.length === 0
      ? ''
      : `; ${names(up)} ${up.length === 1 ? 'is read as an up-hole' : 'are read as up-holes'}`;
  return {
    convention,
    reason: `${summary}: most holes point down, so ${convention}${upNote}${evenNote}`,
    otherWay: up,
  };
}
