// Our streaming SpreadsheetML writer (src/services/export/xlsx-file.ts) against ExcelJS's streaming
// WorkbookWriter (already a dependency, used for the small intercept report) on the 1M-row samples
// table of the synthetic project: time, peak RSS and file size. Both get the same rows read as
// `drillbench export` reads them; "rows only" reads them and writes nothing, the floor under both. Each
// writer runs in its own process (bench/library-trials/xlsx-trial.ts); runs are interleaved.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProject } from '../bench-project';
import { median, type Benchmark, type Figure } from '../bench-types';
import { hasGnuTime, runTrial } from '../process-timing';

const RUNS = 2;
const WRITERS = ['rows-only', 'ours', 'exceljs'] as const;
const LABELS: Record<(typeof WRITERS)[number], string> = {
  'rows-only': 'reading the rows alone (floor)',
  ours: 'drillbench XLSX writer',
  exceljs: 'ExcelJS 4 stream.xlsx.WorkbookWriter',
};

export const xlsxWriterBenchmark: Benchmark = {
  name: 'XLSX writer: drillbench vs ExcelJS WorkbookWriter',
  async run(context) {
    ensureProject(context.projectPath, context.files);
    const out = join(context.workDir, 'xlsx-trial.xlsx');
    const times = new Map<string, number[]>(WRITERS.map((writer) => [writer, []]));
    const peaks = new Map<string, number[]>(WRITERS.map((writer) => [writer, []]));
    const sizes = new Map<string, number>();
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const writer of WRITERS) {
        rmSync(out, { force: true });
        const { result, peakMb } = runTrial<{ ms: number; bytes: number; rows: number }>('xlsx-trial.ts', [
          writer,
          context.projectPath,
          out,
        ]);
        times.get(writer)!.push(result.ms);
        if (peakMb !== null) peaks.get(writer)!.push(peakMb);
        sizes.set(writer, result.bytes);
        rows = result.rows;
        context.log(
          `  ${writer}: ${result.ms.toFixed(0)} ms${peakMb !== null ? `, peak ${peakMb} MB` : ''}, ${(result.bytes / 1024 ** 2).toFixed(1)} MB`,
        );
      }
    }
    rmSync(out, { force: true });
    const figures: Figure[] = [];
    const ours = median(times.get('ours')!);
    for (const writer of WRITERS) {
      figures.push({ label: `${LABELS[writer]} (median)`, value: median(times.get(writer)!), unit: 'ms' });
      if (writer === 'exceljs')
        figures.push({
          label: `${LABELS[writer]} / ours`,
          value: median(times.get(writer)!) / ours,
          unit: 'x',
        });
      const peak = peaks.get(writer)!;
      if (peak.length > 0)
        figures.push({ label: `${LABELS[writer]}, peak RSS`, value: median(peak), unit: 'MB' });
      if (writer !== 'rows-only')
        figures.push({
          label: `${LABELS[writer]}, file size`,
          value: Math.round((sizes.get(writer) ?? 0) / 1024 ** 2),
          unit: 'MB',
        });
    }
    return {
      name: this.name,
      figures,
      notes: [
        `${RUNS} interleaved runs of each writer in its own process on the samples table (${rows.toLocaleString('en')} rows); time measured inside it (start-up excluded), peak RSS of the whole process (Node and tsx included).`,
        'Both write one sheet with a bold frozen header, widths measured from the header and the first 200 rows, and the same cells (numbers as numbers, formula-like text neutralised, inline strings: ExcelJS with useSharedStrings off, as shared strings would hold every distinct sample ID in memory).',
        ...XLSX_DECISION,
        ...(hasGnuTime() ? [] : ['Peak memory not measured: GNU time (/usr/bin/time) is not installed.']),
      ],
    };
  },
};

/** The decision these figures support, as measured on the shared development machine. */
const XLSX_DECISION = [
  'Decision: keep our SpreadsheetML writer (src/services/export/xlsx-file.ts; since the ZIP writer benchmark it zips through yazl). On the shared machine ExcelJS took 1.7 x its time (2.1 x net of reading the rows), 2.2 x its peak memory (about 430 MB against 200 MB) and wrote a 1.3 x larger file for the same sheet, far outside the 15-20 % at which a library would replace it. ExcelJS stays for the small formatted intercept report and for reading XLSX imports.',
];
