// The electronegativity gate: HIGH and MEDIUM findings fail the run unless reviewed for that check and
// file; LOW and informational ones are reported and never fail it.
import { describe, expect, it } from 'vitest';
import { classifyFindings, REVIEWED } from '../../scripts/security-electron.mjs';

const finding = (id: string, file: string, severity: [number, string]) => ({
  id,
  file,
  location: { line: 1, column: 0 },
  description: id,
  severity: { value: severity[0], name: severity[1] },
  confidence: { name: 'FIRM' },
});
const HIGH: [number, string] = [3, 'HIGH'];
const MEDIUM: [number, string] = [2, 'MEDIUM'];
const LOW: [number, string] = [1, 'LOW'];
const INFO: [number, string] = [0, 'INFORMATIONAL'];

describe('classifyFindings', () => {
  it('fails on unreviewed high and medium findings', () => {
    const result = classifyFindings([
      finding('CONTEXT_ISOLATION_JS_CHECK', 'main/x.ts', HIGH),
      finding('SANDBOX_JS_CHECK', 'main/x.ts', MEDIUM),
    ]);
    expect(result.blocking.map((f) => f.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']);
  });

  it('accepts a reviewed finding only for the check and file it was reviewed for', () => {
    const reviewed = [{ id: 'PRELOAD_JS_CHECK', file: 'main/window-options.ts', reason: 'reviewed' }];
    const result = classifyFindings(
      [
        finding('PRELOAD_JS_CHECK', 'main/window-options.ts', MEDIUM),
        finding('PRELOAD_JS_CHECK', 'main\\other.ts', MEDIUM),
        finding('SANDBOX_JS_CHECK', 'main/window-options.ts', MEDIUM),
      ],
      reviewed,
    );
    expect(result.accepted.map((f) => [f.id, f.file, f.reason])).toEqual([
      ['PRELOAD_JS_CHECK', 'main/window-options.ts', 'reviewed'],
    ]);
    expect(result.blocking.map((f) => [f.id, f.file])).toEqual([
      ['PRELOAD_JS_CHECK', 'main\\other.ts'],
      ['SANDBOX_JS_CHECK', 'main/window-options.ts'],
    ]);
  });

  it('never fails on low or informational findings', () => {
    const result = classifyFindings([
      finding('CSP_GLOBAL_CHECK', 'renderer/index.html', LOW),
      finding('X', 'y', INFO),
    ]);
    expect(result.blocking).toEqual([]);
    expect(result.minor).toHaveLength(2);
  });

  it('gives a reason for every accepted finding', () => {
    for (const entry of REVIEWED) expect(entry.reason.length, entry.id).toBeGreaterThan(40);
  });
});
