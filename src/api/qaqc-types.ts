// Results of the QA/QC calls: the standards table, what the project's inserts hold, one analyte's
// charts and failures, and whether the stored QA/QC warnings match the data.
import type { AnalyteUnit } from '../domain/model';
import type { BlankCheck } from '../domain/qaqc/blanks';
import type { ControlChart } from '../domain/qaqc/control-chart';
import type { DuplicateCheck } from '../domain/qaqc/duplicates';
import type { QaqcSettings, StandardValue } from '../domain/qaqc/qaqc-model';
import type { StandardUse } from '../domain/qaqc/qaqc-report';
import type { QcFailure } from '../domain/qaqc/qaqc-warnings';
import type { StandardsProblem } from '../domain/qaqc/standards-table';

export interface StandardRow extends StandardValue {
  id: number;
}

export interface StandardSaveInput {
  /** The line to change; a new line when absent. */
  id?: number;
  code: string;
  analyte: string;
  value: number | string;
  sd: number | string;
  unit?: string;
  source?: string | null;
}

export interface QaqcWarningsStatus {
  failures: number;
  stored: number;
  current: number;
  upToDate: boolean;
}

export interface QaqcOverview {
  standardsTable: StandardRow[];
  /** Standard codes on the inserts, with their analytes and whether the table covers them. */
  uses: StandardUse[];
  /** Standard inserts without a code. */
  withoutCode: number;
  analytes: { code: string; unit: AnalyteUnit; detectionLimit: number | null }[];
  inserts: { standard: number; blank: number; duplicate: number };
  settings: QaqcSettings;
  warnings: QaqcWarningsStatus;
}

export interface QaqcAnalyteReport {
  analyte: string;
  unit: AnalyteUnit;
  /** The chosen standard's control chart, or null with the reason in chartMessage. */
  chart: ControlChart | null;
  chartMessage: string | null;
  blanks: BlankCheck;
  duplicates: DuplicateCheck;
  /** Every failing standard (of any code) and blank of this analyte, in batch order. */
  failures: QcFailure[];
  /** Per standard of this analyte in the table: results, failures, warnings and bias. */
  standards: {
    code: string;
    results: number;
    failures: number;
    warnings: number;
    biasPercent: number | null;
  }[];
}

export interface StandardsImportSummary {
  path: string;
  dryRun: boolean;
  committed: boolean;
  /** Good lines read. */
  read: number;
  added: string[];
  updated: string[];
  unchanged: number;
  /** Bad lines: when there is any, nothing was written. */
  problems: StandardsProblem[];
  warnings: QaqcWarningsStatus | null;
}
