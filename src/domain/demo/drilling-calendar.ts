// Start and finish dates for the programme: one underground drill from late November 2010, a Christmas
// break after hole 37, and the last hole finished in July 2011, as the release says.

const DAY = 86_400_000;
const PROGRAMME_START = Date.UTC(2010, 10, 24);
const RESTART_2011 = Date.UTC(2011, 0, 5);
/** Metres a day with two 12-hour shifts, and days to move rods and set up, between holes and stations. */
const METRES_PER_DAY = 85;
const SET_UP_DAYS = 0.4;
const STATION_MOVE_DAYS = 2.5;

export interface DrillingDates {
  started_on: string;
  completed_on: string;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Dates for holes in drilling order, from their end-of-hole depths (m) and stations. */
export function drillingDates(
  holes: readonly { holeId: string; eoh: number; station: string }[],
): DrillingDates[] {
  let clock = PROGRAMME_START;
  let station: string | null = null;
  return holes.map((hole) => {
    if (hole.holeId.startsWith('EUG-11') && clock < RESTART_2011) clock = RESTART_2011;
    if (station !== null && station !== hole.station) clock += STATION_MOVE_DAYS * DAY;
    station = hole.station;
    const start = clock;
    clock += (hole.eoh / METRES_PER_DAY + SET_UP_DAYS) * DAY;
    return { started_on: isoDate(start), completed_on: isoDate(clock) };
  });
}
