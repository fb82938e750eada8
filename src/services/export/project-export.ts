// Exports a table, a grid view, the whole project or the Leapfrog/Datamine CSV set, streaming rows from
// SQLite to CSV or XLSX with bounded memory, progress and cancel. Every text cell is made safe against
// formula injection; numbers stay numbers; headers carry units.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../domain/export/cell-safety';
import {
  ASSAY_VALUE_RULES,
  assayCell,
  dipWords,
  EXPORT_TABLE_TITLES,
  EXPORT_TABLES,
  exportColumns,
  type AssayValueMode,
  type ExportColumn,
  type ExportTable,
} from '../../domain/export/export-tables';
import type { DataTable, ProjectSettings } from '../../domain/model';
import {
  assayResultRows,
  exportAnalytes,
  exportRowCount,
  gridRows,
  simpleRows,
  type ExportRow,
  type ViewQuery,
} from '../../storage/export-queries';
export { ExportCancelled } from './export-run';
export type { ExportControl, ExportOutcome, ExportRequest, ExportTarget } from './export-run';
import type { Database } from '../../storage/project-db';
import { openCsvSink } from './csv-file';
import { ExportTally, type ExportControl, type ExportOutcome, type ExportRequest } from './export-run';
import { writeLeapfrogSet } from './leapfrog-export';
import { openXlsxSink, type SheetColumn } from './xlsx-file';
import { writeZip } from './zip-file';

export interface TableSource {
  columns: ExportColumn[];
  rows: Iterable<ExportRow>;
}

export function tableSource(
  db: Database,
  settings: ProjectSettings,
  table: ExportTable,
  mode: AssayValueMode,
  query?: ViewQuery,
): TableSource {
  const units = { lengthUnit: settings.length_unit, dipConvention: settings.dip_convention };
  const analytes = table === 'samples' ? exportAnalytes(db) : [];
  const columns = exportColumns(table, units, analytes, mode);
  switch (table) {
    case 'holes':
    case 'surveys':
    case 'samples':
    case 'lithology':
      return { columns, rows: gridRows(db, table as DataTable, query) };
    case 'assay_results':
      return { columns, rows: assayResultRows(db) };
    default:
      return { columns, rows: simpleRows(db, table) };
  }
}

/** A row's cells in column order. */
export function cellsOf(row: ExportRow, columns: readonly ExportColumn[], mode: AssayValueMode): CellValue[] {
  return columns.map((column) => {
    if (column.key.startsWith('analyte:')) return assayCell(row.results?.get(column.key.slice(8)), mode);
    const value = row[column.key];
    if (value === undefined || value === null) return null;
    if (column.type === 'text') return typeof value === 'string' ? value : String(value);
    return value as CellValue;
  });
}

export function sheetColumns(columns: readonly ExportColumn[]): SheetColumn[] {
  return columns.map((column) => ({
    header: column.header,
    numericText: column.type === 'result',
    decimals: column.type === 'integer' ? 0 : undefined,
  }));
}

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + statSync(join(path, name)).size, 0);
}

function projectSheet(settings: ProjectSettings, mode: AssayValueMode): [string, string][] {
  return [
    ['Project', settings.name],
    ['Exported', new Date().toISOString()],
    ['Length unit', settings.length_unit === 'm' ? 'metres' : 'feet'],
    ['Coordinate system', settings.coordinate_system ?? 'not stated'],
    ['Dip convention', dipWords(settings.dip_convention)],
    ['Assay values', ASSAY_VALUE_RULES[mode]],
    [
      'Samples sheet',
      'the preferred result of each sample and analyte; every result is on the Assay results sheet',
    ],
  ];
}

async function writeTables(
  db: Database,
  settings: ProjectSettings,
  tables: readonly { table: ExportTable; query?: ViewQuery }[],
  request: ExportRequest,
  control: ExportControl,
): Promise<ExportOutcome> {
  const mode = request.assayValues ?? 'lab';
  const total = tables.reduce((sum, entry) => sum + exportRowCount(db, entry.table, entry.query), 0);
  const tally = new ExportTally(total, control);
  const rows: Record<string, number> = {};
  const whole = request.target.kind === 'project';
  if (request.format === 'xlsx') {
    const sink = await openXlsxSink(request.path);
    try {
      if (whole) {
        const about = await sink.sheet('Project', [{ header: 'Setting' }, { header: 'Value', width: 90 }]);
        for (const row of projectSheet(settings, mode)) about.row(row);
      }
      for (const { table, query } of tables) {
        tally.checkpoint();
        const source = tableSource(db, settings, table, mode, query);
        const sheet = await sink.sheet(EXPORT_TABLE_TITLES[table], sheetColumns(source.columns));
        let count = 0;
        for (const row of source.rows) {
          sheet.row(cellsOf(row, source.columns, mode));
          count++;
          tally.step(`Writing ${EXPORT_TABLE_TITLES[table]}: ${count.toLocaleString('en')} rows`);
          // Compression runs between turns of the event loop: let it catch up every few hundred rows,
          // so memory stays bounded whatever the table's size.
          if ((count & 511) === 0) await sink.ready();
        }
        rows[table] = count;
      }
      tally.checkpoint();
      await sink.close();
    } catch (error) {
      await sink.abort();
      throw error;
    }
    return {
      path: request.path,
      format: 'xlsx',
      files: [request.path],
      rows,
      bytes: sizeOf(request.path),
      notes: [],
    };
  }
  const folder = whole ? request.path : null;
  if (folder) mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  try {
    for (const { table, query } of tables) {
      tally.checkpoint();
      const file = folder ? join(folder, `${table}.csv`) : request.path;
      const source = tableSource(db, settings, table, mode, query);
      const sink = openCsvSink(file);
      try {
        sink.row(source.columns.map((column) => column.header));
        let count = 0;
        for (const row of source.rows) {
          sink.row(cellsOf(row, source.columns, mode));
          count++;
          tally.step(`Writing ${EXPORT_TABLE_TITLES[table]}: ${count.toLocaleString('en')} rows`);
        }
        tally.checkpoint();
        sink.close();
        rows[table] = count;
        files.push(file);
      } catch (error) {
        sink.abort();
        throw error;
      }
    }
    if (folder) {
      const readme = join(folder, 'README.txt');
      writeFileSync(
        readme,
        projectSheet(settings, mode)
          .map(([key, value]) => `${key}: ${value}`)
          .join('\r\n') + '\r\n',
      );
      files.push(readme);
    }
  } catch (error) {
    if (folder) for (const file of files) rmSync(file, { force: true });
    throw error;
  }
  return {
    path: request.path,
    format: 'csv',
    files,
    rows,
    bytes: sizeOf(request.path),
    notes: [],
  };
}

/** Runs an export. Throws ExportCancelled (nothing left behind) when Cancel is pressed. */
export async function runExport(
  db: Database,
  settings: ProjectSettings,
  request: ExportRequest,
  control: ExportControl = {},
): Promise<ExportOutcome> {
  let outcome: ExportOutcome;
  const target = request.target;
  if (target.kind === 'leapfrog') {
    if (request.format !== 'csv')
      throw new RangeError('The Leapfrog/Datamine set is a folder of CSV files: choose CSV.');
    outcome = await writeLeapfrogSet(db, settings, request, control);
  } else if (target.kind === 'project') {
    outcome = await writeTables(
      db,
      settings,
      EXPORT_TABLES.map((table) => ({ table })),
      request,
      control,
    );
  } else {
    const { kind: _kind, table, ...query } = target;
    outcome = await writeTables(db, settings, [{ table, query }], request, control);
  }
  control.onProgress?.(1, 1, 'Done');
  if (request.zip && statSync(outcome.path).isDirectory()) {
    const zipPath = `${outcome.path}.zip`;
    await writeZip(zipPath, outcome.files);
    rmSync(outcome.path, { recursive: true, force: true });
    return { ...outcome, path: zipPath, format: 'zip', bytes: statSync(zipPath).size };
  }
  return outcome;
}
