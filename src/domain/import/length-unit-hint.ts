// A hint, never a decision, about whether a file's depths and coordinates are in metres or feet, from
// the numbers themselves: the import wizard pre-selects it and shows the evidence, and the user confirms.
import type { LengthUnit } from '../model';
import { METRES_PER_FOOT } from '../units';

export interface LengthUnitHint {
  unit: LengthUnit | null;
  /** The evidence in plain words, each sentence saying which way it points. */
  reasons: string[];
}

export interface LengthSample {
  /** Downhole depths (from, to, survey depth, end of hole). */
  depths: readonly number[];
  /** Sample or log interval lengths (to - from). */
  lengths?: readonly number[];
  eastings?: readonly number[];
  northings?: readonly number[];
}

/** Few exploration holes are deeper than this many metres; the same number of feet is ordinary. */
const DEEP_IN_METRES = 3000;

const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });

/**
 * True when a depth is a whole number of feet written in metres: 6.096 = 20 ft, 27.43 = 90 ft (rounded to
 * the centimetre, hence the 0.02 ft tolerance). About 4 % of arbitrary depths pass by chance.
 */
function isWholeFeetInMetres(value: number): boolean {
  if (Number.isInteger(value)) return false;
  const feet = value / METRES_PER_FOOT;
  return feet >= 1 && Math.abs(feet - Math.round(feet)) <= 0.02;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function detectLengthUnit(sample: LengthSample): LengthUnitHint {
  const forMetres: string[] = [];
  const forFeet: string[] = [];
  const depths = sample.depths.filter((value) => Number.isFinite(value) && value >= 0);
  if (depths.length > 0) {
    const deepest = Math.max(...depths);
    if (deepest > DEEP_IN_METRES) {
      forFeet.push(
        `the deepest depth is ${format(deepest)}; few holes are deeper than ${format(DEEP_IN_METRES)} m, so feet is likelier`,
      );
    }
    const fractional = depths.filter((value) => !Number.isInteger(value));
    const converted = fractional.filter(isWholeFeetInMetres);
    if (converted.length >= 20 && converted.length >= fractional.length * 0.25) {
      const examples = [...new Set(converted)].slice(0, 3).map(format).join(', ');
      forMetres.push(
        `${converted.length} depths (${examples}, ...) are whole feet written in metres, so the file is in metres (converted from feet)`,
      );
    }
  }
  const lengths = (sample.lengths ?? []).filter((value) => Number.isFinite(value) && value > 0);
  if (lengths.length >= 20) {
    const typical = median(lengths);
    const whole = lengths.filter((value) => Number.isInteger(value)).length / lengths.length;
    if (typical >= 5 && whole >= 0.8) {
      forFeet.push(
        `the typical sample length is ${format(typical)} and ${Math.round(whole * 100)} % of lengths are whole numbers, usual for sampling in feet (5 or 10 ft)`,
      );
    }
  }
  const eastings = (sample.eastings ?? []).filter(Number.isFinite);
  const northings = (sample.northings ?? []).filter(Number.isFinite);
  if (eastings.length > 0 && northings.length > 0) {
    const east = median(eastings);
    const north = median(northings);
    if (east > 1_000_000 && north < 1_000_000 && north > 0) {
      forFeet.push(
        `eastings near ${format(Math.round(east))} with northings near ${format(Math.round(north))} match no UTM zone in metres but look like a US State Plane grid in feet`,
      );
    }
  }
  if (forFeet.length > 0 && forMetres.length === 0) return { unit: 'ft', reasons: forFeet };
  if (forMetres.length > 0 && forFeet.length === 0) return { unit: 'm', reasons: forMetres };
  if (forFeet.length > 0) return { unit: null, reasons: [...forMetres, ...forFeet] };
  return {
    unit: null,
    reasons:
      depths.length > 0
        ? ['nothing in the numbers tells metres from feet; choose the unit the file was written in']
        : [],
  };
}

const UNIT_IN_HEADER = /(?:^|[_\s([-])(m|metres?|meters?|ft|feet|foot)(?:[)\]]|$)/i;

/** The length unit a column header states, as in `from_m`, `Depth (ft)`, `to feet`; null when none. */
export function headerLengthUnit(header: string): LengthUnit | null {
  const match = UNIT_IN_HEADER.exec(header.trim());
  if (!match) return null;
  return /^(ft|feet|foot)$/i.test(match[1]!) ? 'ft' : 'm';
}

/** Fields whose numbers are lengths in the file's unit. */
export const LENGTH_FIELDS = ['easting', 'northing', 'elevation', 'eoh', 'depth', 'depth_from', 'depth_to'];
