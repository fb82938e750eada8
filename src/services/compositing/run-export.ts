// Writes a saved run to a file: its results (full precision, the columns of its kind) or, for intercepts,
// the news-release report (rounded, "and"/"including" rows, footnotes). CSV or XLSX by the file's
// extension; XLSX adds a Parameters sheet with the statement and every parameter, and the holes left out.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportResult } from '../../api/compositing-types';
import { RowReader } from '../../domain/compositing/run-results';
import type { CellValue } from '../../domain/export/cell-safety';
import { readSettings, type Database } from '../../storage/project-db';
import type { StoredRun } from '../../storage/runs-store';
import { StorageError } from '../../storage/storage-error';
import { openCsvSink } from '../export/csv-file';
import { writeInterceptReportXlsx } from '../export/intercept-report-export';
import { openXlsxSink, type XlsxSink } from '../export/xlsx-file';
import { JobCancelled } from '../jobs/job-types';
import { interceptReport, parameterRows, type BuiltReport } from './intercept-report';
import { loadRun, loadRunTable, runOutputColumns } from './run-reading';
// Types only: the figures' code (ECharts, resvg) is loaded when a report asks for figures, not by every job.
import type { FigureRequest, ReportFigure } from '../sections/report-figures';

/** Writes each figure as `<stem>-<figure>.svg` and `.png`; returns the paths. */
export function writeFigureFiles(
  stem: string,
  figures: readonly ReportFigure[],
  overwrite: boolean,
): string[] {
  const written: string[] = [];
  for (const figure of figures) {
    for (const [extension, contents] of [
      ['svg', figure.svg],
      ['png', figure.png],
    ] as const) {
      const file = `${stem}-${figure.name}.${extension}`;
      if (!overwrite && existsSync(file)) {
        throw new StorageError(
          'exists',
          `${file} already exists; choose another name or allow replacing it.`,
        );
      }
      writeFileSync(file, contents);
      written.push(file);
    }
  }
  return written;
}

/** What writing a run returns; the API adds the name and download id it chose. */
export type WrittenRun = Omit<ExportResult, 'name' | 'downloadId'>;

export interface ExportOptions {
  content: 'results' | 'report';
  overwrite: boolean;
  /** The report's figures (plan, section): beside the file as SVG and PNG, and in the workbook. */
  figures?: FigureRequest;
  /** Where figure files go (default: beside the report, named after it). */
  figureDirectory?: string;
  cancelled?: () => boolean;
}

const SHEET_NAMES = { intercepts: 'Intercepts', composites: 'Composites', desurvey: 'Desurvey' } as const;

export function exportFormat(path: string): 'csv' | 'xlsx' {
  if (path === '-') return 'csv';
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.xlsx$/i.test(path)) return 'xlsx';
  throw new StorageError(
    'refused',
    `${path}: the file name must end in .csv or .xlsx (or be - for standard output).`,
  );
}

function checkDestination(path: string, overwrite: boolean): void {
  if (path === '-') return;
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new StorageError(
      'not-found',
      `The folder ${folder} does not exist; create it or choose another place.`,
    );
  }
  if (!overwrite && existsSync(path)) {
    throw new StorageError('exists', `${path} already exists; choose another name or allow replacing it.`);
  }
}

/**
 * The report's rows as text (a CSV keeps "12.30", not 12.3). A cell with no value (a true thickness
 * without a plane, shown "-" on screen) is written empty: as text "-" the formula guard would make it "'-".
 */
function reportRows(report: BuiltReport): CellValue[][] {
  const rows: CellValue[][] = [report.header];
  for (const row of report.table.rows)
    rows.push(row.cells.map((cell, c) => (row.values[c] === null ? null : cell)));
  return rows;
}

/** Footnotes under a report: table notes, run notes, the statement and warnings. */
function footnotes(report: BuiltReport): string[] {
  return [
    ...report.notes,
    report.statement,
    ...report.warnings.map((warning) => `Before publishing: ${warning}`),
  ];
}

async function parametersSheet(sink: XlsxSink, run: StoredRun, statement: string | null): Promise<void> {
  const sheet = await sink.sheet('Parameters', [
    { header: 'Parameter', width: 40 },
    { header: 'Value', width: 100 },
  ]);
  if (statement) sheet.row(['Statement', statement]);
  for (const row of parameterRows(run)) sheet.row(row);
  if (run.excluded.length > 0) {
    const left = await sink.sheet('Holes left out', [
      { header: 'Hole', width: 16 },
      { header: 'Reason', width: 100 },
      { header: 'Found by', width: 12 },
    ]);
    for (const hole of run.excluded) left.row([hole.holeId, hole.reason, hole.source]);
  }
}

export async function exportRun(
  db: Database,
  id: number,
  path: string,
  options: ExportOptions,
): Promise<WrittenRun> {
  const format = exportFormat(path);
  checkDestination(path, options.overwrite);
  const run = loadRun(db, id);
  const table = loadRunTable(db, run);
  // Intercept results carry the statement too; asking for the report of another kind is refused there.
  const report =
    options.content === 'report' || run.kind === 'intercepts' ? interceptReport(run, table) : null;
  const figures =
    options.content === 'report' && options.figures && (path !== '-' || options.figureDirectory)
      ? (await import('../sections/report-figures')).reportFigures(db, id, options.figures)
      : null;
  const stem = options.figureDirectory
    ? join(options.figureDirectory, `run-${id}`)
    : path.replace(/\.(csv|xlsx)$/i, '');
  const figureFiles = figures ? writeFigureFiles(stem, figures, options.overwrite) : undefined;
  const checkCancel = (row: number) => {
    if ((row & 4095) === 0 && options.cancelled?.()) throw new JobCancelled();
  };
  if (format === 'csv') {
    const sink = openCsvSink(path);
    try {
      let rows = 0;
      if (options.content === 'report') {
        for (const row of reportRows(report!)) sink.row(row);
        rows = report!.table.rows.length;
        sink.row([]);
        for (const note of footnotes(report!)) sink.row([note]);
      } else {
        const columns = runOutputColumns(run);
        const reader = new RowReader(table, columns);
        sink.row(columns.map((c) => c.header));
        for (let r = 0; r < table.rowCount; r++) {
          checkCancel(r);
          sink.row(reader.row(r));
        }
        rows = table.rowCount;
      }
      sink.close();
      return { path, format, content: options.content, rows, figures: figureFiles };
    } catch (error) {
      sink.abort();
      throw error;
    }
  }
  if (options.content === 'report') {
    // The formatted release table (title, "and"/"including" rows indented, rounded numbers) with its
    // Parameters sheet: the same writer the Export view uses.
    const built = report!;
    await writeInterceptReportXlsx(path, {
      title: `Significant intercepts, run ${run.id}`,
      project: readSettings(db).name,
      table: { header: built.header, rows: built.table.rows, notes: built.notes },
      statement: { sentences: [built.statement], warnings: built.warnings },
      parameters: parameterRows(run).map(([name, value]) => ({ name, value })),
      generatedAt: run.finishedAt.slice(0, 10),
      figures: figures?.map((f) => ({ title: f.title, png: f.png, width: f.width, height: f.height })),
    });
    return { path, format, content: options.content, rows: built.table.rows.length, figures: figureFiles };
  }
  const sink = await openXlsxSink(path);
  try {
    const columns = runOutputColumns(run);
    const reader = new RowReader(table, columns);
    const sheet = await sink.sheet(
      SHEET_NAMES[run.kind],
      columns.map((c) => ({
        header: c.header,
        decimals: c.decimals,
        width: c.source === 'hole' ? 16 : undefined,
      })),
    );
    for (let r = 0; r < table.rowCount; r++) {
      checkCancel(r);
      sheet.row(reader.row(r));
      // Let the compressor catch up so a million rows are never all held in memory.
      if ((r & 511) === 511) await sink.ready();
    }
    await parametersSheet(sink, run, report?.statement ?? null);
    await sink.close();
    return { path, format, content: options.content, rows: table.rowCount };
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
