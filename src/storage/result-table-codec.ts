// The stored form of a run's ResultTable: one blob holding a JSON header (row count, hole IDs, column
// names, text levels) and then each column's typed array, little-endian, 8-byte aligned. Encoding and
// decoding are copies, so a million result rows are saved and read back in milliseconds.
import type { ResultTable } from '../domain/compositing/result-table';
import { StorageError } from './storage-error';

const MAGIC = 0x54524244; // 'DBRT' read little-endian
const VERSION = 1;

interface Header {
  rowCount: number;
  holes: string[];
  numbers: string[];
  texts: { name: string; levels: string[] }[];
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeResultTable(table: ResultTable): Buffer {
  const n = table.rowCount;
  const header: Header = {
    rowCount: n,
    holes: [...table.holes],
    numbers: table.numbers.map((c) => c.name),
    texts: table.texts.map((c) => ({ name: c.name, levels: c.levels })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align8(12 + json.length);
  const int32Bytes = align8(n * 4);
  const size = start + int32Bytes + table.numbers.length * n * 8 + table.texts.length * int32Bytes;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(VERSION, 4);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  let at = start;
  const put = (array: Int32Array | Float64Array, bytes: number) => {
    Buffer.from(array.buffer, array.byteOffset, array.length * array.BYTES_PER_ELEMENT).copy(out, at);
    at += bytes;
  };
  put(table.hole.subarray(0, n), int32Bytes);
  for (const column of table.numbers) put(column.values.subarray(0, n), n * 8);
  for (const column of table.texts) put(column.codes.subarray(0, n), int32Bytes);
  return out;
}

export function decodeResultTable(blob: Buffer | Uint8Array): ResultTable {
  const data = Buffer.isBuffer(blob) ? blob : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (data.length < 12 || data.readUInt32LE(0) !== MAGIC) {
    throw new StorageError('damaged', 'A stored run has unreadable results; run it again.');
  }
  const version = data.readUInt32LE(4);
  if (version !== VERSION) {
    throw new StorageError(
      'newer-version',
      `A stored run's results use format ${version}; this drillbench reads format ${VERSION}. Update drillbench.`,
    );
  }
  const jsonLength = data.readUInt32LE(8);
  const header = JSON.parse(data.toString('utf8', 12, 12 + jsonLength)) as Header;
  const n = header.rowCount;
  let at = align8(12 + jsonLength);
  const int32Bytes = align8(n * 4);
  // Copies, because a SQLite blob's bytes need not be aligned for a Float64Array view.
  const take = (bytes: number): ArrayBuffer => {
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(data.subarray(at, at + bytes));
    at += bytes;
    return copy;
  };
  const hole = new Int32Array(take(int32Bytes), 0, n);
  const numbers = header.numbers.map((name) => ({ name, values: new Float64Array(take(n * 8), 0, n) }));
  const texts = header.texts.map((column) => ({
    name: column.name,
    levels: column.levels,
    codes: new Int32Array(take(int32Bytes), 0, n),
  }));
  if (at > data.length)
    throw new StorageError('damaged', 'A stored run has truncated results; run it again.');
  return { holes: header.holes, rowCount: n, hole, numbers, texts };
}
