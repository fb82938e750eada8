// Handlers for the Validation view and the status bar's problem counts.
import type { ValidationSummary } from '../../api/types';
import { RULES, type RuleId } from '../../domain/validation/rules';
import { countProblems, holesWithErrors, listProblems } from '../../storage/problems-store';
import type { Database } from '../../storage/project-db';
import { validateProject } from '../validation/validate-project';
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
    holesWithErrors: holesWithErrors(db).map(({ hole_id, errors }) => ({ hole_id, errors })),
  };
}

export const validationHandlers: HandlerGroup<
  'validation.list' | 'validation.summary' | 'validation.run' | 'validation.start'
> = {
  'validation.list': (input, context) => listProblems(context.project.db, input),
  'validation.summary': (_input, context) => validationSummary(context.project.db),
  'validation.run': (_input, context) => {
    validateProject(context.project.db, context.project.settings.length_unit);
    return validationSummary(context.project.db);
  },
  'validation.start': (_input, context) => context.jobs.start('validate', {}),
};
