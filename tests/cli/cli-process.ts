// Runs the real `drillbench` executable as a child process, the way a user or a script would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '../../bin/drillbench.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function drillbench(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Plain CSV (no quoted fields) into header and rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const [header = '', ...rest] = lines;
  return { header: header.split(','), rows: rest.map((line) => line.split(',')) };
}
