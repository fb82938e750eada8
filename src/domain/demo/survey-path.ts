// Downhole survey readings from a few direction controls: the direction is held or turned linearly (in
// azimuth and dip) between controls, and Reflex shots read it at a regular spacing plus at every control.
// Readings are kept to 0.1 deg, as an instrument reports them.

export interface DirectionControl {
  /** Depth in dm. */
  depth: number;
  azimuth: number;
  dip: number;
}

export interface PlannedSurvey {
  depth: number;
  azimuth: number;
  dip: number;
  method: 'COLLAR' | 'REFLEX';
}

export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Azimuth in [0, 360) without touching values already in range (keeps 0.1-deg values exact). */
export function normalizeAzimuth(azimuth: number): number {
  let a = azimuth;
  while (a < 0) a += 360;
  while (a >= 360) a -= 360;
  return a;
}

/** Signed smallest turn from one azimuth to another, in (-180, 180]. */
export function azimuthTurn(from: number, to: number): number {
  const turn = normalizeAzimuth(to - from);
  return turn > 180 ? turn - 360 : turn;
}

/** The direction at a depth: linear between the controls around it, held beyond the first and last. */
export function directionAt(
  controls: readonly DirectionControl[],
  depth: number,
): { azimuth: number; dip: number } {
  const first = controls[0];
  if (!first) throw new Error('demo generator: a hole needs at least one direction control');
  if (depth <= first.depth) return { azimuth: first.azimuth, dip: first.dip };
  for (let i = 1; i < controls.length; i++) {
    const a = controls[i - 1]!;
    const b = controls[i]!;
    if (depth > b.depth) continue;
    // Equal neighbours give exactly their own values: a straight section reads identically throughout.
    if (a.azimuth === b.azimuth && a.dip === b.dip) return { azimuth: a.azimuth, dip: a.dip };
    const t = (depth - a.depth) / (b.depth - a.depth);
    return {
      azimuth: normalizeAzimuth(roundTenth(a.azimuth + azimuthTurn(a.azimuth, b.azimuth) * t)),
      dip: roundTenth(a.dip + (b.dip - a.dip) * t),
    };
  }
  const last = controls[controls.length - 1]!;
  return { azimuth: last.azimuth, dip: last.dip };
}

/**
 * Survey stations: the collar, a shot every `spacing` dm, one at every control inside the hole, and a last
 * shot 3 m off bottom. Regular shots within 5 m of a control are dropped as the crew would not repeat them.
 */
export function planSurveys(
  controls: readonly DirectionControl[],
  eoh: number,
  spacing: number,
): PlannedSurvey[] {
  const depths = new Set<number>([0]);
  for (const control of controls) if (control.depth > 0 && control.depth < eoh) depths.add(control.depth);
  const fixed = [...depths];
  const near = (depth: number) => fixed.some((d) => Math.abs(d - depth) < 50);
  for (let depth = spacing; depth < eoh - 50; depth += spacing) if (!near(depth)) depths.add(depth);
  const bottom = eoh - 30;
  const sorted = [...depths].sort((a, b) => a - b);
  const deepest = sorted[sorted.length - 1] ?? 0;
  if (bottom - deepest >= 100) sorted.push(bottom);
  return sorted.map((depth) => ({
    depth,
    ...directionAt(controls, depth),
    method: depth === 0 ? 'COLLAR' : 'REFLEX',
  }));
}
