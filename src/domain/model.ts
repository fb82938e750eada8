// The drill-hole data model shared by every layer: what a project holds, in the units and dip convention
// recorded in its settings. Row shapes use the storage column names so grids, API and SQL agree.

export const LENGTH_UNITS = ['m', 'ft'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];

/** How dips are signed in a data set or a project. */
export const DIP_CONVENTIONS = ['negative-down', 'positive-down'] as const;
export type DipConvention = (typeof DIP_CONVENTIONS)[number];

export interface ProjectSettings {
  name: string;
  coordinate_system: string | null;
  length_unit: LengthUnit;
  dip_convention: DipConvention;
}

export interface HoleRow {
  id: number;
  hole_id: string;
  easting: number | null;
  northing: number | null;
  elevation: number | null;
  azimuth: number | null;
  dip: number | null;
  eoh: number | null;
  hole_type: string | null;
  station: string | null;
  program: string | null;
  started_on: string | null;
  completed_on: string | null;
  comments: string | null;
}

export interface SurveyRow {
  id: number;
  hole: number;
  depth: number;
  azimuth: number;
  dip: number;
  method: string | null;
  comments: string | null;
}

export const SAMPLE_TYPES = ['regular', 'duplicate', 'blank', 'standard'] as const;
export type SampleType = (typeof SAMPLE_TYPES)[number];

export interface SampleRow {
  id: number;
  hole: number;
  depth_from: number | null;
  depth_to: number | null;
  sample_id: string | null;
  sample_type: SampleType;
  /** For a duplicate: the sample it repeats. */
  parent_sample_id: string | null;
  /** For a standard: the certified reference material's code. */
  standard_code: string | null;
  /** Dry bulk density, g/cm3. */
  density: number | null;
  comments: string | null;
}

export interface LithologyRow {
  id: number;
  hole: number;
  depth_from: number;
  depth_to: number;
  code: string;
  description: string | null;
  comments: string | null;
}

export const ANALYTE_UNITS = ['%', 'ppm', 'ppb', 'g/t', 'oz/t'] as const;
export type AnalyteUnit = (typeof ANALYTE_UNITS)[number];

export interface AnalyteRow {
  id: number;
  code: string;
  unit: AnalyteUnit;
  detection_limit: number | null;
  upper_limit: number | null;
  decimals: number;
  description: string | null;
}

/**
 * What a lab result says about its number. `value` rows carry a measurement; `bdl` and `odl` carry the
 * detection or upper limit as their number; the rest carry none.
 */
export const ASSAY_FLAGS = ['value', 'bdl', 'odl', 'ns', 'is', 'missing', 'invalid'] as const;
export type AssayFlag = (typeof ASSAY_FLAGS)[number];

export interface AssayResultRow {
  sample: number;
  analyte: number;
  /** 0 for the first result of a sample and analyte, 1, 2, ... for re-assays. */
  seq: number;
  value: number | null;
  lab_text: string;
  flag: AssayFlag;
  method: string | null;
  lab: string | null;
  certificate: string | null;
  /** 1 for the result calculations use when a sample has several for one analyte. */
  preferred: 0 | 1;
}

/** An imported laboratory certificate: one row per certificate number. */
export interface LabCertificateRow {
  id: number;
  certificate: string;
  lab: string | null;
  client: string | null;
  project: string | null;
  reported_on: string | null;
  file_name: string;
  samples: number;
  results: number;
  imported_at: string;
  change_set: number | null;
}

export const DATA_TABLES = ['holes', 'surveys', 'samples', 'lithology'] as const;
export type DataTable = (typeof DATA_TABLES)[number];

export type Severity = 'error' | 'warning';

/** A problem found by validation, pointing at the row and column to fix. */
export interface Problem {
  rule: string;
  severity: Severity;
  table: DataTable | 'assays';
  hole_id: string;
  /** Storage id of the offending row, when the problem belongs to one row. */
  row_id: number | null;
  column: string | null;
  message: string;
}
