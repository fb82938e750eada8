// Writes XLSX workbooks with ExcelJS's streaming writer (bounded memory for a million rows): one sheet per
// table, numbers as numbers, a bold frozen header row with units, column widths from the header and the
// first rows. Text is neutralised against formula injection as in CSV.
import { renameSync, rmSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { neutraliseText, type CellValue } from '../../domain/export/cell-safety';
import { parseNumber } from '../../domain/table-fields';

export interface SheetColumn {
  header: string;
  /** Decimals shown for numbers (the stored value keeps full precision). */
  decimals?: number;
  /** Width in characters; measured from the header and the first rows when absent. */
  width?: number;
  /** Text that reads as a plain number (a lab's '0.45' or '-0.005') is written as a number. */
  numericText?: boolean;
}

export interface SheetWriter {
  row(values: readonly CellValue[]): void;
}

export interface XlsxSink {
  sheet(name: string, columns: readonly SheetColumn[]): SheetWriter;
  close(): Promise<void>;
  /** Stops writing and removes the unfinished file. */
  abort(): Promise<void>;
}

/** Rows held back to measure column widths before the sheet's column definitions are written. */
const MEASURED_ROWS = 200;

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

function numberFormat(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** A cell as the workbook stores it: numbers stay numbers, text is made safe. */
export function xlsxCell(value: CellValue, numericText = false): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (numericText && value.trim() === value) {
    const number = parseNumber(value);
    if (number !== null) return number;
  }
  return neutraliseText(value);
}

function displayLength(value: ExcelJS.CellValue): number {
  if (value === null || value === undefined) return 0;
  return String(value).length;
}

/** Opens a workbook for writing (ExcelJS is loaded on first use, not at start-up). */
export async function openXlsxSink(path: string): Promise<XlsxSink> {
  const { default: ExcelJS } = await import('exceljs');
  const temporary = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temporary,
    useStyles: true,
    useSharedStrings: false,
  });
  let finishCurrent: (() => void) | null = null;
  return {
    sheet(name, columns) {
      finishCurrent?.();
      const worksheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
      const held: ExcelJS.CellValue[][] = [];
      let started = false;
      const start = () => {
        started = true;
        worksheet.columns = columns.map((column, index) => {
          const longest = Math.max(
            column.header.length,
            ...held.map((row) => displayLength(row[index] ?? null)),
          );
          return {
            header: column.header,
            width: column.width ?? Math.min(50, Math.max(8, longest + 2)),
            style: { numFmt: numberFormat(column.decimals) },
          };
        });
        const header = worksheet.getRow(1);
        header.font = { bold: true };
        header.commit();
        for (const row of held) worksheet.addRow(row).commit();
        held.length = 0;
      };
      finishCurrent = () => {
        if (!started) start();
        worksheet.commit();
        finishCurrent = null;
      };
      return {
        row(values) {
          const cells = values.map((value, index) => xlsxCell(value, columns[index]?.numericText ?? false));
          if (started) worksheet.addRow(cells).commit();
          else {
            held.push(cells);
            if (held.length >= MEASURED_ROWS) start();
          }
        },
      };
    },
    async close() {
      finishCurrent?.();
      await workbook.commit();
      renameSync(temporary, path);
    },
    async abort() {
      // The file must be closed before it can be removed on Windows.
      try {
        finishCurrent?.();
        await workbook.commit();
      } catch {
        // Whatever the writer's state, the partial file goes.
      }
      rmSync(temporary, { force: true });
    },
  };
}
