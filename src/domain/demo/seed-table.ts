// The table of "selected significant intersections" from Imperial Metals' news release of 25 October 2011
// (Ruddock Creek, Lower E zone), exactly as printed. The demo project is built to reproduce it, and tests
// read it from here so there is one copy.

export interface SeedRow {
  hole: string;
  /** True for the release's "and" rows: a second intercept in the hole above. */
  and: boolean;
  from: number;
  to: number;
  interval: number;
  trueThickness: number;
  zn: number;
  pb: number;
  /** Zn + Pb as printed; see PRINTED_SUM_NOTES for the one row where it is not the sum. */
  znPb: number;
}

const row = (
  hole: string,
  and: boolean,
  from: number,
  to: number,
  interval: number,
  trueThickness: number,
  zn: number,
  pb: number,
  znPb: number,
): SeedRow => ({ hole, and, from, to, interval, trueThickness, zn, pb, znPb });

export const SEED_TABLE: readonly SeedRow[] = [
  row('EUG-10-033', false, 69.8, 78.3, 8.5, 6.8, 10.75, 2.08, 12.83),
  row('EUG-10-033', true, 136.2, 142.6, 6.4, 5.2, 10.83, 2.26, 13.09),
  row('EUG-11-038', false, 55.0, 61.1, 6.1, 3.8, 16.75, 3.82, 20.57),
  row('EUG-11-038', true, 144.9, 148.7, 3.8, 3.5, 9.25, 1.8, 11.05),
  row('EUG-11-055', false, 77.4, 80.6, 3.2, 2.3, 20.05, 3.92, 23.97),
  row('EUG-11-057', false, 121.8, 132.5, 10.7, 6.2, 12.48, 2.0, 14.48),
  row('EUG-11-057', true, 134.5, 135.5, 1.0, 0.6, 14.03, 3.35, 17.38),
  row('EUG-11-058', false, 40.3, 48.4, 8.1, 4.2, 15.2, 3.31, 18.5),
  row('EUG-11-059', false, 93.7, 100.5, 6.8, 5.8, 16.13, 3.34, 19.47),
  row('EUG-11-059', true, 160.8, 163.5, 2.7, 2.0, 14.11, 2.96, 17.07),
  row('EUG-11-061', false, 109.9, 117.3, 7.4, 4.8, 13.0, 2.47, 15.47),
  row('EUG-11-065', false, 32.4, 39.8, 7.4, 6.8, 15.09, 3.0, 18.09),
  row('EUG-11-071', false, 42.0, 46.0, 4.0, 3.6, 10.82, 2.36, 13.18),
  row('EUG-11-071', true, 48.0, 49.6, 1.6, 1.5, 13.72, 3.51, 17.23),
  row('EUG-11-083', false, 55.1, 66.6, 11.5, 5.9, 11.64, 2.34, 13.99),
  row('EUG-11-083', true, 84.2, 100.8, 16.6, 8.4, 14.43, 2.27, 16.7),
  row('EUG-11-089', false, 78.9, 86.6, 7.7, 4.8, 11.87, 2.17, 14.04),
  row('EUG-11-092', false, 50.9, 53.8, 2.9, 2.4, 15.42, 3.63, 19.06),
  row('EUG-11-099', false, 6.1, 8.5, 2.4, 2.3, 14.45, 3.12, 17.57),
  row('EUG-11-100', false, 220.7, 226.0, 5.3, 2.5, 19.41, 2.99, 22.4),
  row('EUG-11-109', false, 248.8, 258.0, 9.2, 4.0, 11.8, 1.93, 13.82),
];

/**
 * Rows whose printed Zn+Pb is not what their printed Zn and Pb can add up to. EUG-11-109 prints 11.80 +
 * 1.93 = 13.82, but two values that round to 11.80 and 1.93 sum to at most 13.74: a typo in the release.
 * The demo's data gives the honest sum (13.73) there.
 */
export const PRINTED_SUM_NOTES: Readonly<Record<string, string>> = {
  'EUG-11-109 248.8':
    'Printed Zn+Pb 13.82 cannot come from Zn 11.80 and Pb 1.93 (at most 13.74); the data gives 13.73.',
};

/** The key PRINTED_SUM_NOTES uses for a row. */
export function seedRowKey(seedRow: Pick<SeedRow, 'hole' | 'from'>): string {
  return `${seedRow.hole} ${seedRow.from.toFixed(1)}`;
}

/** The holes of the table, in table order. */
export const SEED_HOLES: readonly string[] = [...new Set(SEED_TABLE.map((seedRow) => seedRow.hole))];
