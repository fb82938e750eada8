// Exports written where the server chose (a browser cannot name a folder on this machine) are offered
// for download by id. The ids live in this process; the files in a private temporary folder that goes
// when the process ends.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Download {
  path: string;
  name: string;
}

let directory: string | null = null;
const downloads = new Map<string, Download>();

/** A fresh folder for one export's output. */
export function exportFolder(): string {
  if (!directory) {
    directory = mkdtempSync(join(tmpdir(), 'drillbench-exports-'));
    const folder = directory;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return mkdtempSync(join(directory, 'export-'));
}

export function registerDownload(path: string, name: string): string {
  const id = randomUUID();
  downloads.set(id, { path, name });
  return id;
}

export function findDownload(id: string): Download | undefined {
  return downloads.get(id);
}

/** A file name from the project's name, what was exported and today's date. */
export function downloadName(project: string, what: string, extension: string): string {
  const slug = `${project}-${what}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug || 'export'}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}
