// The seven underground drill stations of the demo: cut-outs along the E zone decline, with the distances
// (perpendicular to the horizon) to the lenses their holes were aimed at. The horizon is folded and
// undulates, so these distances are local to each station rather than one surface for all of them.

export interface DrillStation {
  code: string;
  /** Decline chainage of the cut-out, metres from the portal. */
  chainage: number;
  easting: number;
  northing: number;
  /** Floor of the cut-out; collars sit about 1.5 m above it. */
  elevation: number;
  /** Distance down to the Lower E lens, m. */
  lensBelow: number;
  /** Distance down from the Lower E lens to the lower lens, m. */
  lowerLensGap: number;
  /** Distance up to a hanging-wall lens that up-holes test, or null when none was drilled from here. */
  lensAbove: number | null;
  /** Azimuths the station's fans were laid out on. */
  fanAzimuths: readonly number[];
  /** First and last hole numbers drilled from the station (the drill worked one station at a time). */
  holeNumbers: readonly [number, number];
}

/**
 * Cut-outs every 50-60 m along the decline's last 350 m (heading about 290 at -15 %), alternating sides,
 * in NAD83 / UTM zone 11N near 51.70 N 118.90 W. Elevations are those of a level about 190 m below the
 * portal. The distances are chosen so the release's holes cross their lenses where the table says.
 */
export const STATIONS: readonly DrillStation[] = [
  station('DS-01', 945, 368758.4, 5729352.6, 1750.2, 40, 55, 22, [135, 315, 45], [44, 54]),
  station('DS-02', 1005, 368697.1, 5729357.2, 1741.4, 45, 58, null, [135, 140, 315], [33, 43]),
  station('DS-03', 1065, 368646.0, 5729392.9, 1732.3, 38, 55, 30, [135, 315, 225], [65, 75]),
  station('DS-04', 1125, 368585.2, 5729398.7, 1723.5, 69, 56, 21, [225, 315, 45, 135], [55, 64]),
  station('DS-05', 1185, 368535.8, 5729433.0, 1714.4, 28, 60, 40, [315, 135, 270], [77, 87]),
  station('DS-06', 1245, 368474.0, 5729440.8, 1705.6, 46, 55, null, [225, 135, 180], [88, 98]),
  station('DS-07', 1295, 368431.9, 5729470.4, 1698.1, 106, 60, 6, [300, 285, 315, 270], [99, 109]),
];

function station(
  code: string,
  chainage: number,
  easting: number,
  northing: number,
  elevation: number,
  lensBelow: number,
  lowerLensGap: number,
  lensAbove: number | null,
  fanAzimuths: readonly number[],
  holeNumbers: readonly [number, number],
): DrillStation {
  return {
    code,
    chainage,
    easting,
    northing,
    elevation,
    lensBelow,
    lowerLensGap,
    lensAbove,
    fanAzimuths,
    holeNumbers,
  };
}

/** Hole numbers 33 to 109 less one: number 76 was assigned to a planned hole that was never drilled. */
export const SKIPPED_HOLE_NUMBER = 76;

export function holeIdFor(holeNumber: number): string {
  // Drilling stopped for Christmas after hole 37; everything after carries the 2011 prefix.
  const year = holeNumber <= 37 ? '10' : '11';
  return `EUG-${year}-${String(holeNumber).padStart(3, '0')}`;
}

export function stationForHole(holeNumber: number): DrillStation {
  const found = STATIONS.find((s) => holeNumber >= s.holeNumbers[0] && holeNumber <= s.holeNumbers[1]);
  if (!found) throw new Error(`demo generator: no station drilled hole number ${holeNumber}`);
  return found;
}

/** Every hole number of the programme, in drilling order. */
export function programmeHoleNumbers(): number[] {
  const numbers: number[] = [];
  for (let n = 33; n <= 109; n++) if (n !== SKIPPED_HOLE_NUMBER) numbers.push(n);
  return numbers;
}
