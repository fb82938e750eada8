// `npm run bench`: generates the synthetic project (deterministic, cached in .bench/), runs every
// benchmark and writes the figures, the machine and the date to BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchResult } from './bench-types';
import { BENCHMARKS } from './benchmarks/index';
import { FULL_SIZE, writeSyntheticProject, type SyntheticFiles } from './synthetic-project';

const root = join(import.meta.dirname, '..');
const workDir = join(root, '.bench');

async function syntheticFiles(): Promise<SyntheticFiles> {
  const marker = join(workDir, 'synthetic.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as SyntheticFiles;
  console.log('Generating the synthetic project (10,000 holes, 1,000,000 samples)...');
  const files = await writeSyntheticProject(workDir, FULL_SIZE);
  writeFileSync(marker, JSON.stringify(files));
  return files;
}

function machine(): string[] {
  const cpu = cpus();
  const sqlite = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0];
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${platform()} ${release()}`,
    `- Node ${process.version}; sqlite3 shell ${sqlite}`,
  ];
}

function formatValue(value: number, unit: string): string {
  if (unit === 'x') return `${value.toFixed(2)} x`;
  if (unit === 'rows/s') return `${value.toLocaleString('en')} rows/s`;
  if (unit === 'ms') return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
  return `${value} ${unit}`;
}

function render(results: BenchResult[], date: string): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run-bench.ts) on the synthetic project: 10,000 holes, 1,000,000 sample',
    'intervals, 2 analytes, generated deterministically (bench/synthetic-project.ts). Re-run it after any change',
    'to a path users wait on.',
    '',
    `Run on ${date}:`,
    ...machine(),
    '',
  ];
  for (const result of results) {
    lines.push(`## ${result.name}`, '', '| Figure | Value |', '| --- | --- |');
    for (const figure of result.figures)
      lines.push(`| ${figure.label} | ${formatValue(figure.value, figure.unit)} |`);
    lines.push('');
    if (result.goal)
      lines.push(`Goal: ${result.goal.description}. **${result.goal.met ? 'Met' : 'Not met'}.**`, '');
    for (const note of result.notes ?? []) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const only = process.argv.slice(2);
  const files = await syntheticFiles();
  const context: BenchContext = {
    workDir,
    files,
    projectPath: join(workDir, 'synthetic.drillbench'),
    log: (line) => console.log(line),
  };
  const results: BenchResult[] = [];
  for (const benchmark of BENCHMARKS) {
    if (only.length > 0 && !only.some((name) => benchmark.name.toLowerCase().includes(name.toLowerCase())))
      continue;
    console.log(`${benchmark.name}...`);
    const result = await benchmark.run(context);
    for (const figure of result.figures)
      console.log(`  ${figure.label}: ${formatValue(figure.value, figure.unit)}`);
    results.push(result);
  }
  if (only.length === 0) {
    writeFileSync(join(root, 'BENCHMARKS.md'), render(results, new Date().toISOString().slice(0, 10)));
    console.log('Wrote BENCHMARKS.md');
  }
}

await main();
