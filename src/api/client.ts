// The typed client the renderer (and tests) use. It knows nothing of the transport: Electron's preload
// bridge and the browser host's HTTP endpoint both fit the `Transport` shape.
import type { ApiInput, ApiOutput } from './contract';
import { API_METHODS, type ApiMethod } from './methods';
import { ApiCallError, type ApiResult } from './result';

export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

export type ApiClient = {
  [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutput<K>>;
};

/** Builds a client whose methods resolve to values and reject with ApiCallError. */
export function createApiClient(transport: Transport): ApiClient {
  const client = {} as Record<ApiMethod, (input: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    client[method] = async (input: unknown) => {
      const result = await transport(method, input);
      if (!result.ok) throw new ApiCallError(method, result.error);
      return result.value;
    };
  }
  return client as unknown as ApiClient;
}
