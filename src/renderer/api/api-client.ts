// Picks the transport the page was given: Electron's preload bridge, or the browser host's HTTP endpoint
// with the token the host put in the page. Views only ever see the typed client.
import { createApiClient, type ApiClient, type Transport } from '../../api/client';
import type { ApiMethod } from '../../api/methods';
import { failure, type ApiResult } from '../../api/result';

interface PreloadBridge {
  api: Record<ApiMethod, (input: unknown) => Promise<ApiResult<unknown>>>;
  platform: string;
}

declare global {
  interface Window {
    drillbench?: PreloadBridge;
  }
}

function electronTransport(bridge: PreloadBridge): Transport {
  return (method, input) => bridge.api[method](input);
}

function httpTransport(token: string): Transport {
  return async (method, input) => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Drillbench-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch (error) {
      return failure(
        'internal',
        `The drillbench host did not answer (${(error as Error).message}). Is it still running?`,
      );
    }
  };
}

export function connectApi(): ApiClient {
  if (window.drillbench) return createApiClient(electronTransport(window.drillbench));
  const token = document.querySelector<HTMLMetaElement>('meta[name="drillbench-token"]')?.content ?? '';
  return createApiClient(httpTransport(token));
}

export const api: ApiClient = connectApi();
