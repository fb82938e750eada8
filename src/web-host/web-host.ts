// The local browser host: serves the built renderer and the API to this machine only. Every request
// must name this host (127.0.0.1 or localhost with our port, which defeats DNS rebinding); API calls
// must carry the per-launch token and, when the browser sends an Origin, come from our own page.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, normalize, resolve, sep } from 'node:path';
import type { Router } from '../services/api/router';
import { CONTENT_SECURITY_POLICY } from '../services/system/content-security-policy';

export interface WebHostOptions {
  router: Router;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Largest API request body accepted (16 MB by default). */
  maxBodyBytes?: number;
  /** Files the API wrote for download (exports), by id; served at GET /download/<id>. */
  downloads?: (id: string) => { path: string; name: string } | undefined;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

export { CONTENT_SECURITY_POLICY };

/**
 * Compares a presented secret with ours in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever the presented value's length or content.
 */
export function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The media type of a Content-Type header, without parameters, in lower case. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

class BodyTooLarge extends Error {}

function describeBytes(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  response.end(body);
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the caller answers 413 and closes the connection.
        request.off('data', onData);
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A path inside the static folder, or null when the request tries to leave it: `..` (also encoded),
 * backslashes, null bytes and absolute or drive paths are refused before the file system is asked.
 */
export function staticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return null;
  const full = resolve(root, relative);
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : null;
}

/** The file's real path when it (after following symlinks) is still inside the real static folder. */
async function realFileInside(realRoot: string, file: string): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return null;
  }
  return real.startsWith(realRoot + sep) ? real : null;
}

/** A same-origin path to send the browser back to after taking the token out of the address. */
function safeRedirectPath(pathname: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(pathname) ? pathname : '/';
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  // The page's cookie carries a secret of its own, so the API token appears in no response but the page.
  const cookieSecret = randomBytes(24).toString('hex');
  const maxBody = options.maxBodyBytes ?? MAX_BODY;
  const root = resolve(options.staticDir);
  // Files are compared by real path, so a symlink in the folder cannot point outside it.
  const realRoot = realpath(root).catch(() => root);
  let port = 0;
  // Cookies are shared by every port of a host: the port in the name keeps two hosts apart.
  const cookieName = () => `drillbench-${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    query: URLSearchParams,
  ): Promise<void> {
    const queryToken = query.get('token') ?? undefined;
    const fromQuery = sameToken(queryToken, token);
    const authorised = fromQuery || sameToken(cookieValue(request, cookieName()), cookieSecret);
    if (!authorised) {
      send(response, 401, 'This drillbench host needs its token: open the URL printed when it started.');
      return;
    }
    if (fromQuery) {
      // Move the token from the address bar into a cookie so it is not left in history or shared links.
      const cookie = `${cookieName()}=${cookieSecret}; HttpOnly; SameSite=Strict; Path=/`;
      send(response, 303, '', 'text/plain; charset=utf-8', {
        Location: safeRedirectPath(pathname),
        'Set-Cookie': cookie,
      });
      return;
    }
    const file = staticPath(root, pathname === '/' ? '/index.html' : pathname);
    const real = file ? await realFileInside(await realRoot, file) : null;
    if (!file || !real) {
      send(response, file ? 404 : 403, file ? 'Not found.' : 'Forbidden.');
      return;
    }
    try {
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      let body: string | Buffer = await readFile(real);
      const type = CONTENT_TYPES[extname(real)] ?? 'application/octet-stream';
      if (extname(real) === '.html') {
        body = body
          .toString('utf8')
          .replace('<head>', `<head><meta name="drillbench-token" content="${token}">`);
      }
      send(response, 200, body, type);
    } catch {
      send(response, 404, 'Not found.');
    }
  }

  /** An exported file, to the page that holds our cookie only. */
  async function serveDownload(
    request: IncomingMessage,
    response: ServerResponse,
    id: string,
  ): Promise<void> {
    if (!sameToken(cookieValue(request, cookieName()), cookieSecret)) {
      send(response, 401, 'This drillbench host needs its token: open the URL printed when it started.');
      return;
    }
    const download = options.downloads?.(id);
    if (!download) {
      send(response, 404, 'No such download: export the file again.');
      return;
    }
    let size: number;
    try {
      size = (await stat(download.path)).size;
    } catch {
      send(response, 404, 'The exported file is not there any more: export it again.');
      return;
    }
    const ascii = download.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(download.name)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.name)}`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(download.path)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const json = (status: number, value: unknown) =>
      send(response, status, JSON.stringify(value), 'application/json');
    if (request.method !== 'POST') {
      json(405, { ok: false, error: { code: 'refused', message: 'API calls are POST requests.' } });
      return;
    }
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if ((origin !== undefined && !allowedOrigins().has(origin)) || fetchSite === 'cross-site') {
      json(403, {
        ok: false,
        error: { code: 'unauthorized', message: `Requests from ${origin ?? 'another site'} are refused.` },
      });
      return;
    }
    const header = request.headers['x-drillbench-token'];
    if (!sameToken(Array.isArray(header) ? header[0] : header, token)) {
      json(401, {
        ok: false,
        error: { code: 'unauthorized', message: 'Missing or wrong drillbench token.' },
      });
      return;
    }
    if (mediaType(request.headers['content-type']) !== 'application/json') {
      json(415, {
        ok: false,
        error: { code: 'invalid-input', message: 'Send the call as application/json.' },
      });
      return;
    }
    const tooLarge = () => {
      response.on('finish', () => request.destroy());
      send(
        response,
        413,
        JSON.stringify({
          ok: false,
          error: {
            code: 'invalid-input',
            message: `The request is larger than ${describeBytes(maxBody)}; send less at a time.`,
          },
        }),
        'application/json',
        { Connection: 'close' },
      );
    };
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      tooLarge();
      return;
    }
    let input: unknown;
    try {
      const text = await readBody(request, maxBody);
      input = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        tooLarge();
        return;
      }
      json(400, {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `The request body is not valid JSON: ${(error as Error).message}`,
        },
      });
      return;
    }
    json(200, await options.router.dispatch(method, input));
  }

  const server = createServer((request, response) => {
    void (async () => {
      try {
        if (!allowedHosts().has(request.headers.host ?? '')) {
          send(response, 421, 'Wrong host name: open drillbench at the 127.0.0.1 address it printed.');
          return;
        }
        const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
        if (url.pathname.startsWith('/api/'))
          await serveApi(request, response, url.pathname.slice('/api/'.length));
        else if (
          url.pathname.startsWith('/download/') &&
          (request.method === 'GET' || request.method === 'HEAD')
        )
          await serveDownload(request, response, decodeURIComponent(url.pathname.slice('/download/'.length)));
        else if (request.method === 'GET' || request.method === 'HEAD')
          await serveStatic(request, response, url.pathname, url.searchParams);
        else send(response, 405, 'Method not allowed.');
      } catch (error) {
        if (!response.headersSent) send(response, 500, `Internal error: ${(error as Error).message}`);
        else response.destroy();
      }
    })();
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
