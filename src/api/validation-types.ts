// Results of the Validation view's calls beyond the problem list: gap-warning settings, acknowledgements
// of warnings and their history from the audit log.
import type { GapMode } from '../domain/validation/rules';
import type { LengthUnit } from '../domain/model';
import type { JobStatus } from './types';

export interface GapSettings {
  mode: GapMode;
  /** A gap longer than this (project unit) separates two sampled runs. */
  runBreak: number;
  defaultMode: GapMode;
  defaultRunBreak: number;
  lengthUnit: LengthUnit;
}

export interface GapSettingsResult {
  settings: GapSettings;
  changed: boolean;
  /** The re-validation the change started (null when nothing changed). */
  job: JobStatus | null;
}

export type { AcknowledgementEvent, ProblemAcknowledgement } from '../domain/validation/acknowledgements';
