// The worker thread that reads an assay file and converts its rows into batches for the engine's
// writer (see assay-stream.ts). It never touches the database.
import { workerData, type MessagePort } from 'node:worker_threads';
import { AssayBatchBuilder, transferables, type AssayLayout } from './assay-batches';
import { BATCH_ROWS, BATCHES_AHEAD, type AssaySourceSpec, type WorkerMessage } from './assay-stream';
import { openDelimitedFile, type DelimitedFile } from './delimited-file';
import { FileReadError } from './text-source';
import { openXlsxSpool } from './xlsx-source';

interface ParseWorkerData {
  spec: AssaySourceSpec;
  layout: AssayLayout;
  port: MessagePort;
  counters: SharedArrayBuffer;
}

const { spec, layout, port, counters: shared } = workerData as ParseWorkerData;
const counters = new Int32Array(shared);
let posted = 0;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  // Stay at most a few batches ahead of the writer: memory stays bounded on any file size.
  while (posted - Atomics.load(counters, 1) >= BATCHES_AHEAD)
    Atomics.wait(counters, 1, Atomics.load(counters, 1), 1000);
  port.postMessage(message, transfer);
  posted++;
  Atomics.store(counters, 0, posted);
  Atomics.notify(counters, 0);
}

try {
  const file: DelimitedFile =
    spec.format === 'csv'
      ? openDelimitedFile(spec.path, { dialect: spec.dialect, encoding: spec.encoding, peekRows: 0 })
      : openXlsxSpool(spec.path, spec.label, 0);
  const builder = new AssayBatchBuilder(layout);
  let bytesRead = 0;
  file.forEachRow(
    (row) => {
      builder.add(row.fields, row.line);
      if (builder.size >= BATCH_ROWS) {
        const batch = builder.take(bytesRead);
        post({ type: 'batch', batch }, transferables(batch));
      }
    },
    (bytes) => {
      bytesRead = bytes;
    },
  );
  const last = builder.take(file.size);
  post({ type: 'batch', batch: last }, transferables(last));
  post({ type: 'done' });
} catch (error) {
  post({
    type: 'error',
    name: error instanceof FileReadError ? 'FileReadError' : 'Error',
    message: error instanceof Error ? error.message : String(error),
    file: error instanceof FileReadError ? error.file : null,
  });
}
