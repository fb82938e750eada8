// The geologist's log for each hole, end to end with no gaps: Shuswap host rocks (pelitic gneiss,
// quartzite, calc-silicate, marble, amphibolite, pegmatite) and, in the sampled stretches, sulphide
// units whose code follows the assays.
import type { HolePlan } from './hole-plans';
import { rngFor, type Rng } from './prng';

export const LITHOLOGY_CODES: readonly { code: string; description: string }[] = [
  { code: 'MSUL', description: 'Massive sulphide: sphalerite, galena, pyrrhotite, pyrite' },
  { code: 'SMSUL', description: 'Semi-massive sulphide in calc-silicate gneiss' },
  { code: 'DSUL', description: 'Disseminated sulphide in calc-silicate gneiss' },
  { code: 'CSG', description: 'Calc-silicate gneiss' },
  { code: 'MBL', description: 'Marble, locally graphitic' },
  { code: 'QZT', description: 'Quartzite' },
  { code: 'PGN', description: 'Pelitic gneiss and schist (biotite-sillimanite)' },
  { code: 'AMP', description: 'Amphibolite' },
  { code: 'PEG', description: 'Granitic pegmatite' },
];

const NOTES: Record<string, readonly string[]> = {
  MSUL: ['banded sphalerite-pyrrhotite', 'coarse galena in sphalerite', 'massive pyrrhotite-sphalerite'],
  SMSUL: ['sphalerite bands in diopside gneiss', 'semi-massive, with tremolite'],
  DSUL: ['disseminated sphalerite', 'weak sphalerite stringers'],
  PEG: ['white, muscovite-bearing', 'tourmaline pegmatite'],
};

export interface LoggedUnit {
  from: number;
  to: number;
  code: string;
  description: string | null;
}

function backgroundCode(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.34) return 'PGN';
  if (roll < 0.5) return 'QZT';
  if (roll < 0.7) return 'CSG';
  if (roll < 0.85) return 'MBL';
  if (roll < 0.93) return 'AMP';
  return 'PEG';
}

/** Code of a sampled interval from its Zn+Pb (hundredths). */
function sulphideCode(grade: number): string {
  if (grade >= 1200) return 'MSUL';
  if (grade >= 500) return 'SMSUL';
  if (grade >= 150) return 'DSUL';
  return 'CSG';
}

/** Units in dm, covering 0 to end of hole. */
export function logHole(seed: number, plan: HolePlan): LoggedUnit[] {
  const rng = rngFor(seed, 'lithology', plan.holeId);
  const forced: { from: number; to: number; code: string }[] = [];
  for (const section of plan.sections) {
    let at = section.from;
    for (const s of plan.samples.filter((x) => x.from >= section.from && x.to <= section.to)) {
      if (s.from > at) forced.push({ from: at, to: s.from, code: 'CSG' });
      forced.push({ from: s.from, to: s.to, code: sulphideCode(s.zn + s.pb) });
      at = s.to;
    }
    if (at < section.to) forced.push({ from: at, to: section.to, code: 'CSG' });
  }
  const units: { from: number; to: number; code: string }[] = [];
  let at = 0;
  const place = (from: number, to: number, code: string) => {
    if (to > from) units.push({ from, to, code });
  };
  for (const f of [...forced, { from: plan.eoh, to: plan.eoh, code: '' }]) {
    // Host rock between sampled stretches, in units of 3-30 m (pegmatite dykes 0.5-4 m).
    while (at < f.from) {
      const code = backgroundCode(rng);
      const length = code === 'PEG' ? rng.int(5, 40) : rng.int(30, 300);
      const to = f.from - (at + length) < 5 ? f.from : at + length;
      place(at, to, code);
      at = to;
    }
    place(f.from, f.to, f.code);
    at = Math.max(at, f.to);
  }
  const merged: LoggedUnit[] = [];
  for (const unit of units) {
    const previous = merged[merged.length - 1];
    if (previous && previous.code === unit.code && previous.to === unit.from) previous.to = unit.to;
    else merged.push({ ...unit, description: null });
  }
  for (const unit of merged) {
    const notes = NOTES[unit.code];
    unit.description = notes && rng.next() < 0.8 ? rng.pick(notes) : null;
  }
  return merged;
}
