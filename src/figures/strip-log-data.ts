// What a strip log draws, worked out from a hole's rows before any chart option is built: the depth
// range, the sample intervals, where each QA/QC insert sits, and each analyte's values as drawn
// (below-detection at half the limit, over-limit at the limit, missing as a gap).
import type { HoleViewData } from '../api/hole-types';
import type { SamplePageRow } from '../api/types';
import type { AnalyteRow } from '../domain/model';

export interface DrawnInterval {
  rowId: number;
  from: number;
  to: number;
}

export interface DrawnSample extends DrawnInterval {
  sampleId: string | null;
}

export type InsertKind = 'blank' | 'standard' | 'duplicate';

/** A QA/QC insert at a depth: its own, its parent's, or after the sample it follows in the sequence. */
export interface PlacedInsert {
  rowId: number;
  kind: InsertKind;
  sampleId: string | null;
  depth: number;
  /** How the depth was found, in words for the tooltip. */
  placement: string;
}

/** Drawn as: a measured value, below detection (half the limit, hollow), over the upper limit. */
export type ValueState = 'value' | 'below-detection' | 'over-limit';

export interface DrawnValue extends DrawnSample {
  /** The number drawn (half the detection limit for a result below it). */
  value: number;
  state: ValueState;
  labText: string;
}

export interface AnalyteValues {
  analyte: AnalyteRow;
  values: DrawnValue[];
  /** Sample intervals with no number to draw (not sampled, insufficient, missing, unreadable). */
  missing: number;
  belowDetection: number;
  overLimit: number;
}

export interface DepthRange {
  top: number;
  bottom: number;
}

const hasDepths = (row: SamplePageRow): row is SamplePageRow & { depth_from: number; depth_to: number } =>
  row.depth_from !== null && row.depth_to !== null && row.depth_to > row.depth_from;

/** Regular samples with depths, in From order; everything else is an insert or cannot be drawn. */
export function sampleIntervals(hole: HoleViewData): DrawnSample[] {
  return hole.samples
    .filter((row) => row.sample_type === 'regular' && hasDepths(row))
    .map((row) => ({ rowId: row.id, from: row.depth_from!, to: row.depth_to!, sampleId: row.sample_id }))
    .sort((a, b) => a.from - b.from || a.rowId - b.rowId);
}

const sampleOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Where each insert is drawn. A field duplicate at its own interval, or its parent's; a blank or a
 * standard (no depths of its own) where it was inserted in the sample sequence: after the sample whose ID
 * comes before it, at that sample's To (before the first sample when it comes first).
 */
export function placeInserts(hole: HoleViewData): PlacedInsert[] {
  const bySampleId = new Map<string, SamplePageRow>();
  for (const row of hole.samples) if (row.sample_id !== null) bySampleId.set(row.sample_id, row);
  const sequence = [...hole.samples].sort(
    (a, b) =>
      (a.sample_id === null || b.sample_id === null ? 0 : sampleOrder.compare(a.sample_id, b.sample_id)) ||
      a.id - b.id,
  );
  const placed: PlacedInsert[] = [];
  let previous: (SamplePageRow & { depth_to: number }) | null = null;
  const pending: SamplePageRow[] = [];
  const place = (row: SamplePageRow, depth: number, placement: string) =>
    placed.push({
      rowId: row.id,
      kind: row.sample_type as InsertKind,
      sampleId: row.sample_id,
      depth,
      placement,
    });
  for (const row of sequence) {
    if (row.sample_type === 'duplicate') {
      const parent = row.parent_sample_id === null ? undefined : bySampleId.get(row.parent_sample_id);
      if (hasDepths(row)) place(row, (row.depth_from + row.depth_to) / 2, 'at its own interval');
      else if (parent && hasDepths(parent)) {
        place(row, (parent.depth_from + parent.depth_to) / 2, `at its parent ${parent.sample_id ?? ''}`);
      }
      continue;
    }
    if (row.sample_type === 'regular') {
      if (!hasDepths(row)) continue;
      for (const insert of pending.splice(0)) {
        place(insert, row.depth_from, `before sample ${row.sample_id ?? ''} (no depth of its own)`);
      }
      previous = row;
      continue;
    }
    if (hasDepths(row)) place(row, (row.depth_from + row.depth_to) / 2, 'at its own interval');
    else if (previous) {
      place(row, previous.depth_to, `after sample ${previous.sample_id ?? ''} (no depth of its own)`);
    } else pending.push(row);
  }
  return placed.sort((a, b) => a.depth - b.depth || a.rowId - b.rowId);
}

/** An analyte's results over the regular sample intervals, as drawn. */
export function analyteValues(hole: HoleViewData, analyte: AnalyteRow): AnalyteValues {
  const out: AnalyteValues = { analyte, values: [], missing: 0, belowDetection: 0, overLimit: 0 };
  const rows = new Map(hole.samples.map((row) => [row.id, row]));
  for (const interval of sampleIntervals(hole)) {
    const cell = rows.get(interval.rowId)?.results[analyte.code];
    const limit = cell?.value ?? analyte.detection_limit;
    if (cell?.flag === 'value' && cell.value !== null) {
      out.values.push({ ...interval, value: cell.value, state: 'value', labText: cell.lab_text });
    } else if (cell?.flag === 'bdl' && limit !== null && limit > 0) {
      out.belowDetection++;
      out.values.push({ ...interval, value: limit / 2, state: 'below-detection', labText: cell.lab_text });
    } else if (cell?.flag === 'odl' && cell.value !== null) {
      out.overLimit++;
      out.values.push({ ...interval, value: cell.value, state: 'over-limit', labText: cell.lab_text });
    } else out.missing++;
  }
  return out;
}

const DRAWN_FLAGS: ReadonlySet<string> = new Set(['value', 'bdl', 'odl']);

/** Analytes with at least one result to draw in the hole (not only NS or empty cells), in the project's order. */
export function analytesWithResults(hole: HoleViewData): AnalyteRow[] {
  const used = new Set<string>();
  for (const row of hole.samples) {
    for (const [code, cell] of Object.entries(row.results)) if (DRAWN_FLAGS.has(cell.flag)) used.add(code);
  }
  return hole.analytes.filter((analyte) => used.has(analyte.code));
}

/** From the collar (0) to the end of the hole or the deepest interval, whichever is deeper. */
export function depthRange(hole: HoleViewData): DepthRange | null {
  let bottom = hole.collar.eoh ?? 0;
  for (const row of hole.lithology) bottom = Math.max(bottom, row.depth_to);
  for (const row of hole.samples) if (row.depth_to !== null) bottom = Math.max(bottom, row.depth_to);
  return bottom > 0 ? { top: 0, bottom } : null;
}

/** A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/** The log axis range: whole powers of ten around the positive values. */
export function logRange(values: readonly number[]): { min: number; max: number } {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return { min: 0.01, max: 1 };
  const min = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return { min, max: max > min ? max : min * 10 };
}
