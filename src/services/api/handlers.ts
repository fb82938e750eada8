// The typed handler map: one function per contract call, grouped by feature and assembled in router.ts.
import type { ApiOutput, ApiParsedInput } from '../../api/contract';
import type { ApiMethod } from '../../api/methods';
import type { ApiContext } from './api-context';

export type Handler<K extends ApiMethod> = (
  input: ApiParsedInput<K>,
  context: ApiContext,
) => ApiOutput<K> | Promise<ApiOutput<K>>;

export type Handlers = { [K in ApiMethod]: Handler<K> };

/** A feature's share of the handlers, type-checked against the contract. */
export type HandlerGroup<K extends ApiMethod> = { [P in K]: Handler<P> };
