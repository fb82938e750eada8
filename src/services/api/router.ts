// The router both transports dispatch to: it checks the method against the contract, validates the
// input with the call's schema, runs the handler and turns every failure into a typed, readable error.
import type { z } from 'zod';
import { contract } from '../../api/contract';
import { isApiMethod, type ApiMethod } from '../../api/methods';
import { failure, ok, type ApiErrorDetail, type ApiResult } from '../../api/result';
import { CsvSyntaxError } from '../../domain/csv/csv-tokenizer';
import { MappingError } from '../../domain/import/header-mapping';
import { StorageError } from '../../storage/storage-error';
import { ImportCancelled, ImportError } from '../import/import-engine';
import { FileReadError } from '../import/text-source';
import type { ApiContext } from './api-context';
import { dataHandlers } from './data-handlers';
import type { Handler, Handlers } from './handlers';
import { importHandlers } from './import-handlers';
import { projectHandlers } from './project-handlers';
import { validationHandlers } from './validation-handlers';

export const handlers: Handlers = {
  ...projectHandlers,
  ...dataHandlers,
  ...validationHandlers,
  ...importHandlers,
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

/** Maps what handlers throw to API errors; anything unexpected is 'internal' with its message kept. */
export function toApiError(error: unknown): ApiResult<never> {
  if (error instanceof StorageError) {
    const code = error.kind === 'damaged' ? 'internal' : error.kind;
    return failure(code, error.message);
  }
  if (error instanceof ImportCancelled) return failure('cancelled', error.message);
  if (error instanceof ImportError || error instanceof FileReadError || error instanceof MappingError) {
    return failure('import-failed', `${error.message} Nothing was imported.`);
  }
  if (error instanceof CsvSyntaxError)
    return failure('import-failed', error.message, [
      { where: 'file', line: error.line, message: error.message },
    ]);
  const message = error instanceof Error ? error.message : String(error);
  return failure(
    'internal',
    `Something went wrong inside drillbench: ${message}. Nothing was changed; please report this.`,
  );
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
