// One ZIP writer packing one set of files, in its own process so its peak memory is its own (bench/
// benchmarks/zip-writer-benchmark.ts runs it under GNU time). Every writer gets the same 256 KB chunks
// read from the files and writes each as a deflated entry (level 6) with backpressure, as the XLSX writer
// and the CSV-set download do, into a file on disk. Prints {ms, bytes} as JSON.
//   node --import tsx bench/library-trials/zip-trial.ts WRITER OUT.zip NAME=PATH...
// WRITER: hand-written (our own writer, before yazl), drillbench (src/services/export/zip-file.ts, on yazl),
// yazl, archiver or fflate.
import { closeSync, createWriteStream, openSync, readSync, statSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { Zip, ZipDeflate } from 'fflate';
import yazl from 'yazl';
import { ZipWriter } from '../../src/services/export/zip-file';
import { HandWrittenZipWriter } from './hand-written-zip-writer';

const CHUNK = 1 << 18;

interface Entry {
  name: string;
  path: string;
}

function* fileChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      yield Buffer.from(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes a file's chunks into a stream, waiting whenever the stream asks to. */
async function pump(entry: Entry, into: Writable): Promise<void> {
  for (const chunk of fileChunks(entry.path)) if (!into.write(chunk)) await once(into, 'drain');
  into.end();
}

async function zipWith(zip: HandWrittenZipWriter | ZipWriter, entries: readonly Entry[]): Promise<void> {
  for (const entry of entries) {
    zip.beginEntry(entry.name);
    for (const chunk of fileChunks(entry.path)) if (!zip.write(chunk)) await zip.drained();
    await zip.endEntry();
  }
  await zip.finish();
}

async function zipYazl(out: string, entries: readonly Entry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const file = createWriteStream(out);
  zip.outputStream.pipe(file);
  for (const entry of entries) {
    const input = new PassThrough();
    zip.addReadStream(input, entry.name, { compressionLevel: 6 });
    await pump(entry, input);
  }
  zip.end();
  await once(file, 'close');
}

async function zipArchiver(out: string, entries: readonly Entry[]): Promise<void> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const file = createWriteStream(out);
  archive.pipe(file);
  for (const entry of entries) {
    const input = new PassThrough();
    archive.append(input, { name: entry.name });
    await pump(entry, input);
  }
  await archive.finalize();
  await once(file, 'close');
}

async function zipFflate(out: string, entries: readonly Entry[]): Promise<void> {
  const fd = openSync(out, 'w');
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else writeSync(fd, data);
    if (final) done = true;
  });
  for (const entry of entries) {
    const deflate = new ZipDeflate(entry.name, { level: 6 });
    zip.add(deflate);
    for (const chunk of fileChunks(entry.path)) deflate.push(chunk);
    deflate.push(new Uint8Array(0), true);
  }
  zip.end();
  closeSync(fd);
  if (failure) throw failure;
  if (!done) throw new Error('fflate did not finish the archive.');
}

const [writer, out, ...pairs] = process.argv.slice(2);
if (!writer || !out || pairs.length === 0) throw new Error('usage: zip-trial.ts WRITER OUT.zip NAME=PATH...');
const entries = pairs.map((pair) => {
  const [name, path] = pair.split('=');
  if (!name || !path) throw new Error(`Not NAME=PATH: ${pair}`);
  return { name, path };
});
const writers: Record<string, (out: string, entries: readonly Entry[]) => Promise<void>> = {
  'hand-written': (path, list) => zipWith(new HandWrittenZipWriter(path), list),
  drillbench: (path, list) => zipWith(new ZipWriter(path), list),
  yazl: zipYazl,
  archiver: zipArchiver,
  fflate: zipFflate,
};
const write = writers[writer];
if (!write) throw new Error(`Unknown writer ${writer}`);
const start = process.hrtime.bigint();
await write(out, entries);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, bytes: statSync(out).size }));
