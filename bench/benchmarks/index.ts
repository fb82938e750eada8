// The benchmarks `npm run bench` runs, in order. The import runs first: it builds the project the
// others read.
import type { Benchmark } from '../bench-types';
import { compositingBenchmark } from './compositing-benchmark';
import { exportBenchmark } from './export-benchmark';
import { gridBenchmark } from './grid-benchmark';
import { importBenchmark } from './import-benchmark';
import { planSectionBenchmark } from './plan-section-benchmark';

export const BENCHMARKS: Benchmark[] = [
  importBenchmark,
  gridBenchmark,
  compositingBenchmark,
  exportBenchmark,
  planSectionBenchmark,
];
