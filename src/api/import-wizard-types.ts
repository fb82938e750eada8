// What the import wizard asks the server about a file before importing it, and what the lab-certificate
// import reports. Files are always named by a path on the machine running drillbench: a picked path, or
// the temporary copy of a dropped file's bytes (import.upload).
import type { CodeFlag } from '../domain/assay-values';
import type { TextEncoding } from '../domain/csv/sniff';
import type { AssayColumnStats, FileHints, KindGuess } from '../domain/import/file-analysis';
import type { FileKind, MappingOverrides } from '../domain/import/header-mapping';
import type { AnalyteUnit, AssayFlag, DipConvention, LengthUnit } from '../domain/model';
import type { ImportProblem } from './import-types';

export interface UploadResult {
  uploadId: string;
  /** Where the bytes are kept on the server; pass it to import.inspect and import.start. */
  path: string;
  received: number;
  complete: boolean;
}

export interface SavedMappingInfo {
  kind: FileKind;
  mapping: MappingOverrides;
  options: {
    lengthUnit?: LengthUnit;
    dipConvention?: DipConvention;
    negativeIsBelowDetection?: boolean;
    resultCodes?: Record<string, CodeFlag>;
    delimiter?: string;
    decimalComma?: boolean;
    encoding?: TextEncoding;
    sheet?: string;
  };
  savedAt: string;
  savedBy: string;
  uses: number;
}

export interface MappedAnalyte {
  column: number;
  header: string;
  code: string;
  unit: AnalyteUnit | null;
}

export interface FilePreview {
  path: string;
  name: string;
  size: number;
  format: 'csv' | 'xlsx';
  /** Every sheet of a workbook, and the one shown. */
  sheets: string[];
  sheet: string | null;
  /** What the file looks like by itself, before any choice. */
  detected: { encoding: TextEncoding; bom: boolean; delimiter: string; decimalComma: boolean };
  /** What was used for this preview (the detected values unless the request chose others). */
  encoding: TextEncoding;
  delimiter: string;
  decimalComma: boolean;
  /** True when the file is a laboratory certificate (header block, Analyte/Unit/Method rows). */
  certificate: boolean;
  header: string[];
  headerLine: number;
  /** The first rows, as text. */
  rows: { line: number; fields: string[] }[];
  /** Rows read for the analysis (up to 1,000) and a rough count of the whole file's rows. */
  analysedRows: number;
  estimatedRows: number | null;
  kind: FileKind | null;
  kindGuess: KindGuess;
  /** Field -> header, for the kind shown. */
  fields: Record<string, string>;
  missingFields: string[];
  analytes: MappedAnalyte[];
  ignoredColumns: string[];
  mappingError: string | null;
  /** The mapping remembered for this header row, if the same layout was imported before. */
  saved: SavedMappingInfo | null;
  hints: FileHints;
  assayColumns: AssayColumnStats[];
}

export interface CertificateResultCount {
  analyte: string;
  method: string | null;
  unit: AnalyteUnit;
  /** The unit the lab wrote, when the project stores the analyte in another (values are converted). */
  convertedFrom: AnalyteUnit | null;
  results: number;
  flags: Partial<Record<AssayFlag, number>>;
  reassays: number;
}

export interface CertificateImportSummary {
  dryRun: boolean;
  committed: boolean;
  path: string;
  certificate: string;
  lab: string | null;
  client: string | null;
  project: string | null;
  reportedOn: string | null;
  header: { key: string; value: string }[];
  columns: CertificateResultCount[];
  skippedColumns: { label: string; reason: string }[];
  samplesInFile: number;
  samplesMatched: number;
  resultsWritten: number;
  /** Results stored beside an earlier one for the same sample and analyte (seq 1, 2, ...). */
  reassays: number;
  /** Earlier results that are no longer preferred because a new one outranks them. */
  preferredChanged: number;
  unknownSamples: { sampleId: string; line: number }[];
  /** Sample IDs used by more than one project sample: not attached, so nothing is guessed. */
  ambiguousSamples: { sampleId: string; line: number; holes: string[] }[];
  labQc: { sampleId: string; type: string | null; line: number }[];
  notes: string[];
  touchedProblems: { total: number; rows: ImportProblem[] };
  changeSet: number | null;
}

export interface AnalyteMethods {
  analyte: string;
  unit: AnalyteUnit;
  /** The project's priority, best first. */
  priority: string[];
  /** Every method with results for this analyte, with counts. */
  methods: { method: string | null; results: number; preferred: number }[];
  /** Samples with more than one result for this analyte. */
  samplesWithReassays: number;
}

export interface MethodPriorityResult {
  analyte: string;
  priority: string[];
  /** Results whose preferred mark changed (each audited). */
  changed: number;
  changeSet: number | null;
}
