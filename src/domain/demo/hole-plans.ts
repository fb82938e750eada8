// Plans for the 76 holes: collar, direction controls, end of hole and regular samples (in dm and
// hundredths). The release's 15 holes follow their designs; the other 61 are drawn from the seed as fans
// from their stations that cross the lenses with weaker or thinner mineralisation.
import { approach } from './horizon';
import {
  haloGrades,
  intervals,
  partition,
  seedIntervalSamples,
  wasteGrades,
  zoneSamples,
  type GradedSample,
} from './interval-grades';
import { rngFor, type Rng } from './prng';
import { PRINTED_SUM_NOTES, seedRowKey, type SeedRow } from './seed-table';
import { sectionExtent, seedDesignFor, seedRowsOf, toDm, type SeedHoleDesign } from './seed-holes';
import { holeIdFor, programmeHoleNumbers, stationForHole, type DrillStation } from './stations';
import { normalizeAzimuth, roundTenth, type DirectionControl } from './survey-path';

/** The release's total: 76 holes, 14,133.4 m. */
export const PROGRAMME_METRES_DM = 141_334;

export interface HolePlan {
  number: number;
  holeId: string;
  station: DrillStation;
  easting: number;
  northing: number;
  elevation: number;
  azimuth: number;
  dip: number;
  /** End of hole, dm. */
  eoh: number;
  controls: DirectionControl[];
  /** Reflex shot spacing, dm. */
  surveySpacing: number;
  /** Regular samples in depth order. */
  samples: GradedSample[];
  /** Sampled stretches (dm), each logged in detail. */
  sections: { from: number; to: number }[];
  /** Seed intercepts (dm): field duplicates are not taken from them, so they hold only regular samples. */
  intercepts: { from: number; to: number }[];
  up: boolean;
  comments: string | null;
}

type Draft = Omit<HolePlan, 'eoh' | 'controls'> & {
  /** Depth (dm) the hole must reach: the end of its last sampled stretch. */
  reach: number;
  /** Extra depth beyond `reach`: fixed (seed holes, up-holes) or a share of the programme's remainder. */
  tail: { fixed: number } | { weight: number };
  finish: (eoh: number) => DirectionControl[];
};

/** Waste core from `from` to `to` (dm) in 1-2 m samples; the pieces touching ore carry a weak halo. */
function wasteRun(rng: Rng, from: number, to: number, haloAtStart: boolean, haloAtEnd: boolean) {
  if (to - from < 3) return [];
  const max = to - from <= 30 ? 15 : 20;
  const pieces = intervals(from, partition(rng, to - from, max === 15 ? 5 : 10, max));
  return pieces.map((p, i): GradedSample => {
    const halo = (haloAtStart && i === 0) || (haloAtEnd && i === pieces.length - 1);
    return { ...p, ...(halo ? haloGrades(rng) : wasteGrades(rng)) };
  });
}

/** Averages to aim at: where printed Zn+Pb is one hundredth off Zn + Pb, both move a third of it. */
function targetsFor(seedRow: SeedRow): { zn: number; pb: number } {
  const offset = Math.round((seedRow.znPb - seedRow.zn - seedRow.pb) * 100);
  if (PRINTED_SUM_NOTES[seedRowKey(seedRow)] !== undefined || offset === 0) {
    return { zn: seedRow.zn, pb: seedRow.pb };
  }
  if (Math.abs(offset) > 1) throw new Error(`demo generator: ${seedRowKey(seedRow)} Zn+Pb is not a rounding`);
  return { zn: seedRow.zn + offset / 300, pb: seedRow.pb + offset / 300 };
}

function collarNear(rng: Rng, station: DrillStation) {
  return {
    easting: Math.round((station.easting + rng.uniform(-1.5, 1.5)) * 100) / 100,
    northing: Math.round((station.northing + rng.uniform(-1.5, 1.5)) * 100) / 100,
    elevation: Math.round((station.elevation + 1.5 + rng.uniform(-0.3, 0.3)) * 100) / 100,
  };
}

/** A gentle turn: at most `perHundred` deg per 100 m in each of azimuth and dip. */
function drift(rng: Rng, control: DirectionControl, length: number, perHundred: number, depth: number) {
  const scale = (perHundred * length) / 1000;
  return {
    depth,
    azimuth: normalizeAzimuth(roundTenth(control.azimuth + rng.uniform(-1, 1) * scale)),
    dip: Math.max(-89.9, Math.min(89.9, roundTenth(control.dip + rng.uniform(-1, 1) * scale))),
  };
}

function planSeedHole(seed: number, number: number, design: SeedHoleDesign): Draft {
  const rng = rngFor(seed, 'seed-hole', design.holeId);
  const eoh = toDm(design.eoh);
  const rows = seedRowsOf(design.holeId);
  // Rows less than 20 m apart are sampled as one stretch; farther apart, the core between is not sampled.
  const groups: SeedRow[][] = [];
  for (const seedRow of rows) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && toDm(seedRow.from) - toDm(previous.to) <= 200) group.push(seedRow);
    else groups.push([seedRow]);
  }
  const samples: GradedSample[] = [];
  const sections: { from: number; to: number }[] = [];
  for (const group of groups) {
    const first = toDm(group[0]!.from);
    const last = toDm(group[group.length - 1]!.to);
    const start = first - Math.min(rng.int(40, 80), first - 10);
    const end = last + Math.min(rng.int(40, 80), eoh - last - 30);
    samples.push(...wasteRun(rng, start, first, false, true));
    group.forEach((seedRow, i) => {
      samples.push(
        ...seedIntervalSamples(rng, {
          from: toDm(seedRow.from),
          to: toDm(seedRow.to),
          ...targetsFor(seedRow),
        }),
      );
      const next = group[i + 1];
      if (next) samples.push(...wasteRun(rng, toDm(seedRow.to), toDm(next.from), true, true));
    });
    samples.push(...wasteRun(rng, last, end, true, false));
    sections.push({ from: start, to: end });
  }
  const straight = design.sections.map((s) => ({
    ...sectionExtent(design.holeId, s),
    azimuth: s.azimuth,
    dip: s.dip,
  }));
  const firstSection = straight[0]!;
  const collarDirection =
    firstSection.from >= 150
      ? drift(rng, { depth: 0, ...firstSection }, firstSection.from, 1.5, 0)
      : { depth: 0, azimuth: firstSection.azimuth, dip: firstSection.dip };
  const controls: DirectionControl[] = [collarDirection];
  for (const s of straight) {
    if (s.from > 0) controls.push({ depth: s.from, azimuth: s.azimuth, dip: s.dip });
    controls.push({ depth: s.to, azimuth: s.azimuth, dip: s.dip });
  }
  const lastControl = controls[controls.length - 1]!;
  return {
    number,
    holeId: design.holeId,
    station: stationForHole(number),
    ...collarNear(rng, stationForHole(number)),
    azimuth: collarDirection.azimuth,
    dip: collarDirection.dip,
    surveySpacing: rng.pick([300, 500]),
    samples,
    sections,
    intercepts: rows.map((r) => ({ from: toDm(r.from), to: toDm(r.to) })),
    up: collarDirection.dip > 0,
    comments: design.comments,
    reach: eoh,
    tail: { fixed: 0 },
    finish: (end) => [...controls, drift(rng, lastControl, end - lastControl.depth, 1.2, end)],
  };
}

interface Crossing {
  depth: number;
  thickness: number;
  average: number;
}

function planGeneratedHole(seed: number, number: number, station: DrillStation): Draft {
  const rng = rngFor(seed, 'hole', number);
  const up = station.lensAbove !== null && rng.next() < 0.18;
  let azimuth = 135;
  let dip = up ? 45 : -45;
  // Fans: azimuths near the station's sections, dips spread; keep holes that meet their lens at a useful
  // angle (|d . n| from 0.45 to 0.98), heading down through a lens below or up through one above.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const a = normalizeAzimuth(roundTenth(rng.pick(station.fanAzimuths) + rng.uniform(-15, 15)));
    const d = roundTenth(up ? rng.uniform(12, 65) : rng.uniform(-85, -8));
    const toward = approach(a, d) * (up ? 1 : -1);
    if (toward >= 0.45 && toward <= 0.98) {
      azimuth = a;
      dip = d;
      break;
    }
  }
  const ratio = Math.abs(approach(azimuth, dip));
  const crossings: Crossing[] = [];
  const undulate = () => rng.uniform(0.94, 1.06);
  if (up) {
    crossings.push({
      depth: ((station.lensAbove ?? 0) / ratio) * undulate(),
      thickness: rng.uniform(0.3, 2.2),
      average: rng.uniform(0.8, 7),
    });
  } else {
    const strong = rng.next() < 0.45;
    crossings.push({
      depth: (station.lensBelow / ratio) * undulate(),
      thickness: rng.uniform(0.4, 3.5),
      average: strong ? rng.uniform(5, 11) : rng.uniform(1, 4.5),
    });
    const lower = ((station.lensBelow + station.lowerLensGap) / ratio) * undulate();
    if (lower <= 380)
      crossings.push({ depth: lower, thickness: rng.uniform(0.3, 2.5), average: rng.uniform(0.5, 6) });
  }
  const samples: GradedSample[] = [];
  const sections: { from: number; to: number }[] = [];
  for (const crossing of crossings) {
    const from = toDm(crossing.depth);
    const length = Math.max(3, Math.round((crossing.thickness / ratio) * 10));
    const start = from - Math.min(rng.int(30, 60), from - 10);
    const end = from + length + rng.int(30, 60);
    samples.push(...wasteRun(rng, start, from, false, true));
    samples.push(...zoneSamples(rng, from, length, crossing.average));
    samples.push(...wasteRun(rng, from + length, end, true, false));
    sections.push({ from: start, to: end });
  }
  const collar: DirectionControl = { depth: 0, azimuth, dip };
  return {
    number,
    holeId: holeIdFor(number),
    station,
    ...collarNear(rng, station),
    azimuth,
    dip,
    surveySpacing: rng.pick([300, 500]),
    samples,
    sections,
    intercepts: [],
    up,
    comments: up ? 'Up-hole to the hanging-wall lens.' : null,
    reach: sections[sections.length - 1]?.to ?? 300,
    tail: up ? { fixed: rng.int(30, 120) } : { weight: rng.uniform(0.6, 1.4) },
    finish: (end) => [collar, drift(rng, collar, end, 2, end)],
  };
}

/** Every hole's plan, in drilling order, with ends of hole that add up to the programme's metres. */
export function planHoles(seed: number): HolePlan[] {
  const drafts = programmeHoleNumbers().map((number) => {
    const design = seedDesignFor(holeIdFor(number));
    return design
      ? planSeedHole(seed, number, design)
      : planGeneratedHole(seed, number, stationForHole(number));
  });
  let remainder = PROGRAMME_METRES_DM;
  let weights = 0;
  let open = 0;
  for (const draft of drafts) {
    remainder -= draft.reach;
    if ('fixed' in draft.tail) remainder -= draft.tail.fixed;
    else {
      weights += draft.tail.weight;
      open++;
    }
  }
  // Each open-ended hole runs at least 10 m past its last sample; the rest is shared by weight, and the
  // rounding left over goes to the last hole so the total is exact.
  const spare = remainder - open * 100;
  if (spare < 0) throw new Error(`demo generator: seed ${seed} leaves ${remainder / 10} m for ${open} holes`);
  const tails = drafts.map((d) =>
    'fixed' in d.tail ? d.tail.fixed : 100 + Math.floor((spare * d.tail.weight) / weights),
  );
  const used = tails.reduce((sum, t, i) => sum + t + drafts[i]!.reach, 0);
  const lastOpen = drafts.map((d) => 'weight' in d.tail).lastIndexOf(true);
  tails[lastOpen] = tails[lastOpen]! + PROGRAMME_METRES_DM - used;
  return drafts.map((draft, i) => {
    const { reach, tail: _tail, finish, ...plan } = draft;
    const eoh = reach + tails[i]!;
    return { ...plan, eoh, controls: finish(eoh) };
  });
}
