// Reads XLSX workbooks into the import's row pipeline with ExcelJS's streaming reader: the chosen sheet
// (the first by default) is turned into text cells and spooled to a temporary JSON-lines file, which
// the synchronous import engine then streams like a CSV. Memory stays bounded for sheets of any size.
import { closeSync, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import type { DataRow, DelimitedFile } from './delimited-file';
import { FileReadError } from './text-source';

/** 'PK\x03\x04': a zip container, which is what an XLSX file is. */
export function looksLikeXlsx(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const read = readSync(fd, head, 0, 8, 0);
    return read >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    closeSync(fd);
  }
}

/** The old binary Excel format (OLE2 container), which is refused with advice. */
export function looksLikeXls(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const read = readSync(fd, head, 0, 8, 0);
    return read >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  } finally {
    closeSync(fd);
  }
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** One cell as the text a CSV would have held: numbers in JavaScript's shortest form, dates as ISO. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const cell = value as {
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      richText?: { text: string }[];
      text?: unknown;
      error?: unknown;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell || cell.formula !== undefined || cell.sharedFormula !== undefined)
      return cellText(cell.result);
    if (cell.error !== undefined) return String(cell.error);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return String(value);
}

function rowCells(values: unknown): string[] {
  // ExcelJS rows are 1-based, sparse arrays.
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  const cells: string[] = [];
  for (let i = 1; i < list.length; i++) cells.push(cellText(list[i]));
  while (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
  return cells;
}

interface SheetVisit {
  /** Every sheet name of the workbook, in order. */
  sheets: string[];
  sheet: string;
}

/**
 * Streams the rows of one sheet (the first when `sheet` is absent) to `onRow` with their sheet row
 * numbers. `onRow` returning false stops reading early (previews).
 */
export async function readXlsxRows(
  path: string,
  sheet: string | undefined,
  onRow: (cells: string[], rowNumber: number) => boolean | void,
): Promise<SheetVisit> {
  // Loaded on first use: ExcelJS takes a quarter of a second to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let names: string[] = [];
  // The caller's own errors (a cancel) pass through unwrapped.
  let ownError: unknown = undefined;
  const deliver = (cells: string[], rowNumber: number) => {
    try {
      return onRow(cells, rowNumber);
    } catch (error) {
      ownError = error;
      throw error;
    }
  };
  try {
    for await (const worksheet of reader) {
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      names = model?.sheets?.map((entry) => entry.name) ?? names;
      const name = (worksheet as unknown as { name: string }).name;
      if (!names.includes(name)) names.push(name);
      const wanted = sheet ?? names[0] ?? name;
      if (name !== wanted) continue;
      const visit: SheetVisit = { sheets: names, sheet: name };
      for await (const row of worksheet) {
        const { values, number } = row as unknown as { values: unknown; number: number };
        if (deliver(rowCells(values), number) === false) return visit;
      }
      return visit;
    }
  } catch (error) {
    if (error instanceof FileReadError || (ownError !== undefined && error === ownError)) throw error;
    throw new FileReadError(
      path,
      `${path} could not be read as an Excel workbook (${(error as Error).message}). Save it again from Excel as .xlsx, or export the sheet as CSV.`,
    );
  }
  if (sheet !== undefined)
    throw new FileReadError(
      path,
      `${path} has no sheet named "${sheet}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ') || 'none'}.`,
    );
  throw new FileReadError(path, `${path} holds no worksheet.`);
}

/** Converts a sheet to a JSON-lines spool ([row number, cells...] per line). */
export async function spoolXlsxSheet(
  path: string,
  sheet: string | undefined,
  spoolPath: string,
  onRows?: (rows: number) => void,
): Promise<SheetVisit & { rows: number }> {
  const out = createWriteStream(spoolPath, { encoding: 'utf8' });
  let buffer = '';
  let rows = 0;
  const pending: Promise<void>[] = [];
  const flush = () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) pending.push(new Promise((resolve) => out.once('drain', () => resolve())));
  };
  try {
    const visit = await readXlsxRows(path, sheet, (cells, rowNumber) => {
      if (cells.length === 0) return;
      buffer += `${JSON.stringify([rowNumber, ...cells])}\n`;
      rows++;
      if (buffer.length > 1 << 20) flush();
      if ((rows & 8191) === 0) onRows?.(rows);
    });
    flush();
    await Promise.all(pending);
    return { ...visit, rows };
  } finally {
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
}

/**
 * Opens a spooled sheet as the engine's DelimitedFile: the first non-empty row is the header; short
 * rows are padded, and a value right of the last header column is refused like a CSV width error.
 */
export function openXlsxSpool(spoolPath: string, label: string, peekRows = 1000): DelimitedFile {
  const size = statSync(spoolPath).size;
  const fd = openSync(spoolPath, 'r');
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  const buffer = Buffer.alloc(1 << 20);
  let position = 0;
  let carry = '';
  let done = false;
  const readLines = (): string[] | null => {
    if (done) return null;
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) {
      done = true;
      return carry === '' ? null : [carry];
    }
    position += read;
    const text = carry + buffer.toString('utf8', 0, read);
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    return lines;
  };
  let header: string[] | null = null;
  let headerLine = 1;
  const peek: DataRow[] = [];
  const pendingLines: string[] = [];
  const parse = (line: string): DataRow => {
    const [rowNumber, ...fields] = JSON.parse(line) as [number, ...string[]];
    return { fields, line: rowNumber };
  };
  while (header === null || peek.length < peekRows) {
    const lines = readLines();
    if (lines === null) break;
    for (const line of lines) {
      if (line === '') continue;
      if (header === null) {
        const row = parse(line);
        header = row.fields;
        headerLine = row.line;
      } else if (peek.length < peekRows) peek.push(parse(line));
      else pendingLines.push(line);
    }
  }
  if (header === null) {
    close();
    throw new FileReadError(label, `${label} is empty: there is no header row.`);
  }
  const headerRow: string[] = header;
  const fit = (row: DataRow) => {
    if (row.fields.length > headerRow.length) {
      const extra = row.fields.findIndex((field, index) => index >= headerRow.length && field.trim() !== '');
      if (extra >= 0)
        throw new FileReadError(
          label,
          `${label}, row ${row.line}: a value in column ${extra + 1} lies right of the last header column (${headerRow.length}). Give that column a header or clear it; nothing was imported.`,
        );
      row.fields.length = headerRow.length;
    }
    while (row.fields.length < headerRow.length) row.fields.push('');
  };
  return {
    path: label,
    dialect: { delimiter: ',', decimalComma: false },
    encoding: 'utf-8',
    encodingFellBack: false,
    header: headerRow,
    headerLine,
    peek,
    size,
    close,
    forEachRow(onRow, onProgress) {
      try {
        for (const row of peek) {
          fit(row);
          onRow(row);
        }
        for (const line of pendingLines) {
          const row = parse(line);
          fit(row);
          onRow(row);
        }
        for (let lines = readLines(); lines !== null; lines = readLines()) {
          for (const line of lines) {
            if (line === '') continue;
            const row = parse(line);
            fit(row);
            onRow(row);
          }
          onProgress?.(position);
        }
      } finally {
        close();
      }
    },
  };
}
