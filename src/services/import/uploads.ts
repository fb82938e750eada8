// Dropped files arrive as bytes (a browser cannot name a local path): they are written to a private
// temporary folder in chunks and imported from there by path, like any picked file. The folder goes
// when the process ends.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageError } from '../../storage/storage-error';

/** Largest upload accepted: an import file bigger than this should be picked by path instead. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

interface Upload {
  path: string;
  received: number;
  complete: boolean;
}

let directory: string | null = null;
const uploads = new Map<string, Upload>();

function uploadDirectory(): string {
  if (!directory) {
    directory = mkdtempSync(join(tmpdir(), 'drillbench-uploads-'));
    const folder = directory;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return directory;
}

/** Keeps letters, digits and . - _ ( ) and spaces of a dropped file's name; the rest becomes _. */
export function safeFileName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/[^\w.\- ()]/g, '_')
    .trim()
    .slice(-120);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}

/**
 * Appends one chunk. The first chunk (offset 0, no id) starts an upload; later chunks must continue
 * exactly where the previous one ended.
 */
export function receiveChunk(input: {
  uploadId?: string;
  name: string;
  offset: number;
  data: string;
  done: boolean;
}): { uploadId: string; path: string; received: number; complete: boolean } {
  const bytes = Buffer.from(input.data, 'base64');
  let upload: Upload | undefined;
  let id = input.uploadId;
  if (id === undefined) {
    if (input.offset !== 0)
      throw new StorageError('refused', 'An upload starts at offset 0; send the first chunk first.');
    id = randomUUID();
    // A folder per upload keeps the dropped file's own name, which the wizard shows and remembers.
    const own = mkdtempSync(join(uploadDirectory(), 'file-'));
    upload = { path: join(own, safeFileName(input.name)), received: 0, complete: false };
    writeFileSync(upload.path, '');
    uploads.set(id, upload);
  } else {
    upload = uploads.get(id);
    if (!upload)
      throw new StorageError(
        'not-found',
        `There is no upload ${id}; start the upload again from the beginning.`,
      );
  }
  if (upload.complete) throw new StorageError('refused', 'This upload is already complete.');
  if (input.offset !== upload.received)
    throw new StorageError(
      'refused',
      `Chunk at byte ${input.offset} does not follow the ${upload.received} bytes received; resend from byte ${upload.received}.`,
    );
  if (upload.received + bytes.length > MAX_UPLOAD_BYTES)
    throw new StorageError(
      'refused',
      `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB; give its path instead of dropping it.`,
    );
  appendFileSync(upload.path, bytes);
  upload.received += bytes.length;
  upload.complete = input.done;
  return { uploadId: id, path: upload.path, received: upload.received, complete: upload.complete };
}
