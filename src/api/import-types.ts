// Requests and results of an import, shared by the CLI, the API and the import wizard.
import type { CsvDialect } from '../domain/csv/sniff';
import type { FileKind, MappingOverrides } from '../domain/import/header-mapping';
import type { CodeFlag } from '../domain/assay-values';
import type { AnalyteUnit, AssayFlag, DipConvention, LengthUnit, Severity } from '../domain/model';
import type { TextEncoding } from '../domain/csv/sniff';

export interface ImportFileSpec {
  kind: FileKind;
  path: string;
  mapping?: MappingOverrides;
  dialect?: Partial<CsvDialect>;
  encoding?: TextEncoding;
  /** For an XLSX workbook: the sheet to read (the first sheet when absent). */
  sheet?: string;
}

export interface ImportRequest {
  files: ImportFileSpec[];
  /** Unit of depths and coordinates in the files; the project's unit when absent. */
  lengthUnit?: LengthUnit;
  /** Dip convention of the files; detected from the dips (and reported) when absent. */
  dipConvention?: DipConvention;
  /** Negative results are below-detection codes (-0.01 means <0.01). On by default. */
  negativeIsBelowDetection?: boolean;
  /** The file's own result codes and what they mean ('ND' -> bdl, 'X' -> missing), beside NS, IS, <, >. */
  resultCodes?: Record<string, CodeFlag>;
  /** Remember each file's mapping and options under its header row for the next import (the wizard). */
  rememberMapping?: boolean;
  /** Run everything, report, and write nothing. */
  dryRun?: boolean;
  /** Refuse the whole import when any row is refused. */
  allOrNothing?: boolean;
}

export interface RefusedRow {
  file: string;
  line: number;
  column: string | null;
  message: string;
}

export interface ImportedFileSummary {
  path: string;
  kind: FileKind;
  format: 'csv' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet: string | null;
  encoding: TextEncoding;
  delimiter: string;
  decimalComma: boolean;
  rows: number;
  stored: number;
  refused: number;
  analytes: { header: string; code: string; unit: AnalyteUnit }[];
  ignoredColumns: string[];
  /** Assay results by what they say (numbers, below detection, NS...), for the summary. */
  results: Partial<Record<AssayFlag, number>>;
  /** Numbers read as missing-value codes (-999: no result), as written, with their counts. */
  missingCodes: { text: string; count: number }[];
}

export interface ImportSummary {
  dryRun: boolean;
  committed: boolean;
  lengthUnit: { files: LengthUnit; project: LengthUnit };
  dipConvention: {
    files: DipConvention;
    project: DipConvention;
    how: 'given' | 'detected' | 'project';
    reason: string;
  };
  files: ImportedFileSummary[];
  counts: {
    holes: number;
    surveys: number;
    samples: number;
    assayResults: number;
    lithology: number;
    lookupCodes: number;
  };
  refused: RefusedRow[];
  notes: string[];
  problems: { rule: string; severity: Severity; count: number }[];
  /** Problems in the holes this import wrote to (the first 500), for the dry-run report. */
  touchedProblems: { total: number; rows: ImportProblem[] };
  changeSet: number | null;
}

export interface ImportProblem {
  rule: string;
  severity: Severity;
  hole_id: string;
  table: string;
  column: string | null;
  message: string;
}

export interface ImportProgress {
  file: string;
  kind: FileKind;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportControl {
  onProgress?: (progress: ImportProgress) => void;
  /** Polled between rows; returning true rolls the import back. */
  isCancelled?: () => boolean;
  /** Where assay rows are converted: a reader thread for large files ('auto'), always, or never. */
  parseMode?: 'auto' | 'inline' | 'worker';
}
