// Response shapes of the compositing calls: runs, their result pages, the news-release report, the
// check that a run's data is unchanged, exports and presets.
import type { RunKind } from '../domain/compositing/run-results';
import type { LengthUnit } from '../domain/model';

export interface ExcludedHole {
  holeId: string;
  reason: string;
  /** 'validation': the hole has errors; 'calculation': the calculation could not use its data. */
  source: 'validation' | 'calculation';
}

export interface RunInfo {
  id: number;
  kind: RunKind;
  /** The parameters as run: the preset's with any overrides applied, every default filled in. */
  params: unknown;
  preset: string | null;
  /** SHA-256 over the rows the run read (ids, depths, values, flags, densities, surveys, collars). */
  dataHash: string;
  /** SHA-256 of the stored results. */
  resultsHash: string;
  startedAt: string;
  finishedAt: string;
  osUser: string;
  source: string;
  /** Version of the calculation code. */
  engine: string;
  holesRead: number;
  samplesRead: number;
  resultRows: number;
  excluded: ExcludedHole[];
  notes: string[];
  lengthUnit: LengthUnit;
  /** Analytes of the result columns, with their units. */
  analytes: { code: string; unit: string }[];
}

export interface RunList {
  rows: RunInfo[];
  total: number;
}

/** A page of a run's results, as in its CSV file: numbers at full precision, empty cells null. */
export interface RunPage {
  run: RunInfo;
  /** The results file's column names (hole_id, from, true_thickness, ...). */
  columns: string[];
  /** The same columns in people's words with units ("Hole", "From (m)", "Zn+Pb (%)"), for grids. */
  labels: string[];
  /** Holes with at least one result row, in the whole run. */
  holes: number;
  rows: (string | number | null)[][];
  total: number;
  offset: number;
}

export interface InterceptReport {
  runId: number;
  header: string[];
  rows: { holeId: string; kind: 'hole' | 'and' | 'including'; cells: string[] }[];
  notes: string[];
  /** The parameter statement for the release's footnote. */
  statement: string;
  sentences: string[];
  /** What a qualified person should settle before publishing. */
  warnings: string[];
  excluded: ExcludedHole[];
}

export interface RunVerification {
  runId: number;
  kind: RunKind;
  checkedAt: string;
  dataHashThen: string;
  dataHashNow: string;
  /** True when the rows the run read hash the same today. */
  dataUnchanged: boolean;
  /** True when a re-run gives byte-identical results. */
  resultsIdentical: boolean;
  /** Holes whose rows differ, holes read now but not then, and the reverse. */
  changedHoles: string[];
  addedHoles: string[];
  removedHoles: string[];
  /** Plain words: what matched, what changed. */
  message: string;
}

export interface ExportResult {
  /** The file written, on the machine running drillbench. */
  path: string;
  /** The file's name, offered when downloading. */
  name: string;
  format: 'csv' | 'xlsx';
  content: 'results' | 'report';
  rows: number;
  /** For GET /download/<id> on the browser host when no path was given; null when written to a chosen path. */
  downloadId: string | null;
  /** Figure files written beside it (SVG and PNG), when figures were asked for. */
  figures?: string[];
}

export interface PresetInfo {
  id: number;
  kind: 'intercepts' | 'composites';
  name: string;
  description: string | null;
  params: unknown;
  createdAt: string;
}
