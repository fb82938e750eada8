// Fixed-length downhole composites for resource work: cut a hole into lengths C from an anchor, split the
// samples at the cuts and average each piece, length (or length x density) weighted, one value per analyte.
//
// Where the edges go. Cells are [anchor + kC, anchor + (k+1)C]. The series ends at the recorded end of
// hole, or, when none is recorded, at the deepest sample. A cell keeps its grid end (pygslib does the same,
// so tables composited alike line up on From) except where a known boundary cuts it: a domain boundary
// when restarting at domains, or the recorded end of hole. So in a hole without an end-of-hole depth whose
// last sample ends at 1017, the last 10 ft cell reads 1010-1020 with 7 ft of sampled length. When the
// samples stop inside a logged domain, the last cell of that domain stops at the domain's own end at the
// latest, so a composite never claims core logged as another domain.
// Residuals: the last cell's extent inside the series (end minus its From) decides `drop-short` (dropped
// when under C/2) and `merge` (joined to the cell above, when there is one, the joined piece ending where
// the series ends: a merged piece is no grid cell, so it has no grid end to keep). With drop-short and
// missing grades excluded, every cell is also judged per analyte, as pygslib judges each variable: a
// value resting on under C/2 of assayed length is blank, and a cell with no value left is not written.
// Lengths reported per composite: `length` = To - From; `sampledLength` = the part covered by sample
// intervals, whatever their results; per analyte, `analyteLengths` = the length behind the value (with
// missing = zero this includes unassayed sample length and gaps between samples, counted at zero) and
// `assayedLengths` = the length with an actual result, so a value made only of zero-filled core is
// visible as such.
import { usableValue, type BelowDetectionRule } from './assay-rules';
import { sampleOrderProblem, type HoleSamples } from './hole-samples';

export interface CompositeSettings {
  /** Composite length C, in the project's length unit. */
  length: number;
  anchor: 'collar' | 'first-sample';
  residual: 'drop-short' | 'keep' | 'merge';
  /** Results with no usable number: left out of that analyte's length, or counted at zero grade. */
  missing: 'exclude' | 'zero';
  belowDetection: BelowDetectionRule;
  weighting: 'length' | 'density';
  /** Density for samples without one when weighting by density; null refuses such holes. */
  defaultDensity?: number | null;
  /** Sample overlaps and gaps up to this are rounding noise (default 0.001). */
  tolerance?: number;
}

/** A lithology (domain) interval; composites restart at each change of code when domains are given. */
export interface DomainInterval {
  from: number;
  to: number;
  code: string;
}

export interface CompositeHoleInput {
  samples: HoleSamples;
  /** Recorded end of hole, or null. */
  eoh: number | null;
  /** Pass the hole's domain intervals to restart composites at domain boundaries; omit not to. */
  domains?: readonly DomainInterval[] | null;
}

export interface Composite {
  from: number;
  to: number;
  length: number;
  sampledLength: number;
  /** Domain code when restarting at domains; null outside any domain interval or without domains. */
  domain: string | null;
  /** Weighted average per analyte (in `samples.analytes` order); null when no length counts. */
  values: (number | null)[];
  analyteLengths: number[];
  assayedLengths: number[];
}

export interface HoleComposites {
  holeId: string;
  composites: Composite[];
  /** Why the hole was left out, or null. */
  refused: string | null;
}

interface Segment {
  from: number;
  to: number;
  code: string | null;
  /** The end is a real boundary (domain change or recorded end of hole), so cells stop there. */
  endKnown: boolean;
  /** Where the segment's domain interval ends, when the data stop short of it (Infinity if unknown). */
  limit: number;
}

interface Cell {
  from: number;
  /** Depth samples are counted to: never past the segment end. */
  countTo: number;
  to: number;
  domain: string | null;
}

export function checkCompositeSettings(settings: CompositeSettings): void {
  if (!(settings.length > 0 && Number.isFinite(settings.length))) {
    throw new RangeError(`The composite length must be a positive length, not ${settings.length}.`);
  }
  const d = settings.defaultDensity;
  if (d !== undefined && d !== null && !(d > 0)) {
    throw new RangeError(`The default density must be positive, not ${d}.`);
  }
}

/** Composites one hole. Never throws for data problems: a hole that cannot be composited is `refused`. */
export function compositeHole(input: CompositeHoleInput, settings: CompositeSettings): HoleComposites {
  checkCompositeSettings(settings);
  const { samples } = input;
  const holeId = samples.holeId;
  const tolerance = settings.tolerance ?? 0.001;
  const refuse = (reason: string): HoleComposites => ({ holeId, composites: [], refused: reason });
  const order = sampleOrderProblem(samples, tolerance);
  if (order) return refuse(order);
  if (samples.count === 0) return { holeId, composites: [], refused: null };
  const lastTo = samples.to[samples.count - 1]!;
  if (input.eoh !== null && lastTo > input.eoh + tolerance) {
    return refuse(`Hole ${holeId}: a sample ends at ${lastTo}, past the end of hole at ${input.eoh}.`);
  }
  const defaultDensity = settings.defaultDensity ?? null;
  if (settings.weighting === 'density' && defaultDensity === null) {
    for (let i = 0; i < samples.count; i++) {
      if (!(samples.density[i]! > 0)) {
        return refuse(
          `Hole ${holeId}: the sample at ${samples.from[i]}-${samples.to[i]} has no density; enter it, set a default density, or weight by length.`,
        );
      }
      // With missing = zero a gap counts at zero grade and needs a density to weigh it by.
      const gapFrom = i > 0 ? samples.to[i - 1]! : NaN;
      if (settings.missing === 'zero' && samples.from[i]! - gapFrom > tolerance) {
        return refuse(
          `Hole ${holeId}: the unsampled gap ${gapFrom}-${samples.from[i]} has no density to weight it by; set a default density, exclude missing grades, or weight by length.`,
        );
      }
    }
  }
  const start = settings.anchor === 'collar' ? 0 : samples.from[0]!;
  const end = input.eoh ?? lastTo;
  const segments = input.domains
    ? domainSegments(input.domains, start, end, input.eoh !== null, tolerance)
    : null;
  if (typeof segments === 'string') return refuse(`Hole ${holeId}: ${segments}`);
  const cells: Cell[] = [];
  for (const segment of segments ?? [
    { from: start, to: end, code: null, endKnown: input.eoh !== null, limit: Infinity },
  ]) {
    cutSegment(segment, settings, cells);
  }
  const composites: Composite[] = [];
  // Drop-short with missing grades excluded is judged per analyte (pygslib does the same): a value
  // resting on less than C/2 of assayed length is left blank, and a piece left with no value is no row.
  const half = perAnalyteSupport(settings) ? settings.length / 2 - 1e-9 : -Infinity;
  for (const cell of cells) {
    const composite = average(cell, samples, settings, defaultDensity, tolerance);
    if (half === -Infinity) {
      composites.push(composite);
      continue;
    }
    let kept = 0;
    for (let a = 0; a < composite.values.length; a++) {
      if (composite.values[a] === null) continue;
      if (composite.assayedLengths[a]! < half) composite.values[a] = null;
      else kept++;
    }
    if (kept > 0) composites.push(composite);
  }
  return { holeId, composites, refused: null };
}

/** True when drop-short judges each analyte's value on its own assayed length. */
export function perAnalyteSupport(settings: CompositeSettings): boolean {
  return settings.residual === 'drop-short' && settings.missing === 'exclude';
}

function cutSegment(segment: Segment, settings: CompositeSettings, out: Cell[]): void {
  const c = settings.length;
  const first = out.length;
  for (let k = 0; segment.from + k * c < segment.to - 1e-9; k++) {
    const from = segment.from + k * c;
    const gridTo = segment.from + (k + 1) * c;
    const countTo = Math.min(gridTo, segment.to);
    const to = segment.endKnown ? countTo : Math.min(gridTo, segment.limit);
    const last = gridTo >= segment.to - 1e-9;
    const extent = countTo - from;
    if (last && extent < c - 1e-9) {
      if (settings.residual === 'drop-short' && extent < c / 2 - 1e-9) break;
      const previous = out.length > first ? out[out.length - 1] : undefined;
      if (settings.residual === 'merge' && previous) {
        // A merged piece is off the grid anyway (longer than C), so it ends where the data end: the
        // last sample, the recorded end of hole or the domain boundary, never on an empty grid end.
        previous.countTo = countTo;
        previous.to = countTo;
        break;
      }
    }
    out.push({ from, countTo, to, domain: segment.code });
  }
}

/** Splits [start, end] at domain changes; parts outside every domain interval get code null. */
function domainSegments(
  domains: readonly DomainInterval[],
  start: number,
  end: number,
  eohKnown: boolean,
  tolerance: number,
): Segment[] | string {
  const sorted = [...domains].sort((a, b) => a.from - b.from);
  const segments: Segment[] = [];
  let cursor = start;
  const push = (from: number, to: number, code: string | null, limit: number) => {
    const previous = segments[segments.length - 1];
    // Touching intervals of one code are one domain: no restart inside a domain.
    if (previous && previous.code === code && from <= previous.to + tolerance) {
      previous.to = to;
      previous.limit = limit;
    } else segments.push({ from, to, code, endKnown: true, limit });
  };
  let previousTo = -Infinity;
  for (const d of sorted) {
    if (!(d.to > d.from)) return `the domain interval ${d.from}-${d.to} (${d.code}) has no positive length.`;
    if (d.from < previousTo - tolerance)
      return `domain intervals overlap at ${d.from} (${d.code}); fix them first.`;
    previousTo = d.to;
    const from = Math.max(d.from, start);
    const to = Math.min(d.to, end);
    if (to <= from + tolerance) continue;
    if (from > cursor + tolerance) push(cursor, from, null, from);
    push(Math.max(from, cursor), to, d.code, d.to);
    cursor = to;
  }
  if (cursor < end - tolerance) push(cursor, end, null, Infinity);
  const last = segments[segments.length - 1];
  if (last) {
    last.to = end;
    last.endKnown = eohKnown;
  }
  return segments;
}

/** Per-analyte sums and weights of one cell, reused from cell to cell (grown for wider samples). */
let scratch = new Float64Array(16);

/** Adds the part of the gap [gapFrom, gapTo] inside the cell at zero grade to every analyte's weight. */
function countGap(
  cell: Cell,
  gapFrom: number,
  gapTo: number,
  tolerance: number,
  density: number,
  analyteLengths: number[],
): void {
  if (!(gapTo - gapFrom > tolerance)) return;
  const piece = Math.min(gapTo, cell.countTo) - Math.max(gapFrom, cell.from);
  if (piece <= 0) return;
  const width = analyteLengths.length;
  for (let a = 0; a < width; a++) {
    scratch[width + a]! += piece * density;
    analyteLengths[a]! += piece;
  }
}

function average(
  cell: Cell,
  samples: HoleSamples,
  settings: CompositeSettings,
  defaultDensity: number | null,
  tolerance: number,
): Composite {
  const width = samples.analytes.length;
  if (scratch.length < 2 * width) scratch = new Float64Array(2 * width);
  // sums at [a], weights at [width + a]
  scratch.fill(0, 0, 2 * width);
  const analyteLengths = new Array<number>(width).fill(0);
  const assayedLengths = new Array<number>(width).fill(0);
  let sampledLength = 0;
  const zeroMissing = settings.missing === 'zero';
  const byDensity = settings.weighting === 'density';
  // Binary search for the first sample reaching below the cell top; cells are few per hole, samples many.
  let lo = 0;
  let hi = samples.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples.to[mid]! <= cell.from) lo = mid + 1;
    else hi = mid;
  }
  // With missing = zero, a gap between two samples counts at zero grade over its length, exactly as a
  // sample without a result there would. Above the first sample and below the last there is no gap.
  const gapDensity = byDensity ? defaultDensity! : 1;
  let previousTo = lo > 0 ? samples.to[lo - 1]! : NaN;
  let i = lo;
  for (; i < samples.count && samples.from[i]! < cell.countTo; i++) {
    if (zeroMissing) countGap(cell, previousTo, samples.from[i]!, tolerance, gapDensity, analyteLengths);
    previousTo = samples.to[i]!;
    const piece = Math.min(samples.to[i]!, cell.countTo) - Math.max(samples.from[i]!, cell.from);
    if (piece <= 0) continue;
    sampledLength += piece;
    const density = samples.density[i]!;
    const w = byDensity ? piece * (density > 0 ? density : defaultDensity!) : piece;
    for (let a = 0; a < width; a++) {
      const v = usableValue(
        samples.values[i * width + a]!,
        samples.flags[i * width + a]!,
        settings.belowDetection,
      );
      if (Number.isNaN(v)) {
        if (!zeroMissing) continue;
      } else {
        scratch[a]! += v * w;
        assayedLengths[a]! += piece;
      }
      scratch[width + a]! += w;
      analyteLengths[a]! += piece;
    }
  }
  if (zeroMissing && i < samples.count) {
    countGap(cell, previousTo, samples.from[i]!, tolerance, gapDensity, analyteLengths);
  }
  const values = new Array<number | null>(width);
  for (let a = 0; a < width; a++) {
    const weight = scratch[width + a]!;
    values[a] = weight > 0 ? scratch[a]! / weight : null;
  }
  return {
    from: cell.from,
    to: cell.to,
    length: cell.to - cell.from,
    sampledLength,
    domain: cell.domain,
    values,
    analyteLengths,
    assayedLengths,
  };
}
