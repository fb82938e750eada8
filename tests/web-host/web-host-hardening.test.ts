// The browser host against a hostile local web: bound to 127.0.0.1 only, token required for the page
// and the API, wrong Host (DNS rebinding) and Origin refused, no way out of the static folder, API calls
// only as POSTed JSON of bounded size, and the token shown nowhere but the page's meta tag.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../src/api/result';
import type { Router } from '../../src/services/api/router';
import { startWebHost, staticPath, type WebHost } from '../../src/web-host/web-host';
import { createClient, visibleText } from './web-host-client';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER';
const calls: { method: unknown; input: unknown }[] = [];
const router: Router = {
  async dispatch(method, input) {
    calls.push({ method, input });
    return ok({ method, echoed: input });
  },
};

let directory: string;
let staticDir: string;
let host: WebHost;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-web-host-'));
  staticDir = join(directory, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>drillbench</title></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(directory, 'secret.txt'), SECRET);
  mkdirSync(join(directory, 'outside'));
  writeFileSync(join(directory, 'outside', 'secret.txt'), SECRET);
  symlinkSync(join(directory, 'secret.txt'), join(staticDir, 'link-out.txt'));
  symlinkSync(join(directory, 'outside'), join(staticDir, 'linked-dir'));
  symlinkSync(join(staticDir, 'assets', 'app.js'), join(staticDir, 'alias.js'));
  host = await startWebHost({ router, staticDir, maxBodyBytes: 4096 });
  client = createClient(host.port);
});

afterAll(async () => {
  await host.close();
  rmSync(directory, { recursive: true, force: true });
});

const api = (method: string, headers: Record<string, string> = {}, body = '{}') =>
  client.send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Drillbench-Token': host.token, ...headers },
    body,
  });

async function pageCookie(): Promise<string> {
  const redirect = await client.send({ path: `/?token=${host.token}` });
  const setCookie = redirect.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

describe('where the host listens', () => {
  it('is bound to the IPv4 loopback address only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url.startsWith(`http://127.0.0.1:${host.port}/`)).toBe(true);
  });

  it('cannot be reached on another interface of this machine', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    const targets = ['::1', ...(external ? [external.address] : [])];
    for (const target of targets) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: target, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, `connecting on ${target}`).not.toBe('connected');
    }
  });
});

describe('the token', () => {
  it('is required for the page and its files', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', `/?token=${'0'.repeat(48)}`]) {
      const response = await client.send({ path });
      expect(response.status, path).toBe(401);
    }
  });

  it('moves from the address into an HttpOnly SameSite cookie that is not the token', async () => {
    const redirect = await client.send({ path: `/?token=${host.token}` });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe('/');
    const cookie = redirect.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(
      new RegExp(`^drillbench-${host.port}=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(cookie).not.toContain(host.token);
    const page = await client.send({ path: '/', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="drillbench-token" content="${host.token}">`);
    const asset = await client.send({
      path: '/assets/app.js',
      headers: { Cookie: cookie.split(';')[0] ?? '' },
    });
    expect(asset.status).toBe(200);
    const wrong = await client.send({
      path: '/',
      headers: { Cookie: `drillbench-${host.port}=${host.token}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('never redirects off the site', async () => {
    const redirect = await client.send({ path: `/.//evil.example/?token=${host.token}` });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe('/');
  });

  it('is required in the X-Drillbench-Token header of every API call', async () => {
    const cookie = await pageCookie();
    const before = calls.length;
    expect((await api('project.info', { 'X-Drillbench-Token': '' })).status).toBe(401);
    expect((await api('project.info', { 'X-Drillbench-Token': `${host.token}0` })).status).toBe(401);
    expect((await api('project.info', { 'X-Drillbench-Token': host.token.slice(0, -1) })).status).toBe(401);
    const cookieOnly = await client.send({
      method: 'POST',
      path: '/api/project.info',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    expect(cookieOnly.status).toBe(401);
    expect(calls.length).toBe(before);
    const good = await api('project.info');
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: { method: 'project.info', echoed: {} } });
  });
});

describe('Host and Origin', () => {
  it('refuses a request naming another host (DNS rebinding) before anything else', async () => {
    const before = calls.length;
    for (const hostHeader of [
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      'evil.example',
      `[::1]:${host.port}`,
    ]) {
      const page = await client.send({ path: `/?token=${host.token}`, headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(421);
      const call = await api('project.info', { Host: hostHeader });
      expect(call.status, hostHeader).toBe(421);
    }
    expect(calls.length).toBe(before);
    expect((await api('project.info', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses API calls from another origin', async () => {
    const before = calls.length;
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
    ]) {
      const response = await api('project.info', { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    expect((await api('project.info', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(calls.length).toBe(before);
    expect((await api('project.info', { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await api('project.info', { Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });
});

describe('static files', () => {
  const attempts = () => [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/index.html%00.png',
    '/%00',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    `/${encodeURIComponent(join(directory, 'secret.txt'))}`,
    '/C:%5cWindows%5cwin.ini',
    '/C:/Windows/win.ini',
    '/link-out.txt',
    '/linked-dir/secret.txt',
    '/%E0%A4%A',
  ];

  it('allows no way out of the folder', async () => {
    const cookie = await pageCookie();
    for (const path of attempts()) {
      const response = await client.send({ path, headers: { Cookie: cookie } });
      expect(response.status, path).not.toBe(200);
      expect(response.body, path).not.toContain(SECRET);
    }
  });

  it('serves files inside the folder, including through a symlink that stays inside', async () => {
    const cookie = await pageCookie();
    expect((await client.send({ path: '/alias.js', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await client.send({ path: '/assets/app.js', headers: { Cookie: cookie } })).body).toContain(
      'app',
    );
  });

  it('refuses escaping paths before touching the file system', () => {
    const root = join(directory, 'static');
    expect(staticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    for (const path of [
      '/..%2f..%2fsecret.txt',
      '/a%5cb',
      '/x%00',
      '/%2e%2e',
      '/C:%2fWindows',
      '/%E0%A4%A',
    ]) {
      expect(staticPath(root, path), path).toBeNull();
    }
  });
});

describe('API requests', () => {
  it('must be POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await client.send({
        method,
        path: '/api/project.info',
        headers: { 'X-Drillbench-Token': host.token },
      });
      expect(response.status, method).toBe(405);
    }
  });

  it('must be JSON', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/jsonp',
      '',
    ]) {
      const response = await api('project.info', { 'Content-Type': type });
      expect(response.status, type).toBe(415);
    }
    expect((await api('project.info', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(
      200,
    );
    const broken = await api('project.info', {}, '{"not json"');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
  });

  it('refuses bodies over the limit, whether declared or streamed', async () => {
    const before = calls.length;
    const declared = await api('project.info', {}, JSON.stringify({ pad: 'x'.repeat(5000) }));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/larger than 4 KB/);
    const streamed = await client.send({
      method: 'POST',
      path: '/api/project.info',
      headers: { 'Content-Type': 'application/json', 'X-Drillbench-Token': host.token },
      body: ['{"pad":"', 'x'.repeat(3000), 'x'.repeat(3000), '"}'],
    });
    expect(streamed.status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it('sends the security headers on every response', async () => {
    const response = await api('project.info');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('the token in responses', () => {
  it('appears only in the meta tag of the page', async () => {
    const cookie = await pageCookie();
    await client.send({ path: '/', headers: { Cookie: cookie } });
    await client.send({ path: '/nothing-here.js', headers: { Cookie: cookie } });
    await client.send({ path: '/?token=wrong' });
    await api('no.such.call');
    expect(client.responses.length).toBeGreaterThan(40);
    let pages = 0;
    for (const response of client.responses) {
      const text = visibleText(response);
      if (!text.includes(host.token)) continue;
      const isPage = response.status === 200 && response.headers['content-type']?.startsWith('text/html');
      expect(isPage, `token in the response to ${response.path}`).toBe(true);
      expect(response.body.split(host.token).length - 1).toBe(1);
      expect(response.body).toContain(`<meta name="drillbench-token" content="${host.token}">`);
      pages++;
    }
    expect(pages).toBeGreaterThan(0);
  });
});
