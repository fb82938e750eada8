// The router both transports dispatch to: it checks the method against the contract, validates the
// input with the call's schema, runs the handler and turns every failure into a typed, readable error.
import type { z } from 'zod';
import { contract } from '../../api/contract';
import { isApiMethod, type ApiMethod } from '../../api/methods';
import { failure, ok, type ApiErrorDetail, type ApiResult } from '../../api/result';
import { toApiError } from './error-mapping';
import type { ApiContext } from './api-context';
import { compositingHandlers } from './compositing-handlers';
import { dataHandlers } from './data-handlers';
import { desktopHandlers } from './desktop-handlers';
import { entryHandlers } from './entry-handlers';
import type { Handler, Handlers } from './handlers';
import { holeHandlers } from './hole-handlers';
import { importHandlers } from './import-handlers';
import { importWizardHandlers } from './import-wizard-handlers';
import { exportHandlers } from './export-handlers';
import { gridColumnHandlers } from './grid-column-handlers';
import { jobHandlers } from './job-handlers';
import { projectHandlers } from './project-handlers';
import { sectionHandlers } from './section-handlers';
import { qaqcHandlers } from './qaqc-handlers';
import { settingsHandlers } from './settings-handlers';
import { validationHandlers } from './validation-handlers';

export const handlers: Handlers = {
  ...projectHandlers,
  ...dataHandlers,
  ...validationHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...desktopHandlers,
  ...compositingHandlers,
  ...entryHandlers,
  ...importWizardHandlers,
  ...exportHandlers,
  ...gridColumnHandlers,
  ...sectionHandlers,
  ...holeHandlers,
  ...qaqcHandlers,
  ...settingsHandlers,
};

export interface Router {
  dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

function describeIssues(error: z.ZodError): ApiErrorDetail[] {
  return error.issues.map((issue) => ({
    where: issue.path.length > 0 ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
}

export function createRouter(context: ApiContext): Router {
  return {
    async dispatch(method, input) {
      if (!isApiMethod(method))
        return failure('not-found', `There is no API call named "${String(method)}".`);
      const schema = contract[method].input;
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        const details = describeIssues(parsed.error);
        return failure(
          'invalid-input',
          `${method}: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`,
          details,
        );
      }
      try {
        const handler = handlers[method] as Handler<ApiMethod>;
        return ok(await handler(parsed.data as never, context));
      } catch (error) {
        return toApiError(error);
      }
    },
  };
}
