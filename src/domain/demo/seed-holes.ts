// How the fifteen holes of the release are drilled in the demo: station, end of hole, and the straight
// sections that carry their intercepts. Each seed intercept lies inside a run of survey stations with one
// azimuth and dip (plus a margin), so minimum curvature makes the chord exactly that direction and the
// estimated true thickness is length x |d . n|. The directions were searched on a 0.1 deg grid so that
// this product lands on the table's thickness.
import { SEED_TABLE, type SeedRow } from './seed-table';

export interface StraightSection {
  /** Which of the hole's seed rows (0 first, 1 the "and" row) the section carries. */
  rows: readonly number[];
  azimuth: number;
  dip: number;
}

export interface SeedHoleDesign {
  holeId: string;
  /** End of hole, m. */
  eoh: number;
  sections: readonly StraightSection[];
  comments: string | null;
}

/** Survey stations bracket each straight section this far (dm) beyond its intercepts, rounded out to 1 m. */
export const SECTION_MARGIN_DM = 15;

const design = (
  holeId: string,
  eoh: number,
  sections: readonly StraightSection[],
  comments: string | null = null,
): SeedHoleDesign => ({ holeId, eoh, sections, comments });
const section = (rows: readonly number[], azimuth: number, dip: number): StraightSection => ({
  rows,
  azimuth,
  dip,
});

/*
 * Notes on the harder rows. EUG-11-057 and -071 have two intercepts 2.0 m apart, too close for a bend
 * between them, so one direction serves both and the thickness errors are balanced (057: 6.21 and 0.58;
 * 071: 3.64 and 1.46, all within 0.05 m). EUG-11-038's rows need ratios 0.62 and 0.92, which no direction
 * change under 28.6 deg can give: the hole steepens sharply between its lenses and carries dogleg warnings.
 * EUG-11-059 aims at 5.77 and 2.03 (within 0.03 m of 5.8 and 2.0) so its bend stays under 6 deg/30 m.
 */
export const SEED_HOLE_DESIGNS: readonly SeedHoleDesign[] = [
  design('EUG-10-033', 171.0, [section([0], 138.3, -24.7), section([1], 138.0, -25.9)]),
  design(
    'EUG-11-038',
    166.5,
    [section([0], 142.2, -10.3), section([1], 142.1, -39.0)],
    'Reflex shots show the hole steepening about 29 deg between the two lenses; readings repeated.',
  ),
  design('EUG-11-055', 104.6, [section([0], 224.5, -54.6)]),
  design('EUG-11-057', 160.2, [section([0, 1], 315.0, -64.0)]),
  design('EUG-11-058', 61.5, [section([0], 46.0, 36.7)], 'Up-hole to the hanging-wall lens.'),
  design('EUG-11-059', 185.4, [section([0], 134.0, -29.6), section([1], 134.0, -20.3)]),
  design('EUG-11-061', 140.1, [section([0], 225.8, -48.0)]),
  design('EUG-11-065', 52.0, [section([0], 314.0, 38.3)], 'Up-hole to the hanging-wall lens.'),
  design('EUG-11-071', 75.3, [section([0, 1], 135.0, -37.1)]),
  design('EUG-11-083', 126.0, [section([0], 315.0, -59.4), section([1], 315.0, -58.9)]),
  design('EUG-11-089', 111.6, [section([0], 224.3, -44.8)]),
  design('EUG-11-092', 80.4, [section([0], 134.0, -27.4)]),
  design('EUG-11-099', 29.1, [section([0], 315.0, 44.9)], 'Up-hole; lens 6 m above the station.'),
  design('EUG-11-100', 251.5, [section([0], 299.3, -56.0)], 'Step-out to the west.'),
  design('EUG-11-109', 282.9, [section([0], 285.7, -51.9)], 'Step-out to the west.'),
];

export function seedRowsOf(holeId: string): SeedRow[] {
  return SEED_TABLE.filter((seedRow) => seedRow.hole === holeId);
}

export function seedDesignFor(holeId: string): SeedHoleDesign | undefined {
  return SEED_HOLE_DESIGNS.find((d) => d.holeId === holeId);
}

/** Depths in dm, from metres with one decimal; integer arithmetic keeps boundaries exact. */
export function toDm(metres: number): number {
  return Math.round(metres * 10);
}

/** Survey-station depths (dm) that bracket a straight section: whole metres outside the margin. */
export function sectionExtent(holeId: string, straight: StraightSection): { from: number; to: number } {
  const rows = seedRowsOf(holeId);
  const chosen = straight.rows.map((index) => {
    const found = rows[index];
    if (!found) throw new Error(`demo generator: ${holeId} has no seed row ${index}`);
    return found;
  });
  const first = Math.min(...chosen.map((r) => toDm(r.from)));
  const last = Math.max(...chosen.map((r) => toDm(r.to)));
  return {
    from: Math.max(0, Math.floor((first - SECTION_MARGIN_DM) / 10) * 10),
    to: Math.ceil((last + SECTION_MARGIN_DM) / 10) * 10,
  };
}
