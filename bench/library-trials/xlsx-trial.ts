// One XLSX writer exporting the samples table of the synthetic project (1,000,000 rows), in its own
// process so its peak memory is its own (bench/benchmarks/xlsx-writer-benchmark.ts runs it under GNU
// time). Both writers get the same rows, read as `drillbench export` reads them and made safe the same
// way (xlsxCell: numbers stay numbers, formula-like text neutralised), and write the same sheet: bold
// frozen header, column widths measured from the header and the first 200 rows, whole-number format on
// integer columns. Prints {ms, bytes, rows} as JSON.
//   node --import tsx bench/library-trials/xlsx-trial.ts ours|exceljs|rows-only PROJECT OUT.xlsx
import { statSync } from 'node:fs';
import type { CellValue } from '../../src/domain/export/cell-safety';
import { cellsOf, sheetColumns, tableSource } from '../../src/services/export/project-export';
import { openXlsxSink, xlsxCell, type SheetColumn } from '../../src/services/export/xlsx-file';
import { closeProject, openProject } from '../../src/storage/project-db';

const MEASURED_ROWS = 200;

type Cell = ReturnType<typeof xlsxCell>;

async function writeOurs(out: string, columns: SheetColumn[], rows: Iterable<CellValue[]>): Promise<number> {
  const sink = await openXlsxSink(out);
  const sheet = await sink.sheet('Samples', columns);
  let count = 0;
  for (const row of rows) {
    sheet.row(row);
    if ((++count & 511) === 0) await sink.ready();
  }
  await sink.close();
  return count;
}

async function writeExcelJs(
  out: string,
  columns: SheetColumn[],
  cells: Iterable<CellValue[]>,
): Promise<number> {
  // xlsxCell is what ours applies inside row(): ExcelJS gets its result, so both do the same work.
  const rows = (function* (): Generator<Cell[]> {
    for (const row of cells)
      yield row.map((value, index) => xlsxCell(value, columns[index]?.numericText ?? false));
  })();
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Samples', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Widths need the first rows before any row is written, as in ours.
  const held: Cell[][] = [];
  let count = 0;
  let started = false;
  const start = () => {
    started = true;
    sheet.columns = columns.map((column, index) => ({
      header: column.header,
      width: Math.min(
        50,
        Math.max(
          8,
          Math.max(column.header.length, ...held.map((row) => String(row[index] ?? '').length)) + 2,
        ),
      ),
      style: column.decimals === 0 ? { numFmt: '0' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of held) sheet.addRow(row).commit();
    held.length = 0;
  };
  for (const row of rows) {
    count++;
    if (started) sheet.addRow(row).commit();
    else {
      held.push(row);
      if (held.length >= MEASURED_ROWS) start();
    }
    // Let ExcelJS's own streams drain, as ours does.
    if ((count & 511) === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!started) start();
  sheet.commit();
  await workbook.commit();
  return count;
}

const [writer, projectPath, out] = process.argv.slice(2);
if (!writer || !projectPath || !out)
  throw new Error('usage: xlsx-trial.ts ours|exceljs|rows-only PROJECT OUT');
const project = openProject(projectPath);
try {
  const source = tableSource(project.db, project.settings, 'samples', 'lab');
  const columns = sheetColumns(source.columns);
  const rowCells = function* (): Generator<CellValue[]> {
    for (const row of source.rows) yield cellsOf(row, source.columns, 'lab');
  };
  const start = process.hrtime.bigint();
  let rows = 0;
  if (writer === 'ours') rows = await writeOurs(out, columns, rowCells());
  else if (writer === 'exceljs') rows = await writeExcelJs(out, columns, rowCells());
  else if (writer === 'rows-only') for (const _row of rowCells()) rows++;
  else throw new Error(`Unknown writer ${writer}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const bytes = writer === 'rows-only' ? 0 : statSync(out).size;
  console.log(JSON.stringify({ ms, bytes, rows }));
} finally {
  closeProject(project);
}
