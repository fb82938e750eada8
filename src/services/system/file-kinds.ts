// Which files drillbench opens from the OS, a drop or the command line: projects open in a window, data
// files go to the import view, anything else is refused with the reason.
import { extname } from 'node:path';
import { PROJECT_EXTENSION } from './app-paths';

export const DATA_FILE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

export type FileKindOnOpen = 'project' | 'data' | 'other';

export function classifyOpenedFile(path: string): FileKindOnOpen {
  const extension = extname(path).toLowerCase();
  if (extension === PROJECT_EXTENSION) return 'project';
  if ((DATA_FILE_EXTENSIONS as readonly string[]).includes(extension)) return 'data';
  return 'other';
}

export const PROJECT_FILE_FILTER = { name: 'drillbench projects', extensions: [PROJECT_EXTENSION.slice(1)] };
export const DATA_FILE_FILTER = {
  name: 'Data files (CSV, TSV, TXT, Excel)',
  extensions: DATA_FILE_EXTENSIONS.map((extension) => extension.slice(1)),
};

/** Adds the project extension when a save dialog returned a name without it. */
export function withProjectExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : `${path}${PROJECT_EXTENSION}`;
}
