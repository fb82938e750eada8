// The project's coordinate system as an EPSG code ("EPSG:32609"): how a typed code is read and checked,
// the names of the codes exploration projects commonly use, and whether a code is projected (metres or
// feet) or geographic (degrees). drillbench does not reproject; the code says what the stored eastings
// and northings mean, and lets imports notice coordinates that cannot be in it.

export type CrsKind = 'projected' | 'geographic';

export interface CrsInfo {
  code: string;
  name: string;
  kind: CrsKind;
}

const GEOGRAPHIC: Record<number, string> = {
  4326: 'WGS 84',
  4269: 'NAD83',
  4267: 'NAD27',
  4617: 'NAD83(CSRS)',
  4283: 'GDA94',
  7844: 'GDA2020',
  4258: 'ETRS89',
};

interface UtmFamily {
  first: number;
  last: number;
  /** The zone of the first code. */
  zone: number;
  name: (zone: number) => string;
}

// Families of projected systems whose codes run with the zone number.
const FAMILIES: UtmFamily[] = [
  { first: 32601, last: 32660, zone: 1, name: (zone) => `WGS 84 / UTM zone ${zone}N` },
  { first: 32701, last: 32760, zone: 1, name: (zone) => `WGS 84 / UTM zone ${zone}S` },
  { first: 26901, last: 26923, zone: 1, name: (zone) => `NAD83 / UTM zone ${zone}N` },
  { first: 26701, last: 26722, zone: 1, name: (zone) => `NAD27 / UTM zone ${zone}N` },
  { first: 25828, last: 25838, zone: 28, name: (zone) => `ETRS89 / UTM zone ${zone}N` },
  { first: 28348, last: 28358, zone: 48, name: (zone) => `GDA94 / MGA zone ${zone}` },
  { first: 7846, last: 7859, zone: 46, name: (zone) => `GDA2020 / MGA zone ${zone}` },
];

const EPSG_TEXT = /^\s*(?:epsg\s*:\s*)?(\d{4,5})\s*$/i;

/**
 * Reads a typed coordinate system: "EPSG:32609", "epsg: 32609" or "32609" all give "EPSG:32609"; an
 * empty text gives null (no coordinate system). Throws RangeError saying what to type otherwise.
 */
export function parseEpsgCode(text: string): string | null {
  if (text.trim() === '') return null;
  const match = EPSG_TEXT.exec(text);
  const digits = match?.[1];
  if (!digits || Number(digits) < 1024 || Number(digits) > 32767) {
    throw new RangeError(
      `"${text.trim()}" is not an EPSG code. Give the code of the coordinate system, such as EPSG:32609 (WGS 84 / UTM zone 9N) or EPSG:26911 (NAD83 / UTM zone 11N), or leave it empty for a local grid.`,
    );
  }
  return `EPSG:${Number(digits)}`;
}

/** Whether a stored text is an EPSG code in the form drillbench writes. */
export function isEpsgCode(text: string | null): text is string {
  return text !== null && /^EPSG:\d{4,5}$/.test(text);
}

/** What drillbench knows of a code: its name and kind; null for a code outside the common list. */
export function crsInfo(code: string | null): CrsInfo | null {
  if (!isEpsgCode(code)) return null;
  const number = Number(code.slice(5));
  const geographic = GEOGRAPHIC[number];
  if (geographic) return { code, name: geographic, kind: 'geographic' };
  for (const family of FAMILIES) {
    if (number >= family.first && number <= family.last) {
      return { code, name: family.name(family.zone + number - family.first), kind: 'projected' };
    }
  }
  return null;
}

/** The status bar's words for a project's coordinate system. */
export function describeCrs(stored: string | null): string {
  if (stored === null || stored.trim() === '') return 'No coordinate system';
  if (!isEpsgCode(stored)) return `${stored} (not an EPSG code)`;
  const info = crsInfo(stored);
  return info ? `${stored} ${info.name}` : stored;
}

/** The common codes offered when choosing one: geographic systems, then every zone of each family. */
export function commonCrsList(): CrsInfo[] {
  const list: CrsInfo[] = Object.entries(GEOGRAPHIC).map(([number, name]) => ({
    code: `EPSG:${number}`,
    name,
    kind: 'geographic',
  }));
  for (const family of FAMILIES) {
    for (let number = family.first; number <= family.last; number++) {
      list.push({
        code: `EPSG:${number}`,
        name: family.name(family.zone + number - family.first),
        kind: 'projected',
      });
    }
  }
  return list;
}
