// Shapes shared by the benchmark harness and each benchmark.
import type { SyntheticFiles } from './synthetic-project';

export interface BenchContext {
  /** Scratch folder for this run (.bench/). */
  workDir: string;
  /** The synthetic CSV files (10,000 holes, 1,000,000 samples, 2 analytes). */
  files: SyntheticFiles;
  /** A project holding the whole synthetic data set, ready once the import benchmark has run. */
  projectPath: string;
  log(line: string): void;
}

export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export interface BenchResult {
  name: string;
  figures: Figure[];
  /** The goal in words and whether this run met it. */
  goal?: { description: string; met: boolean };
  notes?: string[];
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchResult>;
}

/** Median of repeated timings, the figure reported (robust to one slow run on a shared machine). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
