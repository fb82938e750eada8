// One hole's samples and assay results in columns (typed arrays), the input of compositing and
// intercepts. A storage scan fills a reusable buffer row by row, so a million samples make no objects.
import { ASSAY_FLAGS, type AssayFlag } from '../model';

/** Flags as small integers, in the order of ASSAY_FLAGS, so results fit a Uint8Array. */
export const FLAG = {
  value: 0,
  bdl: 1,
  odl: 2,
  ns: 3,
  is: 4,
  missing: 5,
  invalid: 6,
} as const satisfies Record<AssayFlag, number>;

export function flagCode(flag: AssayFlag): number {
  return FLAG[flag];
}

export function flagName(code: number): AssayFlag {
  return ASSAY_FLAGS[code] ?? 'invalid';
}

/**
 * Samples of one hole sorted by depth. Arrays may be longer than `count` (reused buffers). Results sit at
 * `[sample * analytes.length + analyte]`; a sample with no result for an analyte reads NaN / 'missing'.
 */
export interface HoleSamples {
  holeId: string;
  /** Analyte codes: the columns of `values` and `flags`. */
  analytes: readonly string[];
  count: number;
  from: Float64Array;
  to: Float64Array;
  /** Dry bulk density; NaN when not measured. */
  density: Float64Array;
  /** The stored number: the measurement, or the limit for 'bdl' and 'odl'; NaN when none. */
  values: Float64Array;
  flags: Uint8Array;
}

/** A growable HoleSamples for a storage scan: reset per hole, add samples, set results. */
export class HoleSamplesBuffer implements HoleSamples {
  holeId = '';
  count = 0;
  from: Float64Array;
  to: Float64Array;
  density: Float64Array;
  values: Float64Array;
  flags: Uint8Array;
  private capacity: number;

  constructor(
    readonly analytes: readonly string[],
    initialCapacity = 256,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.from = new Float64Array(this.capacity);
    this.to = new Float64Array(this.capacity);
    this.density = new Float64Array(this.capacity);
    this.values = new Float64Array(this.capacity * analytes.length);
    this.flags = new Uint8Array(this.capacity * analytes.length);
  }

  reset(holeId: string): void {
    this.holeId = holeId;
    this.count = 0;
  }

  /** Appends a sample (in depth order) with every result 'missing'; returns its index. */
  addSample(from: number, to: number, density: number | null): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.from[i] = from;
    this.to[i] = to;
    this.density[i] = density ?? NaN;
    const width = this.analytes.length;
    this.values.fill(NaN, i * width, (i + 1) * width);
    this.flags.fill(FLAG.missing, i * width, (i + 1) * width);
    return i;
  }

  /**
   * Appends a sample without touching its results: the caller must then write every analyte's value and
   * flag (`values`, `flags` at sample * analytes.length + analyte). For scans that read every result anyway.
   */
  appendSample(from: number, to: number, density: number | null): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.from[i] = from;
    this.to[i] = to;
    this.density[i] = density ?? NaN;
    return i;
  }

  setResult(sample: number, analyte: number, value: number | null, flag: AssayFlag): void {
    const at = sample * this.analytes.length + analyte;
    this.values[at] = value ?? NaN;
    this.flags[at] = FLAG[flag];
  }

  private grow(): void {
    const width = this.analytes.length;
    this.capacity *= 2;
    const copy = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T, size: number): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    const f64 = (n: number) => new Float64Array(n);
    this.from = copy(this.from, f64, this.capacity);
    this.to = copy(this.to, f64, this.capacity);
    this.density = copy(this.density, f64, this.capacity);
    this.values = copy(this.values, f64, this.capacity * width);
    this.flags = copy(this.flags, (n) => new Uint8Array(n), this.capacity * width);
  }
}

export interface SampleInput {
  from: number;
  to: number;
  density?: number | null;
  /** Results by analyte code; a plain number is a measured value. */
  results: Readonly<Record<string, number | { value: number | null; flag: AssayFlag } | null | undefined>>;
}

/** Builds HoleSamples from plain objects: for tests, the CLI and small imports. */
export function holeSamplesFromRows(
  holeId: string,
  analytes: readonly string[],
  rows: readonly SampleInput[],
): HoleSamples {
  const buffer = new HoleSamplesBuffer(analytes, rows.length);
  buffer.reset(holeId);
  for (const row of rows) {
    const i = buffer.addSample(row.from, row.to, row.density ?? null);
    analytes.forEach((code, a) => {
      const result = row.results[code];
      if (result === null || result === undefined) return;
      if (typeof result === 'number') buffer.setResult(i, a, result, 'value');
      else buffer.setResult(i, a, result.value, result.flag);
    });
  }
  return buffer;
}

/**
 * Why a hole's samples cannot be composited, or null. Samples must be in depth order, each with From
 * below To, and must not overlap by more than `tolerance` (validation reports these as errors).
 */
export function sampleOrderProblem(samples: HoleSamples, tolerance: number): string | null {
  let previousTo = -Infinity;
  for (let i = 0; i < samples.count; i++) {
    const from = samples.from[i]!;
    const to = samples.to[i]!;
    if (!(from >= 0 && to > from)) {
      return `Hole ${samples.holeId}: sample ${from}-${to} has no positive length; fix its depths.`;
    }
    if (from < previousTo - tolerance) {
      return `Hole ${samples.holeId}: sample ${from}-${to} overlaps the one above (to ${previousTo}); fix the overlap first.`;
    }
    previousTo = to;
  }
  return null;
}
