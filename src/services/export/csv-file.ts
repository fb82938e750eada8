// Writes CSV files row by row with bounded memory (UTF-8 with a BOM so Excel reads accents right, CRLF
// line ends), to a file or standard output. Text is neutralised against formula injection.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { csvLine, type CellValue } from '../../domain/export/cell-safety';

export interface CsvSink {
  row(values: readonly CellValue[]): void;
  /** Finishes the file: the data appears under its final name only when complete. */
  close(): void;
  abort(): void;
}

const BUFFER_LIMIT = 1 << 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes every byte. Standard output may be a non-blocking pipe, where one write takes only what the pipe
 * has room for (or fails with EAGAIN): a single writeSync would silently drop the rest.
 */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** Writes to `path` ('-' for standard output). A file is written beside and renamed when complete. */
export function openCsvSink(path: string, options: { bom?: boolean } = {}): CsvSink {
  const toStdout = path === '-';
  const temporary = toStdout ? '' : `${path}.partial`;
  const fd = toStdout ? 1 : openSync(temporary, 'w');
  let buffer = options.bom === false || toStdout ? '' : '\ufeff';
  const flush = () => {
    if (buffer.length > 0) writeAll(fd, Buffer.from(buffer, 'utf8'));
    buffer = '';
  };
  return {
    row(values) {
      buffer += `${csvLine(values)}\r\n`;
      if (buffer.length > BUFFER_LIMIT) flush();
    },
    close() {
      flush();
      if (!toStdout) {
        closeSync(fd);
        renameSync(temporary, path);
      }
    },
    abort() {
      if (!toStdout) {
        closeSync(fd);
        rmSync(temporary, { force: true });
      }
    },
  };
}
