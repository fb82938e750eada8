// The result every API call returns, over every transport: a value, or an error whose message tells the
// user what was wrong, where, and what to do.

export type ApiErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'exists'
  | 'conflict'
  | 'refused'
  | 'not-a-project'
  | 'newer-version'
  | 'import-failed'
  | 'cancelled'
  | 'unauthorized'
  | 'internal';

export interface ApiErrorDetail {
  /** Dotted path of the offending input field, file name, or table. */
  where: string;
  message: string;
  line?: number;
  row?: number;
  column?: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  details?: ApiErrorDetail[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function failure(code: ApiErrorCode, message: string, details?: ApiErrorDetail[]): ApiResult<never> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}

/** Thrown by a typed client when a call fails; carries the API error for the UI to show. */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
