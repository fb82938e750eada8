// Sends a dropped or chosen file's bytes to the server in 4 MB chunks (a browser cannot hand over a
// local path); the server keeps them in a temporary file and answers with its path for import.
import type { UploadResult } from '../../api/import-wizard-types';
import { api } from './api-client';

const CHUNK_BYTES = 4 * 1024 * 1024;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function uploadFile(file: File, onProgress?: (sent: number) => void): Promise<UploadResult> {
  let result: UploadResult | null = null;
  let offset = 0;
  do {
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const done = offset + chunk.length >= file.size;
    result = await api['import.upload']({
      uploadId: result?.uploadId,
      name: file.name,
      offset,
      data: base64(chunk),
      done,
    });
    offset += chunk.length;
    onProgress?.(offset);
  } while (offset < file.size);
  return result;
}
