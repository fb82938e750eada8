// Writes XLSX workbooks with ExcelJS's streaming writer (bounded memory for a million rows): one sheet per
// table, numbers as numbers, a bold frozen header row with units, sensible column widths. Text is
// neutralised against formula injection as in CSV.
import { renameSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { neutraliseText, type CellValue } from '../../domain/export/cell-safety';

export interface SheetColumn {
  header: string;
  /** Decimals shown for numbers (the stored value keeps full precision). */
  decimals?: number;
  /** Width in characters; guessed from the header when absent. */
  width?: number;
}

export interface SheetWriter {
  row(values: readonly CellValue[]): void;
}

export interface XlsxSink {
  sheet(name: string, columns: readonly SheetColumn[]): SheetWriter;
  close(): Promise<void>;
  abort(): void;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

function numberFormat(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

export function openXlsxSink(path: string): XlsxSink {
  const temporary = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temporary,
    useStyles: true,
    useSharedStrings: false,
  });
  let current: ExcelJS.Worksheet | null = null;
  return {
    sheet(name, columns) {
      current?.commit();
      const worksheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width ?? Math.min(40, Math.max(10, column.header.length + 2)),
        style: { numFmt: numberFormat(column.decimals) },
      }));
      worksheet.getRow(1).font = { bold: true };
      worksheet.getRow(1).commit();
      current = worksheet;
      return {
        row(values) {
          const cells = values.map((value) =>
            typeof value === 'string' ? neutraliseText(value) : (value ?? null),
          );
          worksheet.addRow(cells).commit();
        },
      };
    },
    async close() {
      current?.commit();
      await workbook.commit();
      renameSync(temporary, path);
    },
    abort() {
      rmSync(temporary, { force: true });
    },
  };
}
