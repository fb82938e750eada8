// Export speed and memory: the 1M-sample table (two assay columns, wide) to CSV and to XLSX through
// `drillbench export`, timed and with peak RSS; the 10,000-row holes table beside it shows that memory
// does not grow with the number of rows.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProject } from '../bench-project';
import { median, type Benchmark, type Figure } from '../bench-types';
import { drillbench, hasGnuTime } from '../process-timing';

const RUNS = 2;

export const exportBenchmark: Benchmark = {
  name: 'Export of the 1M-sample table',
  async run(context) {
    ensureProject(context.projectPath, context.files);
    const figures: Figure[] = [];
    const notes: string[] = [];
    const cases: { label: string; table: string; file: string }[] = [
      { label: 'samples (1,000,000 rows) to CSV', table: 'samples', file: 'export-samples.csv' },
      { label: 'samples (1,000,000 rows) to XLSX', table: 'samples', file: 'export-samples.xlsx' },
      { label: 'holes (10,000 rows) to XLSX', table: 'holes', file: 'export-holes.xlsx' },
    ];
    for (const entry of cases) {
      const out = join(context.workDir, entry.file);
      const times: number[] = [];
      const peaks: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        rmSync(out, { force: true });
        const result = drillbench(['export', context.projectPath, '--table', entry.table, '--out', out]);
        times.push(result.ms);
        if (result.peakMb !== null) peaks.push(result.peakMb);
        context.log(
          `  ${entry.label}: ${result.ms.toFixed(0)} ms${result.peakMb !== null ? `, peak ${result.peakMb} MB` : ''}`,
        );
      }
      figures.push({ label: `${entry.label} (median)`, value: median(times), unit: 'ms' });
      if (peaks.length > 0)
        figures.push({ label: `${entry.label}, peak RSS`, value: median(peaks), unit: 'MB' });
      notes.push(`${entry.file}: ${(statSync(out).size / 1024 ** 2).toFixed(1)} MB.`);
      rmSync(out, { force: true });
    }
    return {
      name: this.name,
      figures,
      notes: [
        `${RUNS} runs each, whole processes timed (Node start-up included).`,
        'Samples are exported wide: sample fields plus one column per analyte (the preferred result, the lab text or a number).',
        ...notes,
        ...(hasGnuTime() ? [] : ['Peak memory not measured: GNU time (/usr/bin/time) is not installed.']),
      ],
    };
  },
};
