// Sample intervals and their Zn and Pb for the demo. Grades are whole hundredths of a percent (the lab
// reports two decimals) and depths whole decimetres, so a seed intercept's length-weighted average is an
// exact ratio of integers and can be steered onto the release's value instead of merely near it.
import type { Rng } from './prng';

export interface GradedSample {
  /** Depths in dm. */
  from: number;
  to: number;
  /** Zn and Pb in hundredths of a percent; 0 is reported as below detection (<0.01). */
  zn: number;
  pb: number;
}

/** Lowest Zn+Pb (hundredths) of an ore sample and highest of a waste sample: a full percent either side of
 * the 5 % cutoff, so no rule about detection limits or rounding can move a sample across it. */
export const ORE_FLOOR = 600;
export const WASTE_CEILING = 350;

/** Splits a length (dm) into pieces between `min` and `max`; a length under `min` stays one piece. */
export function partition(rng: Rng, length: number, min: number, max: number): number[] {
  if (length <= max) return [length];
  const pieces: number[] = [];
  let remaining = length;
  while (remaining > max) {
    const piece = rng.int(min, Math.min(max, remaining - min));
    pieces.push(piece);
    remaining -= piece;
  }
  pieces.push(remaining);
  return pieces;
}

/** Consecutive intervals from `from` with these lengths. */
export function intervals(from: number, lengths: readonly number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let at = from;
  for (const length of lengths) {
    out.push({ from: at, to: at + length });
    at += length;
  }
  return out;
}

/** Below-cutoff core next to ore: weakly mineralised calc-silicate, never near the cutoff. */
export function haloGrades(rng: Rng): { zn: number; pb: number } {
  return { zn: rng.int(60, 260), pb: rng.int(10, 70) };
}

/** Barren host rock; some results below detection. */
export function wasteGrades(rng: Rng): { zn: number; pb: number } {
  const zn = rng.next() < 0.05 ? 0 : rng.int(1, 50);
  const pb = rng.next() < 0.15 ? 0 : rng.int(1, 15);
  return { zn, pb };
}

export interface SeedIntervalTarget {
  from: number;
  to: number;
  /** Length-weighted averages to hit, in percent. */
  zn: number;
  pb: number;
}

/**
 * Samples for one seed intercept: pieces of 0.5-1.5 m, ore at both ends, at most two internal waste samples
 * of up to 1.0 m (never adjacent, so no waste run is longer than 1.0 m), and Zn and Pb whose weighted
 * averages are the targets rounded to the nearest step the interval's length allows (0.01 % / length in
 * dm). A layout whose sample lengths cannot reach that step exactly is drawn again.
 */
export function seedIntervalSamples(rng: Rng, target: SeedIntervalTarget): GradedSample[] {
  const length = target.to - target.from;
  const goals = { zn: Math.round(target.zn * 100 * length), pb: Math.round(target.pb * 100 * length) };
  for (let attempt = 0; attempt < 100; attempt++) {
    const pieces = intervals(target.from, partition(rng, length, 5, 15));
    const lengths = pieces.map((p) => p.to - p.from);
    const waste = internalWaste(rng, lengths);
    const ore = lengths.map((_, i) => !waste.has(i));
    const fixed = lengths.map((_, i) => (waste.has(i) ? haloGrades(rng) : { zn: 0, pb: 0 }));
    const shape = lengths.map(() => Math.min(1.6, Math.max(0.6, Math.exp(0.28 * rng.normal()))));
    const pbShape = shape.map((w) => Math.min(1.7, Math.max(0.5, w * Math.exp(0.15 * rng.normal()))));
    for (let squeeze = 0; squeeze < 12; squeeze++) {
      const zn = steer(
        shape,
        lengths,
        ore,
        fixed.map((v) => v.zn),
        goals.zn,
      );
      const pb = steer(
        pbShape,
        lengths,
        ore,
        fixed.map((v) => v.pb),
        goals.pb,
      );
      if (!zn || !pb) break;
      const fits = ore.every(
        (isOre, i) => !isOre || (zn[i]! + pb[i]! >= ORE_FLOOR && zn[i]! <= 2900 && pb[i]! <= 1500),
      );
      if (fits) return pieces.map((p, i) => ({ from: p.from, to: p.to, zn: zn[i]!, pb: pb[i]! }));
      // Too spiky for the bounds: flatten the profile toward its mean and try again.
      for (let i = 0; i < shape.length; i++) {
        shape[i] = 1 + 0.6 * (shape[i]! - 1);
        pbShape[i] = 1 + 0.6 * (pbShape[i]! - 1);
      }
    }
  }
  throw new Error(`demo generator: no grades fit the seed interval at ${target.from / 10} m`);
}

/** Indexes of interior pieces of at most 1.0 m turned to waste, none adjacent: in about 3 of 4 long rows. */
function internalWaste(rng: Rng, lengths: readonly number[]): Set<number> {
  const total = lengths.reduce((sum, l) => sum + l, 0);
  const waste = new Set<number>();
  const count = total >= 60 && rng.next() < 0.75 ? (total >= 100 && rng.next() < 0.5 ? 2 : 1) : 0;
  for (let tries = 0; waste.size < count && tries < 20; tries++) {
    const i = rng.int(1, lengths.length - 2);
    if (lengths[i]! > 10 || waste.has(i - 1) || waste.has(i + 1)) continue;
    waste.add(i);
  }
  return waste;
}

/**
 * Ore values proportional to `shape` whose length-weighted sum with the fixed waste values is exactly
 * `goal` (hundredths x dm): scaled, rounded to hundredths, then corrected by a few hundredths on chosen
 * samples. Null when the ore lengths cannot make that sum.
 */
function steer(
  shape: readonly number[],
  lengths: readonly number[],
  ore: readonly boolean[],
  fixed: readonly number[],
  goal: number,
): number[] | null {
  let fixedSum = 0;
  let shapeSum = 0;
  lengths.forEach((l, i) => {
    if (ore[i]) shapeSum += shape[i]! * l;
    else fixedSum += fixed[i]! * l;
  });
  const base = (goal - fixedSum) / shapeSum;
  const values = lengths.map((_, i) => (ore[i] ? Math.round(base * shape[i]!) : fixed[i]!));
  const residual = goal - values.reduce((sum, v, i) => sum + v * lengths[i]!, 0);
  const steps = correction(
    lengths.map((l, i) => (ore[i] ? l : 0)),
    residual,
  );
  return steps && values.map((v, i) => v + steps[i]!);
}

const MAX_STEP = 15;

/**
 * Integer steps k_i in [-15, 15] with sum k_i w_i = residual exactly, minimising sum |k_i|, by dynamic
 * programming over partial sums (bounded near the residual, which is where useful paths stay). Weights of
 * 0 take no step. Null when no such steps exist.
 */
export function correction(weights: readonly number[], residual: number): number[] | null {
  const span = Math.abs(residual) + MAX_STEP * Math.max(0, ...weights);
  const size = 2 * span + 1;
  let cost = new Float64Array(size).fill(Infinity);
  cost[span] = 0;
  const choices: Int8Array[] = [];
  for (const w of weights) {
    const next = new Float64Array(size).fill(Infinity);
    const pick = new Int8Array(size);
    for (let s = 0; s < size; s++) {
      if (cost[s] === Infinity) continue;
      for (let k = w === 0 ? 0 : -MAX_STEP; k <= (w === 0 ? 0 : MAX_STEP); k++) {
        const t = s + k * w;
        const c = cost[s]! + Math.abs(k);
        if (t >= 0 && t < size && c < next[t]!) {
          next[t] = c;
          pick[t] = k;
        }
      }
    }
    cost = next;
    choices.push(pick);
  }
  let at = span + residual;
  if (cost[at] === Infinity) return null;
  const steps = weights.map(() => 0);
  for (let i = weights.length - 1; i >= 0; i--) {
    steps[i] = choices[i]![at]!;
    at -= steps[i]! * weights[i]!;
  }
  return steps;
}

/**
 * Samples across a zone of weaker mineralisation (non-seed holes): average Zn+Pb near `average` percent,
 * about five parts zinc to one of lead, noisy from sample to sample.
 */
export function zoneSamples(rng: Rng, from: number, length: number, average: number): GradedSample[] {
  const pieces = intervals(from, partition(rng, length, 5, 15));
  const pbShare = rng.uniform(0.13, 0.22);
  return pieces.map((p) => {
    const total = Math.max(0.02, average * Math.exp(0.35 * rng.normal()));
    const pb = Math.round(total * pbShare * 100);
    return { ...p, zn: Math.round(total * 100) - pb, pb };
  });
}
