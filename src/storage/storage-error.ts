// Errors the storage layer raises on purpose: each carries a kind the API maps to a typed result and a
// message a user can act on.
export type StorageErrorKind =
  'exists' | 'not-found' | 'not-a-project' | 'newer-version' | 'damaged' | 'conflict' | 'refused';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
