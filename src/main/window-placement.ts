// Where a window opens: where it last was if that is still on a screen (monitors come and go), else
// centred on the primary screen; never larger than the screen, and offset from a window already there.
import type { WindowBounds } from '../services/system/desktop-settings';
import { MIN_WINDOW } from './window-options';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1400, height: 900 } as const;
const CASCADE = 28;
/** How much of a window's title bar must be on a screen for the user to grab it. */
const GRAB = { width: 120, height: 24 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function grabbableOn(window: Rect, area: Rect): boolean {
  const titleBar = { x: window.x, y: window.y, width: window.width, height: GRAB.height };
  const shared = overlap(titleBar, area);
  return shared.width >= GRAB.width && shared.height >= GRAB.height;
}

function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(MIN_WINDOW.width, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(MIN_WINDOW.height, area.height)),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  return {
    ...size,
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
  };
}

/**
 * The bounds to open a window with. `workAreas` are the screens' usable areas, primary first;
 * `occupied` the bounds of windows already open.
 */
export function placeWindow(
  saved: WindowBounds | null | undefined,
  workAreas: readonly Rect[],
  occupied: readonly Rect[] = [],
): Rect & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW.width, height: DEFAULT_WINDOW.height };
  const home = saved ? workAreas.find((area) => grabbableOn(saved, area)) : undefined;
  let bounds: Rect;
  let area: Rect;
  if (saved && home) {
    area = home;
    const size = fitSize(saved.width, saved.height, area);
    bounds = {
      ...size,
      x: Math.min(Math.max(saved.x, area.x), area.x + area.width - size.width),
      y: Math.min(Math.max(saved.y, area.y), area.y + area.height - size.height),
    };
  } else {
    area = primary;
    bounds = centred(
      fitSize(saved?.width ?? DEFAULT_WINDOW.width, saved?.height ?? DEFAULT_WINDOW.height, area),
      area,
    );
  }
  for (
    let step = 0;
    step < 20 && occupied.some((other) => other.x === bounds.x && other.y === bounds.y);
    step++
  ) {
    const x = bounds.x + CASCADE;
    const y = bounds.y + CASCADE;
    const fits = x + bounds.width <= area.x + area.width && y + bounds.height <= area.y + area.height;
    bounds = fits ? { ...bounds, x, y } : { ...bounds, x: area.x, y: area.y };
  }
  return { ...bounds, maximized: Boolean(saved?.maximized && home) };
}
