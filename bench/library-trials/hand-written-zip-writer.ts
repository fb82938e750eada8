// The hand-written streaming ZIP writer drillbench used before it moved to yazl (src/services/export/
// zip-file.ts until this benchmark was written), kept only as the reference the ZIP writer benchmark
// measures yazl against, so the decision can be re-checked on any machine. Not used by the app.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { createDeflateRaw, crc32, type DeflateRaw } from 'node:zlib';

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const UTF8_AND_DESCRIPTOR = 0x0808;
/** Uncompressed bytes held for zlib before the writer waits for it. */
const HIGH_WATER = 1 << 20;

interface OpenEntry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
  deflate: DeflateRaw;
  finished: Promise<void>;
}

export class HandWrittenZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private entries = 0;
  private entry: OpenEntry | null = null;
  private readonly stamp = dosTime(new Date());
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  private out(buffer: Buffer): void {
    writeSync(this.fd, buffer);
    this.offset += buffer.length;
  }

  /** Starts an entry; write its bytes with write() and end it with endEntry(). */
  beginEntry(name: string): void {
    if (this.entry) throw new Error('The previous ZIP entry is still open.');
    const encoded = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.day, 12);
    local.writeUInt16LE(encoded.length, 26);
    const offset = this.offset;
    this.out(Buffer.concat([local, encoded]));
    const deflate = createDeflateRaw({ level: 6 });
    const entry: OpenEntry = {
      name: encoded,
      offset,
      crc: 0,
      size: 0,
      compressed: 0,
      deflate,
      finished: new Promise((resolve, reject) => {
        deflate.on('end', resolve);
        deflate.on('error', reject);
      }),
    };
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      try {
        this.out(chunk);
      } catch (error) {
        this.failure = error as Error;
        deflate.destroy(error as Error);
      }
    });
    this.entry = entry;
  }

  /** Adds bytes to the open entry. Returns false when the caller should await drained() before more. */
  write(data: Buffer | string): boolean {
    const entry = this.entry;
    if (!entry) throw new Error('No ZIP entry is open.');
    if (this.failure) throw this.failure;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    entry.crc = crc32(bytes, entry.crc);
    entry.size += bytes.length;
    if (entry.size >= 0xffffffff) throw new Error('A ZIP entry larger than 4 GB is not supported.');
    entry.deflate.write(bytes);
    return entry.deflate.writableLength < HIGH_WATER;
  }

  /** Resolves once zlib has caught up with what was written. */
  async drained(): Promise<void> {
    const deflate = this.entry?.deflate;
    if (!deflate || deflate.writableLength < HIGH_WATER) return;
    await new Promise<void>((resolve) => deflate.once('drain', () => resolve()));
    if (this.failure) throw this.failure;
  }

  async endEntry(): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    entry.deflate.end();
    await entry.finished;
    if (this.failure) throw this.failure;
    this.entry = null;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.out(descriptor);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(this.stamp.time, 12);
    record.writeUInt16LE(this.stamp.day, 14);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    this.central.push(Buffer.concat([record, entry.name]));
    this.entries++;
  }

  async addText(name: string, text: string): Promise<void> {
    this.beginEntry(name);
    this.write(text);
    await this.endEntry();
  }

  async addFile(name: string, path: string): Promise<void> {
    this.beginEntry(name);
    for await (const chunk of createReadStream(path)) {
      if (!this.write(chunk as Buffer)) await this.drained();
    }
    await this.endEntry();
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    await this.endEntry();
    const directory = Buffer.concat(this.central);
    const start = this.offset;
    this.out(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries, 8);
    end.writeUInt16LE(this.entries, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.out(end);
    closeSync(this.fd);
  }

  /** Gives up: closes the file (the caller removes it). */
  abort(): void {
    this.entry?.deflate.destroy();
    this.entry = null;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }
}
