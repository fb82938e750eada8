// Which pages are ours: the packaged renderer file or, in development, the dev server; and which frames
// may speak for a window (the top frame of our page). Kept free of Electron values so tests load it.
import type { WebFrameMain } from 'electron';

export type SenderFrame = Pick<WebFrameMain, 'url'> & { parent?: unknown };

/** True for a URL of our renderer: the packaged file or, in development, the dev server. */
export function isRendererUrl(candidate: string, rendererUrl: string): boolean {
  try {
    const url = new URL(candidate);
    const expected = new URL(rendererUrl);
    if (expected.protocol === 'file:') return url.protocol === 'file:' && url.pathname === expected.pathname;
    return url.origin === expected.origin;
  } catch {
    return false;
  }
}

/** True when the frame is the top frame of a page showing our renderer. */
export function isTrustedSender(frame: SenderFrame | null | undefined, rendererUrl: string): boolean {
  if (!frame) return false;
  // A sub-frame (even one of ours) never speaks for the window.
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isRendererUrl(frame.url, rendererUrl);
}
