#!/usr/bin/env node
// `npm start`: builds drillbench and starts it in Electron. `npm install` does not fetch Electron's
// binary (its install script is not allowed to run), so this fetches it when it is missing, and fetches
// a better-sqlite3 compiled for Electron into a cache (the checkout's own build stays the Node one the
// CLI and tests use). Where something cannot be fetched it says why and points to `npm run web`.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch as osArch, platform as osPlatform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

export const SQLITE_BINDING_ENV = 'DRILLBENCH_SQLITE_BINDING';
export const WEB_FALLBACK =
  'You can still use drillbench in your browser: run `npm run web` (it serves the same app on 127.0.0.1).';

/**
 * The executable inside node_modules/electron/dist, as electron's own install.js names it.
 * @param {string} [platform]
 */
export function electronExecutable(platform = osPlatform()) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Whether the Electron binary of this version is in place (the check electron's install.js makes).
 * @param {string} electronDir node_modules/electron
 * @param {string} [platform]
 * @returns {{ installed: true; executable: string } | { installed: false; reason: string }}
 */
export function electronInstallState(electronDir, platform = osPlatform()) {
  /** @type {{ version: string }} */
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const executable = join(electronDir, 'dist', electronExecutable(platform));
  const read = (/** @type {string} */ file) => {
    try {
      return readFileSync(join(electronDir, file), 'utf8').trim();
    } catch {
      return null;
    }
  };
  const installedVersion = read('dist/version');
  if (installedVersion === null || read('path.txt') === null)
    return { installed: false, reason: `Electron ${version} has not been downloaded yet` };
  if (installedVersion.replace(/^v/, '') !== version)
    return { installed: false, reason: `the downloaded Electron is ${installedVersion}, not ${version}` };
  if (!existsSync(executable)) return { installed: false, reason: `${executable} is missing` };
  return { installed: true, executable };
}

/**
 * Why a download failed, in words a user can act on, from the failing command's output.
 * @param {string} output
 */
export function describeDownloadFailure(output) {
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(output))
    return 'this computer could not look up the download server (no internet connection, or DNS is blocked)';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up|timed? ?out/i.test(output))
    return 'the download server could not be reached (offline, or a firewall or proxy is in the way; set HTTPS_PROXY if you use one)';
  if (/\b407\b|proxy authentication/i.test(output))
    return 'the proxy asked for a password (set HTTPS_PROXY with credentials)';
  if (/\b(401|403)\b/.test(output)) return 'the download server refused the request (HTTP 401/403)';
  if (/\b404\b|not found/i.test(output))
    return 'the file is not on the download server (no build for this platform and version)';
  if (/checksum|sha256/i.test(output))
    return 'the downloaded file did not match its checksum (a proxy may have altered it); try again';
  if (/EACCES|EPERM/i.test(output)) return 'node_modules could not be written (permissions)';
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.length > 0);
  return line ? `it failed: ${line}` : 'it failed without saying why';
}

/**
 * Where the Electron build of better-sqlite3 is cached, per versions and platform.
 * @param {{ cacheDir: string; sqliteVersion: string; electronVersion: string; platform: string; arch: string }} options
 */
export function sqliteBindingPath(options) {
  return join(
    options.cacheDir,
    `better-sqlite3-${options.sqliteVersion}-electron-${options.electronVersion}-${options.platform}-${options.arch}`,
    'better_sqlite3.node',
  );
}

/**
 * What `npm start` has to do, in order, given what is already in place.
 * @param {{ electronInstalled: boolean; bindingCached: boolean; build: boolean }} state
 * @returns {('download-electron' | 'build' | 'fetch-sqlite' | 'launch')[]}
 */
export function planStart(state) {
  return [
    ...(state.electronInstalled ? [] : /** @type {const} */ (['download-electron'])),
    ...(state.build ? /** @type {const} */ (['build']) : []),
    ...(state.bindingCached ? [] : /** @type {const} */ (['fetch-sqlite'])),
    'launch',
  ];
}

/**
 * Advice for Electron failing to start on Linux, from its error output; null when there is none.
 * @param {string} output
 */
export function launchFailureAdvice(output) {
  if (/SUID sandbox helper binary/i.test(output) || /chrome-sandbox/i.test(output)) {
    return [
      "Electron's sandbox helper needs to be owned by root on this Linux system. Run, once:",
      '  sudo chown root node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 node_modules/electron/dist/chrome-sandbox',
      'then `npm start` again. (drillbench keeps its renderer sandboxed and will not start without the sandbox.)',
    ].join('\n');
  }
  if (/NODE_MODULE_VERSION/.test(output)) {
    return `better-sqlite3 was compiled for another Node.js than Electron's. Delete node_modules/.cache/drillbench and run \`npm start\` again.`;
  }
  if (/cannot open display|Missing X server|platform failed to initialize/i.test(output)) {
    return 'Electron needs a desktop session (no display was found). On a server, use `npm run web` instead.';
  }
  return null;
}

/**
 * Runs a command, echoing its output, and returns its exit status and output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; env?: NodeJS.ProcessEnv }} [options]
 */
function runStep(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output };
}

/**
 * The file of a package's command (its package.json `bin`), found in this checkout's node_modules;
 * packages that restrict their exports cannot be resolved by path.
 * @param {string} name
 * @param {string} command
 */
export function packageBin(name, command, modulesDir = join(root, 'node_modules')) {
  const dir = join(modulesDir, name);
  /** @type {{ bin?: string | Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[command];
  if (!bin) throw new Error(`${name} has no ${command} command`);
  return join(dir, bin);
}

/** @param {string} message */
function fail(message) {
  console.error(`\n${message}\n${WEB_FALLBACK}`);
  return 1;
}

/**
 * Fetches better-sqlite3's prebuilt binary for Electron (prebuild-install), or compiles one
 * (@electron/rebuild) when there is none, into `target`.
 * @param {{ target: string; electronVersion: string; sqliteDir: string }} options
 */
function fetchSqliteForElectron(options) {
  const work = mkdtempSync(join(tmpdir(), 'drillbench-sqlite-'));
  try {
    const packageDir = join(work, 'better-sqlite3');
    mkdirSync(packageDir);
    copyFileSync(join(options.sqliteDir, 'package.json'), join(packageDir, 'package.json'));
    const prebuild = runStep(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        options.electronVersion,
        '--arch',
        osArch(),
        '--platform',
        osPlatform(),
      ],
      { cwd: packageDir },
    );
    let built = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    let why = prebuild.output;
    if (!prebuild.ok || !existsSync(built)) {
      console.log(
        'No prebuilt better-sqlite3 for this Electron; compiling one (needs a C++ compiler and Python)...',
      );
      const app = join(work, 'app');
      mkdirSync(join(app, 'node_modules'), { recursive: true });
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({
          name: 'drillbench-sqlite',
          version: '0.0.0',
          dependencies: { 'better-sqlite3': '*' },
        }),
      );
      spawnSync(
        process.platform === 'win32' ? 'xcopy' : 'cp',
        process.platform === 'win32'
          ? [options.sqliteDir, join(app, 'node_modules', 'better-sqlite3'), '/E', '/I', '/Q']
          : ['-R', options.sqliteDir, join(app, 'node_modules', 'better-sqlite3')],
      );
      rmSync(join(app, 'node_modules', 'better-sqlite3', 'build'), { recursive: true, force: true });
      const rebuild = runStep(
        process.execPath,
        [
          packageBin('@electron/rebuild', 'electron-rebuild'),
          '--version',
          options.electronVersion,
          '--module-dir',
          app,
          '--only',
          'better-sqlite3',
          '--force',
        ],
        { cwd: app },
      );
      built = join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
      why += `\n${rebuild.output}`;
      if (!rebuild.ok || !existsSync(built)) return { ok: false, why: describeDownloadFailure(why) };
    }
    mkdirSync(dirname(options.target), { recursive: true });
    copyFileSync(built, options.target);
    return { ok: true, why: '' };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** @param {string[]} args extra arguments for the app (a project to open) */
export async function main(args) {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const binding = sqliteBindingPath({
    cacheDir: join(root, 'node_modules', '.cache', 'drillbench'),
    sqliteVersion,
    electronVersion,
    platform: osPlatform(),
    arch: osArch(),
  });
  let state = electronInstallState(electronDir);
  const steps = planStart({
    electronInstalled: state.installed,
    bindingCached: existsSync(binding),
    build: !args.includes('--no-build'),
  });

  for (const step of steps) {
    if (step === 'download-electron') {
      console.log(`Downloading Electron ${electronVersion} (${state.installed ? '' : state.reason})...`);
      // Electron's install script, run as npm would have; a skip flag set for `npm install` must not stop it here.
      const env = { ...process.env };
      delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      const download = runStep(process.execPath, [join(electronDir, 'install.js')], {
        cwd: electronDir,
        env,
      });
      state = electronInstallState(electronDir);
      if (!download.ok || !state.installed) {
        return fail(
          `Electron ${electronVersion} could not be downloaded: ${describeDownloadFailure(download.output)}.`,
        );
      }
    } else if (step === 'build') {
      console.log('Building drillbench...');
      const build = spawnSync(process.execPath, [packageBin('electron-vite', 'electron-vite'), 'build'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (build.status !== 0)
        return fail('The build failed (see above). Fix the error and run `npm start` again.');
    } else if (step === 'fetch-sqlite') {
      console.log(`Fetching better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}...`);
      const fetched = fetchSqliteForElectron({ target: binding, electronVersion, sqliteDir });
      if (!fetched.ok)
        return fail(`better-sqlite3 for Electron could not be fetched or compiled: ${fetched.why}.`);
    } else if (state.installed) {
      const appArgs = args.filter((arg) => arg !== '--no-build');
      const child = spawn(state.executable, ['.', ...appArgs], {
        cwd: root,
        env: { ...process.env, [SQLITE_BINDING_ENV]: binding },
        stdio: ['inherit', 'inherit', 'pipe'],
      });
      let errors = '';
      child.stderr?.on('data', (/** @type {Buffer} */ chunk) => {
        errors += chunk.toString();
        process.stderr.write(chunk);
      });
      const code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
      const advice = code === 0 ? null : launchFailureAdvice(errors);
      if (advice) return fail(advice);
      return Number(code);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
