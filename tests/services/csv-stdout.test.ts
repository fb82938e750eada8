// CSV to standard output (`--out -`) through a pipe: every row arrives. A pipe may be non-blocking, where
// a single write takes only part of a large buffer; the sink must write the rest.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('CSV on standard output', () => {
  it('loses no row through a pipe', () => {
    const rows = 200_000;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/write-csv-stdout.ts'), String(rows)],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[rows - 1]).toBe(`H${rows - 1},${rows - 1},${(rows - 1) / 7},"text, with a comma"`);
  });
});
