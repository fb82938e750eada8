// The window options and the Content-Security-Policy: Electron's security checklist asserted on what a
// window is actually created with (through a stand-in constructor), and the policy the same wherever
// the page can be served from.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createSecureWindow, RENDERER_CSP } from '../../src/main/window-options';

const root = join(import.meta.dirname, '../..');

class RecordingWindow {
  static made: BrowserWindowConstructorOptions[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.made.push(options);
  }
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('createSecureWindow', () => {
  const window = createSecureWindow(RecordingWindow, '/app/out/preload/index.cjs', {
    x: 10,
    y: 20,
    width: 1200,
    height: 800,
  });
  const prefs = window.options.webPreferences ?? {};

  it('isolates the page: context isolation and sandbox on, Node off everywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web platform safe: web security on, no insecure content, no experiments, no webviews', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('opens hidden at the placement given, no smaller than the minimum', () => {
    expect(window.options).toMatchObject({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      show: false,
      minWidth: 900,
      minHeight: 600,
    });
    expect(RecordingWindow.made).toHaveLength(1);
  });

  it('is the only place a window is made', () => {
    const sources: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /new\s+BrowserWindow\s*\(/.test(readFileSync(path, 'utf8')))
          sources.push(relative(root, path));
      }
    };
    walk(join(root, 'src'));
    expect(sources).toEqual([join('src', 'main', 'window-options.ts')]);
  });
});

describe('the Content-Security-Policy', () => {
  const policy = directives(RENDERER_CSP);

  it('allows no eval, no inline or remote scripts, no plugins, no framing', () => {
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).not.toContain('wasm-unsafe-eval');
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    for (const [name, value] of policy) expect(value, name).not.toMatch(/\*|https?:|unsafe-eval/);
  });

  // The desktop header and the browser host share one constant; the page's meta tag is a copy to check.
  it('is the same in the page as in the headers', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const withoutHeaderOnly = new Map(policy);
    // frame-ancestors is ignored in a meta tag; the headers carry it.
    withoutHeaderOnly.delete('frame-ancestors');
    expect(directives(meta)).toEqual(withoutHeaderOnly);
  });
});
