#!/usr/bin/env node
// `npm run package:check` (CI): builds the unpacked Linux app with electron-builder and a stand-in
// Electron (no download, no native rebuild), then checks what a user would get: the asar holds the main,
// preload and renderer bundles, the project host, the CLI and job worker, every migration and
// package.json; the main bundle does not load SQLite (projects live in the project host); better-sqlite3's
// native module sits unpacked beside the asar; the guides are in resources/docs. Then it runs the
// packaged CLI and the packaged project host under Node.
import { fork, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';

const load = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/**
 * The asar reader: @electron/asar when installed, else the copy electron-builder bundles.
 * @returns {{ listPackage(archive: string, options?: object): string[]; extractFile(archive: string, file: string): Buffer; extractAll(archive: string, dest: string): void; statFile(archive: string, file: string, follow?: boolean): { unpacked?: boolean } }}
 */
export function asarModule() {
  for (const name of ['@electron/asar', 'app-builder-lib/node_modules/@electron/asar']) {
    try {
      return load(name);
    } catch {
      // try the next one
    }
  }
  throw new Error('No asar reader found: install @electron/asar (it comes with electron-builder).');
}

/**
 * The packages a bundle loads, following its static imports of other files of the bundle (chunks).
 * @param {string} entry the bundle's path inside the package, e.g. out/main/index.js
 * @param {(path: string) => string | null} read a file of the package by its path, null when missing
 * @returns {string[]} bare specifiers (packages, node: built-ins), sorted
 */
export function staticPackageImports(entry, read) {
  /** @type {Set<string>} */
  const packages = new Set();
  const seen = new Set();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = read(file) ?? '';
    // `import "x"`, and `import ... from "x"` / `export ... from "x"` (one statement: no `;` before `from`).
    const statements =
      /^\s*(?:import\s*["']([^"']+)["']|(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["'])/gm;
    const specifiers = [...text.matchAll(statements)].map((match) => match[1] ?? match[2] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) queue.push(posix.join(posix.dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return [...packages].sort();
}

/**
 * What must be in the package, as problems found (empty when all is well).
 * @param {{ asarEntries: string[]; unpackedFiles: string[]; migrations: string[]; docs: string[]; main: string | undefined; executable: boolean; mainImports: string[] }} found
 */
export function packageProblems(found) {
  const entries = new Set(found.asarEntries.map((entry) => entry.replace(/\\/g, '/').replace(/^\/+/, '')));
  /** @type {string[]} */
  const problems = [];
  const required = [
    'package.json',
    'out/main/index.js',
    'out/main/cli.js',
    'out/main/project-host.js',
    'out/main/job-worker.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/better-sqlite3/package.json',
    'node_modules/zod/package.json',
    'node_modules/zod/index.js',
    'node_modules/exceljs/package.json',
    'node_modules/exceljs/lib/exceljs.nodejs.js',
    'node_modules/@resvg/resvg-js/package.json',
    'node_modules/yazl/package.json',
    'node_modules/yazl/index.js',
    ...found.migrations.map((file) => `migrations/${file}`),
  ];
  for (const path of required) if (!entries.has(path)) problems.push(`the asar lacks ${path}`);
  if (![...entries].some((entry) => /^out\/renderer\/assets\/.+\.js$/.test(entry)))
    problems.push('the asar holds no renderer script (out/renderer/assets/*.js)');
  if (found.main !== 'out/main/index.js')
    problems.push(`package.json "main" is ${found.main}, not out/main/index.js`);
  if (found.mainImports.includes('better-sqlite3'))
    problems.push(
      'the main bundle (out/main/index.js) loads better-sqlite3: the main process must leave projects to the project host',
    );
  const native = found.unpackedFiles.map((file) => file.replace(/\\/g, '/'));
  if (
    !native.some((file) => /node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/.test(file))
  )
    problems.push("better-sqlite3's better_sqlite3.node is not unpacked beside the asar (asarUnpack)");
  // The report figures' rasteriser: its prebuilt binary for the platform comes as an optional package.
  if (!native.some((file) => /node_modules\/@resvg\/resvg-js-[^/]+\/resvgjs\.[^/]+\.node$/.test(file)))
    problems.push("resvg's native module (@resvg/resvg-js-<platform>) is not unpacked beside the asar");
  for (const entry of entries) {
    if (/^(src|tests|bench|scripts|\.scratch)\//.test(entry))
      problems.push(`the asar holds development files (${entry})`);
    if (/\.map$/.test(entry) && entry.startsWith('out/'))
      problems.push(`the asar holds a source map (${entry})`);
  }
  if (!found.docs.includes('desktop-app.md')) problems.push('resources/docs/desktop-app.md is missing');
  if (!found.executable) problems.push('the app executable (drillbench) is missing');
  return [...new Set(problems)];
}

/** @param {string} directory */
function listFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Runs the packaged CLI under Node from an extracted copy of the asar (its native module is still the
 * Node build, as npmRebuild is off here): proves the shipped files and dependencies are complete.
 * @param {ReturnType<typeof asarModule> & { extractAll(archive: string, dest: string): void }} asar
 * @param {string} archive
 * @param {string} output
 */
async function smokeTest(asar, archive, output) {
  const extracted = join(output, 'extracted');
  asar.extractAll(archive, extracted);
  const project = join(output, 'smoke.drillbench');
  /** @type {string[]} */
  const problems = [];
  // cli.js exports runCli; bin/drillbench.js is what calls it, so do the same here.
  const cli = pathToFileURL(join(extracted, 'out', 'main', 'cli.js')).href;
  const runner = `const { runCli } = await import(${JSON.stringify(cli)});
process.exitCode = await runCli(process.argv.slice(1), { out: (t) => console.log(t), err: (t) => console.error(t) });`;
  for (const args of [
    ['demo', project],
    ['validate', project],
  ]) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', runner, ...args], {
      cwd: output,
      encoding: 'utf8',
      env: { ...process.env, DRILLBENCH_DATA_DIR: output },
    });
    // validate exits 1 when it lists problems (the demo has warnings); 2 and 3 are failures.
    if (result.status !== 0 && !(args[0] === 'validate' && result.status === 1))
      problems.push(
        `the packaged CLI failed on \`${args.join(' ')}\` (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n')[0]}`,
      );
  }
  if (!existsSync(project)) problems.push('the packaged CLI did not write the demo project');
  if (problems.length === 0)
    problems.push(...(await hostSmokeTest(join(extracted, 'out', 'main', 'project-host.js'), project)));
  const exceljs = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(join(extracted, 'node_modules', 'exceljs'))})`],
    { encoding: 'utf8' },
  );
  if (exceljs.status !== 0)
    problems.push(`the packaged exceljs does not load: ${exceljs.stderr.trim().split('\n')[0]}`);
  const resvg = spawnSync(
    process.execPath,
    [
      '-e',
      `new (require(${JSON.stringify(join(extracted, 'node_modules', '@resvg', 'resvg-js'))}).Resvg)('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>').render()`,
    ],
    { encoding: 'utf8' },
  );
  if (resvg.status !== 0)
    problems.push(`the packaged @resvg/resvg-js does not load: ${resvg.stderr.trim().split('\n')[0]}`);
  return problems;
}

/**
 * Starts the packaged project host under Node, as the app starts it in a utility process, and speaks its
 * protocol (src/services/host/host-protocol.ts): open the project, a call, a background job (so the job
 * worker is found beside the host), close. Returns the problems found.
 * @param {string} script the extracted out/main/project-host.js
 * @param {string} project a project file to open
 * @returns {Promise<string[]>}
 */
export function hostSmokeTest(script, project) {
  const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  /** @type {Map<number, (message: any) => void>} */
  const waiting = new Map();
  let nextId = 1;
  /** @param {object} message */
  const ask = (message) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  child.on('message', (/** @type {any} */ message) => {
    const answer = waiting.get(message.id);
    waiting.delete(message.id);
    answer?.(message);
  });
  const ready = new Promise((resolve) => child.once('message', resolve));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const run = async () => {
    await ready;
    const opened = await ask({
      type: 'open',
      request: {
        path: project,
        purpose: 'package-check',
        force: false,
        source: 'api',
        osUser: 'check',
        desktop: false,
      },
    });
    if (!opened.outcome?.ok)
      return [`the packaged project host did not open the project: ${JSON.stringify(opened.outcome)}`];
    const info = await ask({ type: 'call', method: 'project.info', input: {} });
    if (!info.result?.ok)
      return [`the packaged project host failed project.info: ${JSON.stringify(info.result)}`];
    const started = await ask({ type: 'call', method: 'validation.start', input: {} });
    let status = started.result?.value;
    while (status?.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await ask({ type: 'call', method: 'jobs.status', input: { id: status.id } })).result?.value;
    }
    if (status?.state !== 'done')
      return [
        `the packaged project host could not run a background job: ${JSON.stringify(status ?? started.result)}`,
      ];
    await ask({ type: 'close' });
    return [];
  };
  const deadline = new Promise((resolve) =>
    setTimeout(() => resolve(['the packaged project host did not answer within 60 s']), 60_000).unref(),
  );
  return Promise.race([
    run(),
    exited.then((code) => [
      `the packaged project host ended (exit ${code}): ${stderr.trim().split('\n')[0]}`,
    ]),
    deadline,
  ]).finally(() => child.kill());
}

/** @param {string[]} args */
export async function main(args) {
  const output = join(root, 'dist', 'package-check');
  const standIn = join(output, 'stand-in-electron');
  rmSync(output, { recursive: true, force: true });
  if (!args.includes('--no-build')) {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) return 1;
  }
  // A stand-in for Electron's unpacked binary: electron-builder copies the folder and renames the executable.
  mkdirSync(standIn, { recursive: true });
  writeFileSync(
    join(standIn, 'electron'),
    '#!/bin/sh\necho "stand-in Electron from npm run package:check" >&2\nexit 1\n',
  );
  chmodSync(join(standIn, 'electron'), 0o755);
  writeFileSync(join(standIn, 'LICENSE'), 'stand-in\n');
  const builder = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      '-c.npmRebuild=false',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${join(output, 'app')}`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (builder.status !== 0) {
    console.error('\nelectron-builder failed (see above).');
    return 1;
  }
  const appDir = join(output, 'app', 'linux-unpacked');
  const resources = join(appDir, 'resources');
  const archive = join(resources, 'app.asar');
  if (!existsSync(archive)) {
    console.error(`\n${archive} was not written.`);
    return 1;
  }
  const asar = asarModule();
  const asarEntries = asar.listPackage(archive, { isPack: false });
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  const problems = packageProblems({
    asarEntries,
    unpackedFiles: listFiles(join(resources, 'app.asar.unpacked')),
    migrations: readdirSync(join(root, 'migrations')).filter((file) => file.endsWith('.sql')),
    docs: existsSync(join(resources, 'docs')) ? readdirSync(join(resources, 'docs')) : [],
    main: manifest.main,
    executable: existsSync(join(appDir, 'drillbench')),
    mainImports: staticPackageImports('out/main/index.js', (file) => {
      try {
        return asar.extractFile(archive, file).toString('utf8');
      } catch {
        return null;
      }
    }),
  });
  const nodeFile = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  try {
    if (!asar.statFile(archive, nodeFile).unpacked)
      problems.push(`${nodeFile} is inside the asar, not unpacked`);
  } catch {
    problems.push(`the asar has no entry for ${nodeFile}`);
  }
  if (problems.length === 0) problems.push(...(await smokeTest(asar, archive, output)));
  if (problems.length > 0) {
    console.error(`\npackage check FAILED:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  }
  console.log(
    `\npackage check OK: ${asarEntries.length} entries in ${archive}; better-sqlite3 unpacked and not loaded by the main bundle; guides in resources/docs; the packaged CLI wrote and validated the demo project; the packaged project host opened it, answered a call, ran a job and closed it.`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
