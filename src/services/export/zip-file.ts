// ZIP files written as a stream with yazl: an entry's bytes are deflated and written as they arrive, with
// backpressure, so a workbook sheet or a folder of CSVs of any size goes out with bounded memory. Used for
// XLSX workbooks and for handing a CSV set to a browser as one download.
// yazl replaced our own writer: see BENCHMARKS.md, "ZIP writer" (1.13-1.25 x its CPU time on the XLSX
// parts of the 1M-sample workbook, 1.05 x on the CSV set, the same memory; and it writes ZIP64 past 4 GB).
// The difference is yazl's CRC-32 in JavaScript; the benchmark's notes say when to go back.
import { once } from 'node:events';
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';

/** Uncompressed bytes an entry holds before write() asks the caller to wait. */
const HIGH_WATER = 1 << 20;
const LEVEL = 6;

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly file: WriteStream;
  private entry: PassThrough | null = null;
  private failure: Error | null = null;
  /** Settles when the file is closed; rejects on the first write error. */
  private readonly closed: Promise<void>;

  constructor(readonly path: string) {
    this.file = createWriteStream(path);
    this.closed = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        reject(error);
      };
      this.file.on('close', () => resolve());
      this.file.on('error', fail);
      this.zip.outputStream.on('error', fail);
    });
    // Failures are reported by the next call that waits; this keeps an early one from going unhandled.
    this.closed.catch(() => undefined);
    this.zip.outputStream.pipe(this.file);
  }

  /** Waits for `event` on the open entry, or fails with the file's error instead of waiting forever. */
  private async until(entry: PassThrough, event: 'drain' | 'end'): Promise<void> {
    await Promise.race([once(entry, event), this.closed.then(() => undefined)]);
    if (this.failure) throw this.failure;
  }

  /** Starts an entry; write its bytes with write() and end it with endEntry(). */
  beginEntry(name: string): void {
    if (this.entry) throw new Error('The previous ZIP entry is still open.');
    if (this.failure) throw this.failure;
    const entry = new PassThrough({ highWaterMark: HIGH_WATER });
    this.zip.addReadStream(entry, name, { compressionLevel: LEVEL });
    this.entry = entry;
  }

  /** Adds bytes to the open entry. Returns false when the caller should await drained() before more. */
  write(data: Buffer | string): boolean {
    const entry = this.entry;
    if (!entry) throw new Error('No ZIP entry is open.');
    if (this.failure) throw this.failure;
    return entry.write(data);
  }

  /** Resolves once yazl has taken in what was written. */
  async drained(): Promise<void> {
    const entry = this.entry;
    if (entry?.writableNeedDrain) await this.until(entry, 'drain');
    if (this.failure) throw this.failure;
  }

  async endEntry(): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    this.entry = null;
    entry.end();
    if (!entry.readableEnded) await this.until(entry, 'end');
  }

  async addText(name: string, text: string): Promise<void> {
    await this.endEntry();
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, { compressionLevel: LEVEL });
  }

  async addFile(name: string, path: string): Promise<void> {
    await this.endEntry();
    this.zip.addFile(path, name, { compressionLevel: LEVEL });
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    await this.endEntry();
    this.zip.end();
    await this.closed;
  }

  /** Gives up: closes the file, so the caller can remove it (Windows refuses to delete an open file). */
  async abort(): Promise<void> {
    this.entry?.destroy();
    this.entry = null;
    this.zip.outputStream.unpipe(this.file);
    if (this.file.closed) return;
    const closing = once(this.file, 'close');
    this.file.destroy();
    await closing;
  }
}

/** Writes `files` (paths) into a new ZIP at `zipPath`, each under its own file name. */
export async function writeZip(zipPath: string, files: readonly string[]): Promise<void> {
  const zip = new ZipWriter(zipPath);
  try {
    for (const file of files) {
      // A missing file is named here rather than as a stream error from inside yazl.
      statSync(file);
      await zip.addFile(basename(file), file);
    }
    await zip.finish();
  } catch (error) {
    await zip.abort();
    throw error;
  }
}
