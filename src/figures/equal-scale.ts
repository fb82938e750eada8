// Axis ranges that keep metres the same length across and up the screen (or up exaggerated by a chosen
// factor), whatever the shape of the box: the data's extent padded, then the shorter side widened.

export interface Extent {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

export interface GridBox {
  /** Plot area in pixels (the chart box less the margins). */
  width: number;
  height: number;
}

/** Union of extents, ignoring empty ones (Infinity). */
export function extentOf(xs: Iterable<number>, ys: Iterable<number>, into?: Extent): Extent {
  const out = into ?? { xmin: Infinity, xmax: -Infinity, ymin: Infinity, ymax: -Infinity };
  for (const x of xs) {
    if (x < out.xmin) out.xmin = x;
    if (x > out.xmax) out.xmax = x;
  }
  for (const y of ys) {
    if (y < out.ymin) out.ymin = y;
    if (y > out.ymax) out.ymax = y;
  }
  return out;
}

/**
 * Ranges for the x and y axes showing all of `extent` with `padding` (a share of the larger side) around
 * it, centred, with one unit up equal to `exaggeration` units across on screen.
 */
export function equalScaleRanges(
  extent: Extent,
  box: GridBox,
  exaggeration = 1,
  padding = 0.05,
): { x: [number, number]; y: [number, number]; unitsPerPixel: number } {
  const width = Math.max(1, box.width);
  const height = Math.max(1, box.height);
  const empty = !(extent.xmax >= extent.xmin && extent.ymax >= extent.ymin);
  const base = empty ? { xmin: 0, xmax: 1, ymin: 0, ymax: 1 } : extent;
  const cx = (base.xmin + base.xmax) / 2;
  const cy = (base.ymin + base.ymax) / 2;
  // A point or a line still needs a window: at least 10 units across.
  const spanX = Math.max(base.xmax - base.xmin, 10 / (1 + 2 * padding));
  const spanY = Math.max(base.ymax - base.ymin, 10 / (1 + 2 * padding)) * exaggeration;
  const pad = 1 + 2 * padding;
  const unitsPerPixel = Math.max((spanX * pad) / width, (spanY * pad) / height);
  const halfX = (unitsPerPixel * width) / 2;
  const halfY = (unitsPerPixel * height) / 2 / exaggeration;
  return { x: [cx - halfX, cx + halfX], y: [cy - halfY, cy + halfY], unitsPerPixel };
}

/** A coordinate for an axis label: no thousands separators, only the decimals the spacing needs. */
export function coordinateLabel(value: number): string {
  return String(Number(value.toFixed(Math.abs(value) >= 1000 ? 1 : 2)));
}
