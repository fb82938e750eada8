// Import speed: `drillbench import` of the 1M-row assay CSV (validation on, every value stored with its
// lab text) against the sqlite3 shell's `.import` of the same file, in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, type Benchmark } from '../bench-types';

const RUNS = 3;

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function cli(args: string[]): void {
  const result = spawnSync(
    process.execPath,
    [join(import.meta.dirname, '../../bin/drillbench.js'), ...args],
    { encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`drillbench ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
}

export const importBenchmark: Benchmark = {
  name: 'Import of the 1M-row assay CSV',
  async run(context) {
    const sqliteDb = join(context.workDir, 'sqlite-import.db');
    const sqliteTimes: number[] = [];
    const drillbenchTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      removeDatabase(sqliteDb);
      sqliteTimes.push(
        timed(() => execFileSync('sqlite3', [sqliteDb, '.import --csv ' + context.files.assays + ' assays'])),
      );
      // The project already holds collars and surveys (not timed): the figure is the assay file alone.
      removeDatabase(context.projectPath);
      cli(['new', context.projectPath, '--name', 'synthetic']);
      cli([
        'import',
        context.projectPath,
        '--collars',
        context.files.collars,
        '--surveys',
        context.files.surveys,
      ]);
      drillbenchTimes.push(
        timed(() => cli(['import', context.projectPath, '--assays', context.files.assays])),
      );
      context.log(
        `  run ${run + 1}: sqlite3 .import ${sqliteTimes.at(-1)!.toFixed(0)} ms, drillbench import ${drillbenchTimes.at(-1)!.toFixed(0)} ms`,
      );
    }
    const sqlite = median(sqliteTimes);
    const drillbench = median(drillbenchTimes);
    const ratio = drillbench / sqlite;
    return {
      name: this.name,
      figures: [
        { label: 'sqlite3 shell .import (median)', value: sqlite, unit: 'ms' },
        { label: 'drillbench import --assays, validation on (median)', value: drillbench, unit: 'ms' },
        { label: 'ratio', value: ratio, unit: 'x' },
      ],
      goal: { description: 'at most 2 x the sqlite3 shell', met: ratio <= 2 },
      notes: [
        `${RUNS} runs each, whole processes timed (Node start-up included for drillbench).`,
        'drillbench writes 1,000,000 samples and 2,000,000 long-form results with lab text, flags and validation; .import writes 1,000,000 rows of text into one table without indexes.',
      ],
    };
  },
};
