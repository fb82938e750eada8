// Length units and their conversion; depths and coordinates are stored in the project's unit.
import type { LengthUnit } from './model';

export const METRES_PER_FOOT = 0.3048;

export function convertLength(value: number, from: LengthUnit, to: LengthUnit): number {
  if (from === to) return value;
  return from === 'ft' ? value * METRES_PER_FOOT : value / METRES_PER_FOOT;
}

/** Converts and rounds away binary noise (1e-9 of the unit) so 10 ft reads 3.048 m, not 3.0480000000000005. */
export function convertLengthClean(value: number, from: LengthUnit, to: LengthUnit): number {
  if (from === to) return value;
  return Math.round(convertLength(value, from, to) * 1e9) / 1e9;
}

export function unitLabel(unit: LengthUnit): string {
  return unit === 'm' ? 'm' : 'ft';
}
