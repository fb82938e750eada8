// A delimited text file opened for import: dialect sniffed (or given), header read, the first rows held
// for column analysis and preview, then the rest streamed row by row.
import { CsvSyntaxError, CsvTokenizer } from '../../domain/csv/csv-tokenizer';
import { sniffDialect, type CsvDialect } from '../../domain/csv/sniff';
import {
  FileReadError,
  openTextFile,
  readTextHead,
  type TextChunkReader,
  type TextEncoding,
} from './text-source';

export interface DataRow {
  fields: string[];
  line: number;
}

export interface OpenDelimitedOptions {
  dialect?: Partial<CsvDialect>;
  encoding?: TextEncoding;
  peekRows?: number;
}

export interface DelimitedFile {
  path: string;
  dialect: CsvDialect;
  encoding: TextEncoding;
  encodingFellBack: boolean;
  header: string[];
  headerLine: number;
  /** The first data rows, already read. */
  peek: DataRow[];
  size: number;
  /** Streams every data row (the peeked ones first). Checks field counts against the header. */
  forEachRow(onRow: (row: DataRow) => void, onProgress?: (bytesRead: number) => void): void;
  /** Releases the file when it is not streamed to the end (forEachRow closes it itself). */
  close(): void;
}

function wrapSyntaxError(path: string, error: unknown): never {
  if (error instanceof CsvSyntaxError) throw new FileReadError(path, `${path}: ${error.message}`);
  throw error;
}

function checkWidth(path: string, header: readonly string[], row: DataRow): void {
  if (row.fields.length === header.length) return;
  // A trailing empty field from a trailing delimiter is harmless when everything else lines up.
  if (row.fields.length === header.length + 1 && row.fields.at(-1) === '') {
    row.fields.pop();
    return;
  }
  throw new FileReadError(
    path,
    `${path}, line ${row.line}: ${row.fields.length} fields where the header has ${header.length}. Check the delimiter, a missing quote, or a line cut short; nothing was imported.`,
  );
}

export function openDelimitedFile(path: string, options: OpenDelimitedOptions = {}): DelimitedFile {
  const head = readTextHead(path, 64 * 1024, options.encoding);
  if (head.text.trim() === '') throw new FileReadError(path, `${path} is empty: there is no header row.`);
  const sniffed = sniffDialect(head.text);
  const dialect: CsvDialect = {
    delimiter: options.dialect?.delimiter ?? sniffed.delimiter,
    decimalComma: options.dialect?.decimalComma ?? sniffed.decimalComma,
  };
  const peekLimit = options.peekRows ?? 1000;
  const opened: TextChunkReader = openTextFile(path, options.encoding ?? head.encoding);
  let closed = false;
  const reader = {
    ...opened,
    next: () => opened.next(),
    get bytesRead() {
      return opened.bytesRead;
    },
    close() {
      if (closed) return;
      closed = true;
      opened.close();
    },
  };
  const tokenizer = new CsvTokenizer({ delimiter: dialect.delimiter });
  let header: string[] | null = null;
  let headerLine = 1;
  const peek: DataRow[] = [];
  let finished = false;
  const collect = (fields: string[], line: number) => {
    if (header === null) {
      header = fields;
      headerLine = line;
    } else {
      peek.push({ fields, line });
    }
  };
  try {
    while (header === null || peek.length < peekLimit) {
      const chunk = reader.next();
      if (chunk === null) {
        tokenizer.end(collect);
        finished = true;
        break;
      }
      tokenizer.push(chunk, collect);
    }
  } catch (error) {
    reader.close();
    wrapSyntaxError(path, error);
  }
  if (header === null) {
    reader.close();
    throw new FileReadError(path, `${path} is empty: there is no header row.`);
  }
  const headerRow: string[] = header;
  if (headerRow.length < 2) {
    reader.close();
    throw new FileReadError(
      path,
      `${path}: the header has a single column ("${headerRow[0] ?? ''}"), so the delimiter is not "${dialect.delimiter === '\t' ? 'tab' : dialect.delimiter}". Choose the file's delimiter.`,
    );
  }
  return {
    path,
    dialect,
    encoding: reader.encoding,
    encodingFellBack: reader.fellBack || (options.encoding === undefined && head.fellBack),
    header: headerRow,
    headerLine,
    peek,
    size: reader.size,
    close: () => reader.close(),
    forEachRow(onRow, onProgress) {
      try {
        for (const row of peek) {
          checkWidth(path, headerRow, row);
          onRow(row);
        }
        if (finished) return;
        const handle = (fields: string[], line: number) => {
          const row = { fields, line };
          checkWidth(path, headerRow, row);
          onRow(row);
        };
        for (let chunk = reader.next(); chunk !== null; chunk = reader.next()) {
          tokenizer.push(chunk, handle);
          onProgress?.(reader.bytesRead);
        }
        tokenizer.end(handle);
      } catch (error) {
        wrapSyntaxError(path, error);
      } finally {
        reader.close();
      }
    },
  };
}
