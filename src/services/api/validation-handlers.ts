// Handlers for the Validation view and the status bar's problem counts: the problem list and summary,
// re-validation, gap-warning settings (a change re-validates as a job) and acknowledgements of warnings.
import type { ValidationSummary } from '../../api/types';
import { RULES, type RuleId } from '../../domain/validation/rules';
import { acknowledgedWarningCount, acknowledgementEvents } from '../../storage/acknowledgements-store';
import { countProblems, holesWithErrors, listProblems } from '../../storage/problems-store';
import type { Database } from '../../storage/project-db';
import { acknowledgeWarning, withdrawAcknowledgement } from '../validation/acknowledgements';
import { validateProject } from '../validation/validate-project';
import { readGapSettings, saveGapSettings } from '../validation/validation-settings';
import type { HandlerGroup } from './handlers';

export function validationSummary(db: Database): ValidationSummary {
  const counts = countProblems(db).map((count) => ({
    ...count,
    title: RULES[count.rule as RuleId]?.title ?? count.rule,
  }));
  return {
    counts,
    errors: counts.filter((c) => c.severity === 'error').reduce((sum, c) => sum + c.count, 0),
    warnings: counts.filter((c) => c.severity === 'warning').reduce((sum, c) => sum + c.count, 0),
    acknowledged: acknowledgedWarningCount(db),
    holesWithErrors: holesWithErrors(db).map(({ hole_id, errors }) => ({ hole_id, errors })),
  };
}

export const validationHandlers: HandlerGroup<
  | 'validation.list'
  | 'validation.summary'
  | 'validation.run'
  | 'validation.start'
  | 'validation.gapSettings'
  | 'validation.setGapSettings'
  | 'validation.acknowledge'
  | 'validation.withdrawAcknowledgement'
  | 'validation.acknowledgementLog'
> = {
  'validation.list': (input, context) => listProblems(context.project.db, input),
  'validation.summary': (_input, context) => validationSummary(context.project.db),
  'validation.run': (_input, context) => {
    validateProject(context.project.db, context.project.settings.length_unit);
    return validationSummary(context.project.db);
  },
  'validation.start': (_input, context) => context.jobs.start('validate', {}),
  'validation.gapSettings': (_input, context) =>
    readGapSettings(context.project.db, context.project.settings.length_unit),
  'validation.setGapSettings': (input, context) => {
    const { db, settings } = context.project;
    const changed = saveGapSettings(db, settings.length_unit, input, {
      osUser: context.osUser,
      source: context.source,
    });
    // Re-validating a large project takes seconds: a job, with progress, that the view follows.
    return {
      settings: readGapSettings(db, settings.length_unit),
      changed,
      job: changed ? context.jobs.start('validate', {}) : null,
    };
  },
  'validation.acknowledge': (input, context) => {
    acknowledgeWarning(context.project.db, input.problemId, input.note, {
      osUser: context.osUser,
      source: context.source,
    });
    return validationSummary(context.project.db);
  },
  'validation.withdrawAcknowledgement': (input, context) => {
    withdrawAcknowledgement(context.project.db, input.id, {
      osUser: context.osUser,
      source: context.source,
    });
    return validationSummary(context.project.db);
  },
  'validation.acknowledgementLog': (input, context) => acknowledgementEvents(context.project.db, input.limit),
};
