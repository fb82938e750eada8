// Reads a text file in chunks with bounded memory, decoding UTF-8 (with or without BOM), UTF-16 with a
// BOM, or Windows-1252. Invalid UTF-8 is never silently replaced: it stops the read with the line.
// Decoding is the platform's TextDecoder (no iconv-lite needed for these four encodings), and detection
// is exact rather than statistical (a BOM, else "is the first megabyte valid UTF-8"), so a detector such
// as chardet or jschardet would only add guesses.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import type { TextEncoding } from '../../domain/csv/sniff';

export type { TextEncoding };

export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

export interface TextChunkReader {
  encoding: TextEncoding;
  /** True when the encoding was chosen because the file is not valid UTF-8. */
  fellBack: boolean;
  size: number;
  /** Returns the next decoded chunk, or null at the end. `bytesRead` tracks progress. */
  next(): string | null;
  bytesRead: number;
  close(): void;
}

const CHUNK_BYTES = 1 << 20;

function detectEncoding(head: Buffer): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

function isValidUtf8Prefix(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a file for chunked decoding. Without an explicit encoding, a BOM decides; otherwise UTF-8 when
 * the first megabyte is valid UTF-8, else Windows-1252 (what Excel on Windows writes).
 */
export function openTextFile(path: string, encoding?: TextEncoding): TextChunkReader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be opened (${code ?? String(error)})`;
    throw new FileReadError(path, `${path} ${reason}.`);
  }
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let position = 0;
  const firstLength = readSync(fd, buffer, 0, CHUNK_BYTES, 0);
  const first = buffer.subarray(0, firstLength);
  const detected = detectEncoding(first);
  let chosen: TextEncoding = encoding ?? detected.encoding;
  let fellBack = false;
  if (!encoding && detected.bomLength === 0 && !isValidUtf8Prefix(first)) {
    chosen = 'windows-1252';
    fellBack = true;
  }
  const decoder = new TextDecoder(chosen, { fatal: chosen === 'utf-8' });
  let pending: Buffer | null = Buffer.from(first);
  position = firstLength;
  let linesSoFar = 1;
  const reader: TextChunkReader = {
    encoding: chosen,
    fellBack,
    size,
    bytesRead: 0,
    next() {
      let bytes: Buffer;
      if (pending) {
        bytes = pending;
        pending = null;
      } else {
        const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
        if (read === 0) {
          let tail: string;
          try {
            tail = decoder.decode();
          } catch {
            throw new FileReadError(
              path,
              `${path}: the file ends in the middle of a character (line ${linesSoFar}), so it is cut short or not UTF-8. Check that the file is complete, or import it as Windows-1252.`,
            );
          }
          return tail.length > 0 ? tail : null;
        }
        position += read;
        bytes = buffer.subarray(0, read);
      }
      reader.bytesRead = position;
      try {
        const text = decoder.decode(bytes, { stream: true });
        linesSoFar += countLines(text);
        return text;
      } catch {
        throw new FileReadError(
          path,
          `${path}: the text near line ${linesSoFar} is not valid UTF-8. Save the file as UTF-8 (CSV UTF-8 in Excel), or import it as Windows-1252.`,
        );
      }
    },
    close() {
      closeSync(fd);
    },
  };
  return reader;
}

function countLines(text: string): number {
  let count = 0;
  let index = text.indexOf('\n');
  while (index !== -1) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/** Reads up to `bytes` from the start of a file as text, for sniffing and previews. */
export function readTextHead(
  path: string,
  bytes = 64 * 1024,
  encoding?: TextEncoding,
): { text: string; encoding: TextEncoding; fellBack: boolean } {
  const reader = openTextFile(path, encoding);
  try {
    let text = '';
    while (text.length < bytes) {
      const chunk = reader.next();
      if (chunk === null) break;
      text += chunk;
    }
    return { text: text.slice(0, bytes), encoding: reader.encoding, fellBack: reader.fellBack };
  } finally {
    reader.close();
  }
}
