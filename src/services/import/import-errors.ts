// The two ways an import ends without writing anything, besides a file that cannot be read.
import type { ApiErrorDetail } from '../../api/result';

/** The request or a file cannot be imported; the message says which file and what to do. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** One entry per thing to fix (each clashing column, say), for a view to show beside its control. */
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was written.');
    this.name = 'ImportCancelled';
  }
}
