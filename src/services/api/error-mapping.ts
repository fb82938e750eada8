// Maps what services throw to typed API errors whose messages a user can act on.
import { failure, type ApiResult } from '../../api/result';
import { CsvSyntaxError } from '../../domain/csv/csv-tokenizer';
import { MappingError } from '../../domain/import/header-mapping';
import { StorageError } from '../../storage/storage-error';
import { DesktopUnavailableError } from '../desktop/desktop-shell';
import { ImportCancelled, ImportError } from '../import/import-engine';
import { FileReadError } from '../import/text-source';
import { JobCancelled } from '../jobs/job-types';
import { RunParamsError } from '../compositing/run-support';

/** Maps what handlers throw to API errors; anything unexpected is 'internal' with its message kept. */
export function toApiError(error: unknown): ApiResult<never> {
  if (error instanceof StorageError) {
    const code = error.kind === 'damaged' ? 'internal' : error.kind;
    return failure(code, error.message);
  }
  if (error instanceof DesktopUnavailableError) return failure('refused', error.message);
  if (error instanceof RunParamsError) return failure('invalid-input', error.message, error.details);
  if (error instanceof ImportCancelled || error instanceof JobCancelled)
    return failure('cancelled', error.message);
  if (error instanceof ImportError || error instanceof FileReadError || error instanceof MappingError) {
    const details = error instanceof ImportError ? error.details : undefined;
    return failure('import-failed', `${error.message} Nothing was imported.`, details);
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
