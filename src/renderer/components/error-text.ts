// Turns whatever an API call rejected with into the sentence shown to the user.
import { ApiCallError } from '../../api/result';

export function describeError(error: unknown): string {
  if (error instanceof ApiCallError) return error.error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
