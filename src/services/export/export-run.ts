// The shapes of an export run shared by the writers: the request, the outcome, progress and Cancel.
import type { AssayValueMode, ExportTable } from '../../domain/export/export-tables';
import type { DipConvention } from '../../domain/model';
import type { ViewQuery } from '../../storage/export-queries';

export type ExportTarget =
  ({ kind: 'table'; table: ExportTable } & ViewQuery) | { kind: 'project' } | { kind: 'leapfrog' };

export interface ExportRequest {
  target: ExportTarget;
  format: 'csv' | 'xlsx';
  /** A file (.csv, .xlsx) or, for a set of CSV files, a folder. */
  path: string;
  assayValues?: AssayValueMode;
  /** Dip sign of the Leapfrog/Datamine set (default negative-down). */
  dipConvention?: DipConvention;
  /** Pack a folder of CSV files into `<path>.zip` (for a browser download). */
  zip?: boolean;
}

export interface ExportOutcome {
  /** The file written: the workbook, the CSV, the folder or its ZIP. */
  path: string;
  format: 'csv' | 'xlsx' | 'zip';
  files: string[];
  rows: Partial<Record<string, number>>;
  bytes: number;
  notes: string[];
}

export interface ExportControl {
  onProgress?: (done: number, total: number, message: string) => void;
  isCancelled?: () => boolean;
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled; no file was left behind.');
    this.name = 'ExportCancelled';
  }
}

/** Counts rows, reports progress every 2,000 and checks for Cancel. */
export class ExportTally {
  done = 0;
  constructor(
    readonly total: number,
    private readonly control: ExportControl,
  ) {}
  /** Checks for Cancel at the start of each table and before a file is finished. */
  checkpoint(): void {
    if (this.control.isCancelled?.()) throw new ExportCancelled();
  }

  step(message: string): void {
    this.done++;
    if ((this.done & 2047) === 0) {
      if (this.control.isCancelled?.()) throw new ExportCancelled();
      this.control.onProgress?.(this.done, this.total, message);
    }
  }
}
