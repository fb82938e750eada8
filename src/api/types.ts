// Response shapes of the API, as plain types shared by server and clients.
import type { ApiError } from './result';
import type { ProblemAcknowledgement } from './validation-types';
import type {
  AnalyteRow,
  AssayFlag,
  HoleRow,
  LithologyRow,
  ProjectSettings,
  SampleRow,
  Severity,
  SurveyRow,
} from '../domain/model';

export interface ProjectInfo {
  path: string;
  settings: ProjectSettings;
  schemaVersion: number;
  counts: { holes: number; surveys: number; samples: number; assayResults: number; lithology: number };
  problems: { errors: number; warnings: number };
}

export interface ResultCell {
  lab_text: string;
  value: number | null;
  flag: AssayFlag;
}

/** A stored problem shown on a grid row: `column` is the grid column (`analyte:<code>`), null for the row. */
export interface RowProblem {
  column: string | null;
  rule: string;
  severity: Severity;
  message: string;
}

export type HolePageRow = HoleRow & { problems: RowProblem[] };
export type SurveyPageRow = SurveyRow & { hole_id: string; problems: RowProblem[] };
export type LithologyPageRow = LithologyRow & { hole_id: string; problems: RowProblem[] };
export type SamplePageRow = SampleRow & {
  hole_id: string;
  results: Record<string, ResultCell>;
  problems: RowProblem[];
};
export type PageRow = HolePageRow | SurveyPageRow | LithologyPageRow | SamplePageRow;

export interface Page<Row> {
  rows: Row[];
  total: number;
}

export interface ProblemRow {
  id: number;
  rule: string;
  severity: Severity;
  table: string;
  hole_id: string;
  row_id: number | null;
  column: string | null;
  message: string;
  /** Who accepted this warning, when and why; null when it is open. */
  acknowledgement: ProblemAcknowledgement | null;
}

export interface ValidationSummary {
  counts: { rule: string; severity: Severity; count: number; title: string }[];
  errors: number;
  warnings: number;
  /** Warnings an acknowledgement applies to (included in `warnings`). */
  acknowledged: number;
  holesWithErrors: { hole_id: string; errors: number }[];
}

export interface LookupCode {
  list: string;
  code: string;
  description: string | null;
}

export interface JobProgress {
  done: number;
  total: number;
  message: string;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A background job as the client polls it; `result` is the job kind's own result type. */
export interface JobStatus<Result = unknown> {
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  result: Result | null;
  error: ApiError | null;
}

export type { AnalyteRow };
