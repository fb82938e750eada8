// How every drillbench window is made: Electron's security checklist as one object literal at the one
// `new BrowserWindow` of the app, where a unit test (with a stand-in constructor) and electronegativity
// can both see it.
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../services/system/content-security-policy';

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export const MIN_WINDOW = { width: 900, height: 600 } as const;

/** Creates a hidden window (shown on ready-to-show) with the hardened web preferences. */
export function createSecureWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  preloadPath: string,
  placement: WindowPlacement,
): W {
  return new BrowserWindow({
    ...placement,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'drillbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise ask to open links in new windows (denied anyway, see guard).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
}

/**
 * The renderer's Content-Security-Policy. The packaged page is a file, which gets no response headers, so
 * index.html carries the same policy in a meta tag (a test keeps the two equal); frame-ancestors only
 * works as a header.
 */
export const RENDERER_CSP = CONTENT_SECURITY_POLICY;
