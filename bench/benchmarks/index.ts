// The benchmarks `npm run bench` runs, in order. The import runs first: it builds the project the
// others read. The last three weigh our hand-written CSV, ZIP and XLSX code against libraries.
import type { Benchmark } from '../bench-types';
import { compositingBenchmark } from './compositing-benchmark';
import { csvReaderBenchmark } from './csv-reader-benchmark';
import { exportBenchmark } from './export-benchmark';
import { gridBenchmark } from './grid-benchmark';
import { hostBenchmark } from './host-benchmark';
import { importBenchmark } from './import-benchmark';
import { planSectionBenchmark } from './plan-section-benchmark';
import { xlsxWriterBenchmark } from './xlsx-writer-benchmark';
import { zipWriterBenchmark } from './zip-writer-benchmark';

export const BENCHMARKS: Benchmark[] = [
  importBenchmark,
  gridBenchmark,
  compositingBenchmark,
  exportBenchmark,
  planSectionBenchmark,
  hostBenchmark,
  csvReaderBenchmark,
  zipWriterBenchmark,
  xlsxWriterBenchmark,
];
