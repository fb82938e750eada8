// Timing and peak memory of whole child processes for the benchmarks: wall time from Node, peak RSS
// from GNU time (/usr/bin/time -f %M) where it is installed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  ms: number;
  /** Peak resident set size in MB, or null when GNU time is not available. */
  peakMb: number | null;
  stdout: string;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Runs a command, throws with its output when it fails. */
export function runProcess(command: string, args: string[], input?: string): ProcessRun {
  const measured = hasGnuTime();
  const start = process.hrtime.bigint();
  const result = measured
    ? spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26 })
    : spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  let peakMb: number | null = null;
  if (measured) {
    const last = result.stderr.trim().split('\n').at(-1) ?? '';
    const kb = Number(last);
    peakMb = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  }
  return { ms, peakMb, stdout: result.stdout };
}

export const drillbenchBin = join(import.meta.dirname, '../bin/drillbench.js');

export function drillbench(args: string[]): ProcessRun {
  return runProcess(process.execPath, [drillbenchBin, ...args]);
}

const tsxLoader = 'tsx';

/**
 * Runs one library trial (bench/library-trials/*.ts) in its own process under GNU time, so its peak
 * memory is its own. The trial prints JSON with its own timing (`ms`, start-up excluded) on its last line.
 */
export function runTrial<T extends { ms: number }>(
  script: string,
  args: string[],
): { result: T; peakMb: number | null } {
  const run = runProcess(process.execPath, [
    '--import',
    tsxLoader,
    join(import.meta.dirname, 'library-trials', script),
    ...args,
  ]);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return { result: JSON.parse(last) as T, peakMb: run.peakMb };
}
