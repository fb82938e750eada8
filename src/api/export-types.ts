// What an export returns: where the file is, what it holds, and (when the server chose the place) the
// id under which the browser host offers it as a download.
export interface ExportResult {
  /** The workbook, CSV file, folder of CSV files, or ZIP of that folder, on the machine running drillbench. */
  path: string;
  /** A file name to offer when downloading. */
  name: string;
  format: 'csv' | 'xlsx' | 'zip';
  files: string[];
  rows: Partial<Record<string, number>>;
  bytes: number;
  notes: string[];
  /** For GET /download/<id> on the browser host; null when written to a path the caller chose. */
  downloadId: string | null;
}
