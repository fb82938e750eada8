// A raw HTTP client for the browser host's tests: sends exactly the path and headers given (fetch would
// normalise the path and refuses to set Host), and records every response so a test can check that the
// token leaks nowhere.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Sent in one piece with Content-Length, or in pieces (chunked) when an array. */
  body?: string | string[];
}

export function createClient(port: number) {
  const responses: RawResponse[] = [];
  async function send(options: RawRequest = {}): Promise<RawResponse> {
    const path = options.path ?? '/';
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
      const req = httpRequest(
        { host: '127.0.0.1', port, method: options.method ?? 'GET', path, headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              path,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (Array.isArray(options.body)) for (const piece of options.body) req.write(piece);
      else if (options.body !== undefined) req.write(options.body);
      req.end();
    });
    responses.push(response);
    return response;
  }
  return { send, responses };
}

/** Everything a response shows the client, headers included. */
export function visibleText(response: RawResponse): string {
  return `${JSON.stringify(response.headers)}\n${response.body}`;
}
