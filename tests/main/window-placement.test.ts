// Window placement: the remembered bounds when they are still on a screen, else centred on the primary
// screen; never larger than the screen; a new window offset from one already there.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, placeWindow } from '../../src/main/window-placement';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const monitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (x: number, y: number, width = 1200, height = 800, maximized = false) => ({
  x,
  y,
  width,
  height,
  maximized,
  fullScreen: false,
});

describe('placeWindow', () => {
  it('centres a first window on the primary screen at the default size', () => {
    expect(placeWindow(null, [laptop])).toEqual({
      x: (1920 - DEFAULT_WINDOW.width) / 2,
      y: Math.round((1050 - DEFAULT_WINDOW.height) / 2),
      width: DEFAULT_WINDOW.width,
      height: DEFAULT_WINDOW.height,
      maximized: false,
    });
  });

  it('reopens where the window was, on whichever screen that was, maximised if it was', () => {
    expect(placeWindow(saved(2100, 100, 1200, 800, true), [laptop, monitor])).toEqual({
      x: 2100,
      y: 100,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('moves a window whose screen was unplugged back onto the primary screen', () => {
    const placed = placeWindow(saved(2100, 100, 1200, 800, true), [laptop]);
    expect(placed).toEqual({ x: 360, y: 125, width: 1200, height: 800, maximized: false });
  });

  it('keeps a window whose title bar is mostly off-screen from being lost', () => {
    expect(placeWindow(saved(1850, 100), [laptop]).x).toBe(360);
    expect(placeWindow(saved(100, -500), [laptop]).y).toBe(125);
    // Grabbable but partly off the right edge: pulled fully onto the screen.
    expect(placeWindow(saved(1500, 100), [laptop])).toMatchObject({ x: 720, y: 100 });
  });

  it('never makes a window larger than the screen, nor smaller than the minimum the screen allows', () => {
    expect(placeWindow(saved(0, 0, 4000, 3000), [laptop])).toMatchObject({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
    });
    const small = { x: 0, y: 0, width: 800, height: 500 };
    expect(placeWindow(null, [small])).toMatchObject({ width: 800, height: 500 });
    expect(placeWindow(saved(0, 0, 100, 100), [laptop])).toMatchObject({ width: 900, height: 600 });
  });

  it('offsets a window from one already open at the same place', () => {
    const first = placeWindow(saved(100, 100), [laptop]);
    const second = placeWindow(saved(100, 100), [laptop], [first]);
    expect(second).toMatchObject({ x: 128, y: 128 });
    const third = placeWindow(saved(100, 100), [laptop], [first, second]);
    expect(third).toMatchObject({ x: 156, y: 156 });
  });
});
