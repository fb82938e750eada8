// Streams an assay file's rows as converted batches to the engine, which writes them. Large files are
// read and converted in a worker thread while the main thread writes (the two overlap on two cores);
// small ones inline. The engine's transaction is synchronous, so batches are received with
// receiveMessageOnPort and a shared counter rather than events; the worker stays at most a few batches
// ahead, which bounds memory.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { CsvDialect, TextEncoding } from '../../domain/csv/sniff';
import { AssayBatchBuilder, type AssayBatch, type AssayLayout } from './assay-batches';
import type { DelimitedFile } from './delimited-file';
import { FileReadError } from './text-source';

/** Where a worker re-opens the file: the delimited file itself, or an XLSX sheet's spool. */
export type AssaySourceSpec =
  | { format: 'csv'; path: string; dialect: CsvDialect; encoding: TextEncoding }
  | { format: 'spool'; path: string; label: string };

export type ParseMode = 'auto' | 'inline' | 'worker';

/** Files smaller than this are converted inline: starting a worker would cost more than it saves. */
export const WORKER_THRESHOLD_BYTES = 8 * 1024 * 1024;
export const BATCH_ROWS = 2048;
/** Batches the worker may run ahead of the writer. */
export const BATCHES_AHEAD = 4;

export type WorkerMessage =
  | { type: 'batch'; batch: AssayBatch }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; file: string | null };

export class AssayStreamCancelled extends Error {}

/** The worker script: the bundled one next to the main bundle, or a loader for the TypeScript source. */
export function parseWorkerScript(): string | null {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++) {
    const built = join(directory, 'assay-parse-worker.js');
    if (existsSync(built)) return built;
    const source = join(directory, 'assay-parse-worker-dev.mjs');
    if (existsSync(source)) return source;
    directory = dirname(directory);
  }
  return null;
}

function streamInline(
  file: DelimitedFile,
  layout: AssayLayout,
  onBatch: (batch: AssayBatch) => void,
  isCancelled: () => boolean,
): void {
  const builder = new AssayBatchBuilder(layout);
  let bytesRead = 0;
  file.forEachRow(
    (row) => {
      builder.add(row.fields, row.line);
      if (builder.size >= BATCH_ROWS) {
        if (isCancelled()) throw new AssayStreamCancelled();
        onBatch(builder.take(bytesRead));
      }
    },
    (bytes) => {
      bytesRead = bytes;
    },
  );
  onBatch(builder.take(file.size));
}

function streamInWorker(
  script: string,
  spec: AssaySourceSpec,
  layout: AssayLayout,
  onBatch: (batch: AssayBatch) => void,
  isCancelled: () => boolean,
): void {
  const { port1, port2 } = new MessageChannel();
  // [0]: batches posted by the worker; [1]: batches taken by the writer.
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(script, {
    workerData: { spec, layout, port: port2, counters: counters.buffer },
    transferList: [port2],
  });
  let taken = 0;
  let lastMessage = Date.now();
  try {
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (!received) {
        if (isCancelled()) throw new AssayStreamCancelled();
        if (Date.now() - lastMessage > 120_000)
          throw new Error('The file reader thread stopped answering for two minutes.');
        Atomics.wait(counters, 0, taken, 250);
        continue;
      }
      lastMessage = Date.now();
      taken++;
      Atomics.store(counters, 1, taken);
      Atomics.notify(counters, 1);
      const message = received.message as WorkerMessage;
      if (message.type === 'done') return;
      if (message.type === 'error') {
        if (message.name === 'FileReadError') throw new FileReadError(message.file ?? '', message.message);
        throw new Error(message.message);
      }
      if (isCancelled()) throw new AssayStreamCancelled();
      onBatch(message.batch);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/**
 * Feeds every row of `file` to `onBatch` as converted batches. `file` is already open (header and first
 * rows read for the mapping); in worker mode it is closed and read again by the worker from `spec`.
 */
export function streamAssayBatches(
  file: DelimitedFile,
  spec: AssaySourceSpec | undefined,
  layout: AssayLayout,
  mode: ParseMode,
  onBatch: (batch: AssayBatch) => void,
  isCancelled: () => boolean,
): void {
  const script = mode === 'inline' || !spec ? null : parseWorkerScript();
  const useWorker = script !== null && (mode === 'worker' || file.size >= WORKER_THRESHOLD_BYTES);
  if (!useWorker) {
    streamInline(file, layout, onBatch, isCancelled);
    return;
  }
  file.close();
  streamInWorker(script, spec!, layout, onBatch, isCancelled);
}
